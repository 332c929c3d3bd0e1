/**
 * The links gate's checker: linkinator crawls the built site, served from the
 * folder on a loopback port, from every page: every internal link, asset,
 * preview image, JSON-LD URL and #fragment must resolve. URLs on the site's
 * public origin are checked against the build. Links to other sites are not
 * fetched (these machines reach no other site), nor are text fragments
 * (#:~:text=, which need no id); which other sites a story may link to is a
 * content check (src/checks/rules.ts). Site URLs in XML files (the feed, the
 * sitemap) are read here, as linkinator does not read XML.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { check, LinkState } from 'linkinator';
import { builtPages, fileFor, listFiles, serveBuilt } from '../../tools/built-site.ts';

export interface LinkReport {
  /** Distinct URLs of the site that were checked (pages and assets; each page's #fragments are checked against it). */
  checked: number;
  /** Links to other sites, not fetched. */
  external: number;
  /** Site URLs found in XML files. */
  xmlUrls: number;
  problems: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function checkLinks({ dir, origin }: { dir: string; origin: string }): Promise<LinkReport> {
  const server = await serveBuilt(dir);
  const local = server.origin;
  const report: LinkReport = { checked: 0, external: 0, xmlUrls: 0, problems: [] };
  try {
    const result = await check({
      path: builtPages(dir).map((p) => local + p),
      recurse: true,
      checkFragments: true,
      concurrency: 8,
      timeout: 10_000,
      urlRewriteExpressions: [{ pattern: new RegExp(`^${escape(origin)}`), replacement: local }],
      linksToSkip: async (link) => {
        const ours = link.startsWith(local) || link.startsWith(origin);
        if (!ours) report.external++;
        return !ours || link.includes(':~:text=');
      },
    });
    for (const link of result.links) {
      if (link.state === LinkState.SKIPPED) continue;
      report.checked++;
      if (link.state === LinkState.BROKEN) {
        const where = link.parent ? ` on ${link.parent.replace(local, '')}` : '';
        const what = link.status === 200 ? 'has no element with that id' : `answers ${link.status ?? 'nothing'}`;
        report.problems.push(`${link.url.replace(local, '')}${where}: ${what}`);
      }
    }
  } finally {
    await server.close();
  }
  for (const file of listFiles(dir).filter((f) => f.endsWith('.xml'))) {
    for (const m of readFileSync(path.join(dir, file), 'utf8').matchAll(new RegExp(`${escape(origin)}[^<>"'\\s]*`, 'g'))) {
      report.xmlUrls++;
      const url = new URL(m[0].replace(/&amp;/g, '&'));
      if (!fileFor(url.pathname, dir)) report.problems.push(`"${m[0]}" in ${file}: ${url.pathname} is not in the build`);
    }
  }
  return report;
}
