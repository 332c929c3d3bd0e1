import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderOgImage } from '../../src/lib/og-image.ts';
import { builtPages, DIST, fileFor, requireDist, stories } from '../helpers/site.ts';
import { describe, expect, it } from 'vitest';
import { newsArticle, jsonLdText } from '../../src/lib/jsonld.ts';
import { absoluteLink } from '../../src/scripts/copy-link.ts';
import { textFragmentUrl } from '../../src/lib/text-fragment.ts';

describe('copy link', () => {
  it('makes the absolute URL of a fragment link', () => {
    expect(absoluteLink('#the-memo', 'https://x.example/story/')).toBe('https://x.example/story/#the-memo');
  });
  it('drops the current page’s own fragment and text fragment', () => {
    expect(absoluteLink('#sources', 'https://x.example/story/#:~:text=abc')).toBe('https://x.example/story/#sources');
  });
});

describe('text fragments', () => {
  it('encodes short quotes whole, with dashes and commas escaped', () => {
    expect(textFragmentUrl('https://a.example/p#top', 'well-known, quote')).toBe('https://a.example/p#:~:text=well%2Dknown%2C%20quote');
  });
  it('uses start and end words for long quotes', () => {
    expect(textFragmentUrl('https://a.example/p', 'one two three four five six seven eight nine ten')).toBe(
      'https://a.example/p#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten',
    );
  });
});

describe('JSON-LD', () => {
  const data = newsArticle({
    title: 'T</script><b>',
    dek: 'D',
    published: '2026-04-13',
    updated: '2026-04-14',
    url: 'https://x.example/t/',
    image: 'https://x.example/og/t.png',
    site: 'https://x.example/',
    sources: [{ publisher: 'P', title: 'S', url: 'https://s.example/', published: '2026-04-01' }],
  });
  it('is a NewsArticle with its sources as citations', () => {
    expect(data['@type']).toBe('NewsArticle');
    expect(data.citation).toEqual([expect.objectContaining({ url: 'https://s.example/', name: 'S' })]);
  });
  it('cannot close its script element', () => {
    expect(jsonLdText(data)).not.toContain('</script>');
    expect(JSON.parse(jsonLdText(data)).headline).toBe('T</script><b>');
  });
});

describe('preview images', () => {
  it('every built page that names an og:image states its size, and the PNG behind it has that size: 1200×630', () => {
    requireDist();
    let checked = 0;
    for (const page of builtPages()) {
      const html = readFileSync(path.join(DIST, fileFor(page)!), 'utf8');
      const meta = (p: string) => new RegExp(`<meta property="${p}" content="([^"]+)"`).exec(html)?.[1];
      const image = meta('og:image');
      if (!image) continue;
      const file = fileFor(new URL(image).pathname);
      expect(file, `${page}: ${image} is in the build`).not.toBeNull();
      const png = readFileSync(path.join(DIST, file!));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const size = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(size, `${page}: the PNG's size`).toEqual([Number(meta('og:image:width')), Number(meta('og:image:height'))]);
      expect(size).toEqual([1200, 630]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(stories().length);
  });

  it('the renderer draws 1200×630 now, not only in a past build', async () => {
    const png = await renderOgImage('A title', 'A dek.');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});
