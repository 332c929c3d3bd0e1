/** The link checker the links gate uses (tests/helpers/links.ts), on a small fake build. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLinks, parsePage, srcsetUrls } from '../helpers/links.ts';
import { allowedExternalLinks, fileFor } from '../helpers/site.ts';

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
const check = (files: Record<string, string>, allowed: Record<string, string[]> = {}) =>
  checkLinks({ dir: build(files), origin: ORIGIN, allowedExternal: (p) => new Set(allowed[p] ?? []) });

describe('link checker', () => {
  it('passes a site whose links, fragments and assets all resolve', () => {
    const r = check({
      'index.html': page('<a href="/story/">s</a> <a href="story/#part">p</a> <a href="#top">top</a> <img src="/a.png" alt="">', `<link rel="canonical" href="${ORIGIN}/"><meta property="og:image" content="${ORIGIN}/a.png">`),
      'story/index.html': page('<h2 id="part">Part</h2><a href="../">home</a><a href="#part">self</a><a name="old"></a><a href="#old">old</a>'),
      'a.png': 'png',
      'sitemap.xml': `<urlset><url><loc>${ORIGIN}/story/</loc></url></urlset>`,
    });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ pages: 2, internal: 9, fragments: 4, external: 0, dataUrls: 1 });
  });

  it('reports a missing page, a missing id and a missing asset, naming the page and the element', () => {
    const r = check({
      'index.html': page('<a href="/nope/">x</a><a href="/story/#gone">y</a><img src="/missing.png" alt="">'),
      'story/index.html': page('<h2 id="here">Here</h2>'),
    });
    expect(r.problems).toEqual([
      'a[href]="/nope/" on /: /nope/ is not in the build',
      'a[href]="/story/#gone" on /: /story/ has no element with id "gone"',
      'img[src]="/missing.png" on /: /missing.png is not in the build',
    ]);
  });

  it('decodes percent-encoded fragments and paths', () => {
    const r = check({ 'index.html': page('<p id="é-1">x</p><a href="#%C3%A9-1">y</a><a href="/a%20b/">z</a>'), 'a b/index.html': page('') });
    expect(r.problems).toEqual([]);
  });

  it('allows only the listed external URLs, per page', () => {
    const story = { title: 't', dek: 'd', sources: [{ id: 's', publisher: 'P', title: 'T', url: 'https://news.test/a', quotes: ['two words'] }] };
    const allowed = { '/story/': [...allowedExternalLinks(story)] };
    const r = check(
      {
        'index.html': page('<a href="https://news.test/a">on the home page</a>'),
        'story/index.html': page('<a href="https://news.test/a">a</a> <a href="https://news.test/a#:~:text=two%20words">q</a> <a href="https://tracker.test/x">t</a>'),
      },
      allowed,
    );
    expect(r.external).toBe(4);
    expect(r.problems).toEqual([
      expect.stringMatching(/^a\[href\]="https:\/\/news\.test\/a" on \/: links outside the site/),
      expect.stringMatching(/^a\[href\]="https:\/\/tracker\.test\/x" on \/story\/: links outside the site/),
    ]);
  });

  it('treats scripts, stylesheets, fonts and frames from elsewhere as external', () => {
    const r = check({
      'index.html': page('<iframe src="https://video.test/embed" title="v"></iframe>', '<link rel="stylesheet" href="https://fonts.test/css"><script src="//cdn.test/x.js"></script><link rel="preconnect" href="https://fonts.test">'),
    });
    expect(r.problems).toHaveLength(4);
  });

  it('refuses empty and script URLs, and data: URLs outside images', () => {
    const r = check({ 'index.html': page('<a href="">e</a><a href="javascript:void(0)">j</a><a href="data:text/html,x">d</a><img src="data:image/png;base64,AAA=" alt="">') });
    expect(r.problems).toEqual([
      'a[href]="" on /: the URL is empty',
      expect.stringContaining('a[href]="javascript:void(0)" on /: links outside the site'),
      'a[href]="data:text/html,x" on /: a data: URL is only for images',
    ]);
  });

  it('checks site URLs in JSON-LD and XML files', () => {
    const r = check({
      'index.html': page(`<script type="application/ld+json">{"@context":"https://schema.org","image":"${ORIGIN}/og/none.png","url":"${ORIGIN}/"}</script>`),
      'rss.xml': `<rss xmlns:atom="http://www.w3.org/2005/Atom"><channel><link>${ORIGIN}/</link><item><link>${ORIGIN}/gone/</link></item></channel></rss>`,
    });
    expect(r.problems).toEqual([`JSON-LD "${ORIGIN}/og/none.png" on /: /og/none.png is not in the build`, `"${ORIGIN}/gone/" in rss.xml: /gone/ is not in the build`]);
  });
});

describe('page parsing', () => {
  it('reads srcset candidates, including data: URLs with commas', () => {
    expect(srcsetUrls('a.png 1x, b.png 2x')).toEqual(['a.png', 'b.png']);
    expect(srcsetUrls('a.png 100w,b.png 200w')).toEqual(['a.png', 'b.png']);
    expect(srcsetUrls('data:image/png;base64,AAA= 1x, /b.png 2x')).toEqual(['data:image/png;base64,AAA=', '/b.png']);
  });

  it('collects ids, URL attributes, URL-valued meta and refresh targets', () => {
    const p = parsePage(page('<p id="x">x</p><a name="y"></a><form action="/s"></form>', '<meta http-equiv="refresh" content="0; url=/new/"><meta name="viewport" content="width=device-width">'));
    expect([...p.ids]).toEqual(['x', 'y']);
    expect(p.refs.map((r) => r.value)).toEqual(['/new/', '/s']);
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
