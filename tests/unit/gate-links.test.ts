/**
 * Quality gate: every internal link, asset and #fragment in dist/ resolves, and
 * so do the site URLs in the feed, the sitemap and JSON-LD. The checker is
 * tests/helpers/links.ts (linkinator), tested in link-checker.test.ts. Which
 * other sites a story may link to is a content check (src/checks/rules.ts).
 */
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../helpers/links.ts';
import { builtPages, DIST, fileFor, requireDist, siteOrigin, sitemapPaths, stories } from '../helpers/site.ts';

describe('links', () => {
  it('every internal link, asset and fragment resolves, and every site URL in the feed and sitemap', async () => {
    requireDist();
    const report = await checkLinks({ dir: DIST, origin: siteOrigin() });
    console.log(`links: ${report.checked} site URLs checked with their #fragments, ${report.xmlUrls} in XML, ${report.external} links to other sites; ${report.problems.length} problems`);
    expect(report.problems, `\n${report.problems.join('\n')}\n`).toEqual([]);
    expect(report.checked).toBeGreaterThan(builtPages().length);
    expect(report.xmlUrls).toBeGreaterThan(0);
  });

  it('the sitemap lists every story and only pages that exist', () => {
    requireDist();
    const listed = sitemapPaths();
    for (const p of listed) expect(fileFor(p), `${p} is in the sitemap but not in the build`).not.toBeNull();
    for (const s of stories()) expect(listed, `${s.path} is missing from the sitemap`).toContain(s.path);
    expect(builtPages()).toContain('/');
  });
});
