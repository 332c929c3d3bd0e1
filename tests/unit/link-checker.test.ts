/** The link checker the links gate uses (tests/helpers/links.ts, linkinator), on a small fake build. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLinks } from '../helpers/links.ts';
import { fileFor } from '../helpers/site.ts';

const ORIGIN = 'https://site.test';
let dir = '';
function build(files: Record<string, string>) {
  dir = mkdtempSync(path.join(tmpdir(), 'links-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), body);
  }
  return dir;
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const page = (body: string, head = '') => `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body>${body}</body></html>`;
const check = (files: Record<string, string>) => checkLinks({ dir: build(files), origin: ORIGIN });

describe('link checker', () => {
  it('passes a site whose links, fragments, assets and preview URLs all resolve', async () => {
    const r = await check({
      'index.html': page('<a href="/story/">s</a> <a href="story/#part">p</a> <img src="/a.png" alt=""> <a href="https://news.test/a">elsewhere</a>', `<link rel="canonical" href="${ORIGIN}/"><meta property="og:image" content="${ORIGIN}/a.png">`),
      'story/index.html': page('<h2 id="part">Part</h2><a href="../">home</a><a href="#part">self</a> <a href="https://news.test/a#:~:text=two%20words">q</a>'),
      'a.png': 'png',
      'sitemap.xml': `<urlset><url><loc>${ORIGIN}/story/</loc></url></urlset>`,
    });
    expect(r.problems).toEqual([]);
    expect(r.external).toBeGreaterThanOrEqual(2);
    expect(r.xmlUrls).toBe(1);
  });

  it('reports a missing page, a missing id, a missing asset and a missing preview image, naming the page', async () => {
    const r = await check({
      'index.html': page('<a href="/nope/">x</a><a href="/story/#gone">y</a><img src="/missing.png" alt="">', `<meta property="og:image" content="${ORIGIN}/og/none.png">`),
      'story/index.html': page('<h2 id="here">Here</h2>'),
    });
    expect(r.problems.sort()).toEqual([
      '/missing.png on /: answers 404',
      '/nope/ on /: answers 404',
      '/og/none.png on /: answers 404',
      '/story/#gone on /: has no element with that id',
    ]);
  });

  it('checks site URLs in XML files', async () => {
    const r = await check({
      'index.html': page('x'),
      'rss.xml': `<rss><channel><link>${ORIGIN}/</link><item><link>${ORIGIN}/gone/</link></item></channel></rss>`,
    });
    expect(r.problems).toEqual([`"${ORIGIN}/gone/" in rss.xml: /gone/ is not in the build`]);
  });
});

describe('site paths', () => {
  it('maps URL paths to the files a static host serves', () => {
    const d = build({ 'index.html': '', 'a/index.html': '', 'b.html': '', 'rss.xml': '' });
    expect(fileFor('/', d)).toBe('index.html');
    expect(fileFor('/a/', d)).toBe('a/index.html');
    expect(fileFor('/a', d)).toBe('a/index.html');
    expect(fileFor('/b', d)).toBe('b.html');
    expect(fileFor('/rss.xml', d)).toBe('rss.xml');
    expect(fileFor('/c/', d)).toBeNull();
    expect(fileFor('/../etc/passwd', d)).toBeNull();
  });
});
