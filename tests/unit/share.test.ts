import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

describe('built preview images', () => {
  it('exist at 1200×630 for every story', () => {
    const stories = readdirSync('content/stories').filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
    expect(stories.length).toBeGreaterThan(0);
    for (const slug of stories) {
      const file = `dist/og/${slug}.png`;
      expect(existsSync(file), `${file} (run npm run build first)`).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });
});
