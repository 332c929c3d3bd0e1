/**
 * Quality gate: every internal link and #fragment in dist/ resolves, and the
 * only links to other sites are each story's sources (with their deep links to
 * quoted words). The checker is tests/helpers/links.ts, tested in link-checker.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../helpers/links.ts';
import { allowedExternalLinks, builtPages, DIST, fileFor, requireDist, siteOrigin, sitemapPaths, stories } from '../helpers/site.ts';

describe('links', () => {
  it('every internal link and fragment resolves; external links are only the story’s sources', () => {
    requireDist();
    const allowed = new Map(stories().map((s) => [s.path, allowedExternalLinks(s.frontmatter)]));
    const report = checkLinks({ dir: DIST, origin: siteOrigin(), allowedExternal: (p) => allowed.get(p) ?? new Set() });
    console.log(
      `links: ${report.pages} pages, ${report.internal} internal references (${report.fragments} with a #fragment), ` +
        `${report.external} external (${report.externalUrls.size} distinct), ${report.dataUrls} site URLs in XML/JSON-LD; ${report.problems.length} problems`,
    );
    expect(report.problems, `\n${report.problems.join('\n')}\n`).toEqual([]);
    expect(report.internal).toBeGreaterThan(0);
  });

  it('the sitemap lists every story and only pages that exist', () => {
    requireDist();
    const listed = sitemapPaths();
    for (const p of listed) expect(fileFor(p), `${p} is in the sitemap but not in the build`).not.toBeNull();
    for (const s of stories()) expect(listed, `${s.path} is missing from the sitemap`).toContain(s.path);
    expect(builtPages()).toContain('/');
  });
});
