/**
 * Share pages (issue 15), read from dist/ as a host serves them: for every section of every
 * story (and every alias id), the share page exists, its head is the section's own preview, its
 * card is a 1200×630 PNG of its own, and a link-preview scraper (open-graph-scraper) reads that.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ogs from 'open-graph-scraper';
import { describe, expect, it } from 'vitest';
import { leadSentences, shareSections } from '../../src/lib/share.ts';
import { declaredAliases, DIST, fileFor, requireDist, siteOrigin, sitemapPaths, stories } from '../helpers/site.ts';

const read = (urlPath: string) => {
  const file = fileFor(urlPath);
  if (!file) throw new Error(`${urlPath} is not in the build`);
  return readFileSync(path.join(DIST, file));
};
const html = (urlPath: string) => read(urlPath).toString('utf8');
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const meta = (page: string, key: string) => {
  const m = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(page);
  return m ? decode(m[1]!) : undefined;
};
const text = (fragment: string) => decode(fragment.replace(/<sup[\s\S]*?<\/sup>/g, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();

/** The story page's sections as a reader sees them: every h2 whose text links to itself, with its id and text. */
function sectionsOf(storyHtml: string) {
  return [...storyHtml.matchAll(/<h2 id="([^"]+)"[^>]*>\s*<a class="anchor-link"[^>]*>((?:(?!<\/h2>)[\s\S])*)<\/h2>/g)].map((m) => ({ id: m[1]!, title: text(m[2]!) }));
}
/** The text of the page from a section's heading to the next h2. */
function sectionText(storyHtml: string, id: string) {
  const start = storyHtml.indexOf(`<h2 id="${id}"`);
  const end = storyHtml.indexOf('<h2 ', start + 1);
  return text(storyHtml.slice(storyHtml.indexOf('</h2>', start), end < 0 ? undefined : end));
}
function pngSize(png: Buffer) {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('share pages, for every section of every story', () => {
  requireDist();
  const origin = siteOrigin();
  for (const story of stories()) {
    const storyHtml = html(story.path);
    const sections = sectionsOf(storyHtml);
    const shares = [
      ...sections.map((s) => ({ ...s, share: s.id })),
      ...declaredAliases(story.file).flatMap(({ alias, id }) => sections.filter((s) => s.id === id).map((s) => ({ ...s, share: alias }))),
    ];
    it(`${story.path}: the page has sections to share, each with a share address on its "#" link`, () => {
      expect(sections.length).toBeGreaterThanOrEqual(5);
      for (const s of sections) {
        // The heading's own link: inside the h2, its words.
        const link = new RegExp(`^<h2 id="${s.id}"[^>]*>\\s*(<a class="anchor-link"[^>]*>)`).exec(storyHtml.slice(storyHtml.indexOf(`<h2 id="${s.id}"`)))![1]!;
        expect(link, s.id).toContain(`href="#${s.id}"`);
        expect(link, s.id).toContain(`data-share="s/${s.id}/"`);
      }
    });
    const storyImage = read(new URL(meta(storyHtml, 'og:image')!).pathname);

    for (const s of shares) {
      const address = `${story.path}s/${s.share}/`;
      it(`${address}: the section's title, description, card and address; noindex; lands on #${s.id}`, async () => {
        const page = html(address);
        const title = `${s.title} — ${story.frontmatter.title}`;
        expect(meta(page, 'og:title')).toBe(title);
        expect(meta(page, 'twitter:title')).toBe(title);
        expect(meta(page, 'og:type')).toBe('article');
        expect(meta(page, 'og:url')).toBe(`${origin}${address}`);
        expect(page).toContain(`<link rel="canonical" href="${origin}${address}">`);
        expect(meta(page, 'robots')).toBe('noindex');
        const description = meta(page, 'og:description')!;
        expect(meta(page, 'description')).toBe(description);
        expect(meta(page, 'twitter:description')).toBe(description);
        expect(description.length).toBeGreaterThan(20);
        expect(description.length).toBeLessThanOrEqual(200);
        expect(description).not.toMatch(/[<>{}]|\[\d+\]/);
        // Taken from the section: its opening words are the section's (lists: its first item's words).
        const words = description.split(/[ :]/).filter((w) => w.length > 3).slice(0, 3);
        for (const w of words) expect(sectionText(storyHtml, s.id).toLowerCase(), `"${w}" from ${s.id}`).toContain(w.replace(/[.,;…]+$/, '').toLowerCase());

        const image = meta(page, 'og:image')!;
        expect(meta(page, 'twitter:image')).toBe(image);
        expect(meta(page, 'twitter:card')).toBe('summary_large_image');
        const png = read(new URL(image).pathname);
        expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
        expect(png.equals(storyImage), 'the section card is not the story card').toBe(false);

        // Without JavaScript: an immediate refresh to the section, and a link a reader can follow.
        expect(page).toContain(`<meta http-equiv="refresh" content="0; url=${story.path}#${s.id}">`);
        expect(page).toMatch(new RegExp(`<a class="section-landing-link" href="${story.path}#${s.id}">`));

        // An unfurler's view: what a chat app shows when the address is pasted.
        const { result, error } = await ogs({ html: page });
        expect(error).toBe(false);
        expect(result.ogTitle).toBe(title);
        expect(result.twitterTitle).toBe(title);
        expect(result.ogDescription).toBe(description);
        expect(result.ogUrl).toBe(`${origin}${address}`);
        expect(result.ogImage?.[0]?.url).toBe(image);
        expect(result.twitterImage?.[0]?.url).toBe(image);
      });
    }

    it(`${story.path}: every section has its own card`, () => {
      const cards = new Set(sections.map((s) => meta(html(`${story.path}s/${s.id}/`), 'og:image')));
      expect(cards.size).toBe(sections.length);
    });
  }

  it('the sitemap and the feed list no share page; the home and About pages have cards', () => {
    expect(sitemapPaths().filter((p) => /\/s\//.test(p))).toEqual([]);
    expect(readFileSync(path.join(DIST, 'rss.xml'), 'utf8')).not.toMatch(/\/s\//);
    for (const p of ['/', '/about/']) {
      const page = html(p);
      const image = meta(page, 'og:image')!;
      expect(meta(page, 'twitter:image'), p).toBe(image);
      expect(pngSize(read(new URL(image).pathname)), p).toEqual({ width: 1200, height: 630 });
    }
  });
});

describe('share helpers', () => {
  it('describes a section by its first whole sentences, within 200 characters', () => {
    const long = 'First sentence is here. Second one, a bit longer, follows it. ' + 'Word '.repeat(60);
    expect(leadSentences(long)).toBe('First sentence is here. Second one, a bit longer, follows it.');
    expect(leadSentences('Short.')).toBe('Short.');
    const one = leadSentences('word '.repeat(80));
    expect(one.length).toBeLessThanOrEqual(200);
    expect(one.endsWith('…')).toBe(true);
  });
  it('gives alias ids share pages that land on the current id, and panels their own description', () => {
    const story = { id: 's', title: 'T', dek: 'D.', figures: [{ label: 'Jobs lost', value: '1,200' }], timeline: [], terms: [], changes: [], sources: [{ publisher: 'P', title: 'X' }] };
    const shares = shareSections(story, [{ slug: 'a', text: 'A' }, { slug: 'key-figures', text: 'Key figures' }, { slug: 'sources', text: 'Sources' }], { a: 'Alpha text.' }, { old: 'a', gone: 'missing' });
    expect(shares.map((s) => [s.id, s.target, s.description])).toEqual([
      ['a', 'a', 'Alpha text.'],
      ['key-figures', 'key-figures', '1,200: Jobs lost.'],
      ['sources', 'sources', 'P: 1 source, each linked to the original.'],
      ['old', 'a', 'Alpha text.'],
    ]);
  });
});
