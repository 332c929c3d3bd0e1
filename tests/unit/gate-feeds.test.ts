/**
 * Quality gate: the feed, the sitemap and robots.txt, read as crawlers and feed
 * readers read them. The feed is parsed by rss-parser and must carry a
 * lastBuildDate, a channel image that is a PNG of at most 144 px in the build,
 * and every story, dated by its latest change; the sitemap is validated against
 * the sitemaps.org schema (the XSD the `sitemap` package ships, by libxml2's
 * xmllint) and its index read by the `sitemap` package's strict parser, with a
 * lastmod for every page; robots.txt names the sitemap.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { JSDOM } from 'jsdom';
import Parser from 'rss-parser';
import { ErrorLevel, type IndexItem, parseSitemap, XMLToSitemapIndexStream } from 'sitemap';
import { validateXML } from 'xmllint-wasm';
import { ABOUT_UPDATED } from '../../src/lib/site.ts';
import { describe, expect, it } from 'vitest';
import { DIST, fileFor, requireDist, siteOrigin, stories } from '../helpers/site.ts';

const read = (file: string) => readFileSync(path.join(DIST, file), 'utf8');
const SITEMAP_XSD = path.join(path.dirname(createRequire(import.meta.url).resolve('sitemap/package.json')), 'schema', 'sitemap.xsd');
/** The date a story last changed, as the feed and sitemap must give it. */
/** A story's latest change: its last update or correction, else updated, else published. */
const changed = (fm: { published: string; updated?: string; changes?: { date: string }[] }) => [fm.updated ?? fm.published, ...(fm.changes ?? []).map((c) => c.date)].sort().at(-1)!;

describe('feed, sitemap and robots.txt', () => {
  requireDist();
  const origin = siteOrigin();
  const list = stories();

  it('the feed parses, with lastBuildDate, a channel image, and every story dated by its latest change', async () => {
    const feed = await new Parser().parseString(read('rss.xml'));
    expect(feed.title).toBeTruthy();
    expect(feed.link).toBe(`${origin}/`);
    const newest = list.map((s) => changed(s.frontmatter)).sort().at(-1)!;
    expect(feed.lastBuildDate, 'lastBuildDate').toBeTruthy();
    expect(new Date(feed.lastBuildDate as string).toISOString().slice(0, 10), 'lastBuildDate is the newest change').toBe(newest);

    const image = feed.image as { url?: string; width?: string; height?: string; link?: string; title?: string } | undefined;
    expect(image?.url, 'a channel image').toBeTruthy();
    expect(image!.link).toBe(`${origin}/`);
    expect(image!.title).toBe(feed.title);
    const imageUrl = new URL(image!.url!);
    expect(imageUrl.origin).toBe(origin);
    const png = readFileSync(path.join(DIST, fileFor(imageUrl.pathname) ?? 'missing'));
    expect(png.subarray(1, 4).toString(), 'the channel image is a PNG (RSS 2.0 takes GIF, JPEG or PNG)').toBe('PNG');
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(Math.max(w, h), 'at most 144 px wide (RSS 2.0)').toBeLessThanOrEqual(144);
    expect([String(w), String(h)]).toEqual([image!.width, image!.height]);

    expect(feed.items.map((i) => i.link).sort()).toEqual(list.map((s) => new URL(s.path, origin).href).sort());
    for (const s of list) {
      const item = feed.items.find((i) => i.link === new URL(s.path, origin).href)!;
      expect(item.title).toBe(s.frontmatter.title);
      expect(item.isoDate?.slice(0, 10), `${s.path}: the item's date is its latest change`).toBe(changed(s.frontmatter));
    }
    console.log(`feed: ${feed.items.length} items, lastBuildDate ${feed.lastBuildDate}, image ${image!.url} (${w}×${h})`);
  });

  it('each topic has a feed, announced on its page, that both parsers read, with exactly its stories', async () => {
    const topics = readdirSync(path.join(DIST, 'topics'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(topics.length).toBeGreaterThan(0);
    for (const t of topics) {
      const xml = read(`topics/${t}/rss.xml`);
      const feed = await new Parser().parseString(xml);
      expect(read(`topics/${t}/index.html`)).toContain(`<link rel="alternate" type="application/rss+xml" title="The Explainer: `);
      // jsdom's XML parser throws on anything not well-formed; rss-parser reads it as a feed.
      expect(new JSDOM(xml, { contentType: 'application/xml' }).window.document.querySelectorAll('channel > item')).toHaveLength(feed.items.length);
      const mine = list.filter((s) => s.frontmatter.topics?.includes(t));
      expect(feed.items.map((i) => i.link).sort(), t).toEqual(mine.map((s) => new URL(s.path, origin).href).sort());
    }
  });

  it('the sitemap is valid against the sitemaps.org schema, and its index by a strict parser, with a lastmod for every page', async () => {
    const index: IndexItem[] = [];
    const warnings: string[] = [];
    await new Promise<void>((resolve, reject) =>
      Readable.from([read('sitemap-index.xml')])
        .pipe(new XMLToSitemapIndexStream({ level: ErrorLevel.THROW, logger: (level, ...m) => warnings.push(`${level}: ${m.join(' ')}`) }))
        .on('data', (item: IndexItem) => index.push(item))
        .on('error', reject)
        .on('end', resolve),
    );
    expect(warnings, 'the sitemap index parses with no unknown or bad tags').toEqual([]);
    expect(index.length).toBeGreaterThan(0);

    const urls: string[] = [];
    for (const entry of index) {
      const file = fileFor(new URL(entry.url).pathname);
      expect(file, `${entry.url} is in the build`).toBeTruthy();
      expect(entry.lastmod, `${entry.url}: lastmod`).toMatch(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/);
      const xml = read(file!);
      const result = await validateXML({ xml: [{ fileName: file!, contents: xml }], schema: [{ fileName: 'sitemap.xsd', contents: readFileSync(SITEMAP_XSD, 'utf8') }] });
      expect(result.errors.map((e) => e.rawMessage), `${file} against the sitemaps.org schema`).toEqual([]);
      for (const item of await parseSitemap(Readable.from([xml]))) {
        urls.push(item.url);
        const page = new URL(item.url).pathname;
        const story = list.find((s) => s.path === page);
        const expected = story ? changed(story.frontmatter) : page === '/' ? list.map((s) => changed(s.frontmatter)).sort().at(-1) : page === '/about/' ? ABOUT_UPDATED : undefined;
        expect(item.lastmod, `${item.url}: lastmod`).toBeTruthy();
        if (expected) expect(item.lastmod!.slice(0, 10), `${item.url}: lastmod is the latest change`).toBe(expected);
      }
    }
    for (const s of list) expect(urls, `${s.path} is in the sitemap`).toContain(new URL(s.path, origin).href);
    console.log(`sitemap: ${index.length} sitemap(s), ${urls.length} URLs, each with lastmod, valid against sitemap.xsd`);
  });

  it('robots.txt allows crawling and names the sitemap by its absolute URL', () => {
    const robots = read('robots.txt');
    const lines = robots.split('\n').map((l) => l.trim());
    expect(lines).toContain('User-agent: *');
    expect(lines.some((l) => /^Disallow:\s*\/\S/.test(l)), 'nothing is disallowed').toBe(false);
    const sitemaps = lines.filter((l) => /^Sitemap:/i.test(l)).map((l) => l.replace(/^Sitemap:\s*/i, ''));
    expect(sitemaps).toEqual([`${origin}/sitemap-index.xml`]);
    expect(fileFor(new URL(sitemaps[0]!).pathname), 'the sitemap it names is in the build').toBe('sitemap-index.xml');
  });
});
