/**
 * The valid fixtures (tests/fixtures/valid), built once in a folder and with an Astro cache of their
 * own, and read two ways.
 *
 * The printed brief at the caps: the content check caps what the brief carries (PRINT_CAPS in
 * src/checks/rules.ts), so any story within the caps prints on one page. The proof: the fixtures,
 * one of them at every cap (at-the-caps.mdx), printed in Chromium on Letter and A4.
 *
 * A story's three kinds of date, as machines read them: the feed dates an item by the story's
 * latest change (lastChanged in src/lib/stories.ts), and the JSON-LD says datePublished =
 * published and dateModified = updated. content/ cannot tell these apart (its story was
 * published, updated and changed on one day), so one fixture (dates-differ.mdx) has three
 * different days: published < its change's date < updated (the schema refuses a change after `updated`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveBuilt } from '../../tools/built-site.ts';
import { systemChromium } from '../../scripts/system-chromium.ts';
import { PRINT_CAPS } from '../../src/checks/rules.ts';
import { parseStory } from '../../src/checks/story-file.ts';
import { listStoryFiles } from '../../src/checks/check-story.ts';
import { briefParts, missingParts, PAPERS, pdfPages, pdfText, printBrief } from '../helpers/brief.ts';
import { VALID_DIR } from '../helpers/fixtures.ts';
import type { StoryFrontmatter } from '../helpers/site.ts';

const ROOT = mkdtempSync(path.join(os.tmpdir(), 'valid-fixtures-'));
const SITE = path.join(ROOT, 'site');
let browser: Browser;
let server: Awaited<ReturnType<typeof serveBuilt>>;

beforeAll(async () => {
  const env = { ...process.env, STORIES_DIR: VALID_DIR, ASTRO_CACHE_DIR: path.join(ROOT, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' };
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', SITE], { env, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`the build of the fixtures failed:\n${r.stdout}\n${r.stderr}`);
  server = await serveBuilt(SITE);
  browser = await chromium.launch({ executablePath: systemChromium(), args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(ROOT, { recursive: true, force: true });
});

describe('the printed brief at the caps', () => {
  it('the at-the-caps fixture is at every cap', () => {
    const { story } = parseStory(readFileSync(path.join(VALID_DIR, 'at-the-caps.mdx'), 'utf8'), 'at-the-caps.mdx');
    const fm = story!.frontmatter as { sources: unknown[]; timeline: { title: string }[]; figures: unknown[] };
    expect([fm.sources.length, fm.timeline.length, fm.figures.length]).toEqual([PRINT_CAPS.sources, PRINT_CAPS.timeline, PRINT_CAPS.figures]);
    expect(Math.max(...fm.timeline.map((e) => e.title.length))).toBeGreaterThanOrEqual(PRINT_CAPS.timelineTitle - 3);
  });

  for (const file of listStoryFiles(VALID_DIR)) {
    const slug = path.basename(file, '.mdx');
    for (const paper of PAPERS) {
      it(`${slug} prints on one ${paper.format} page with every part`, async () => {
        const page = await browser.newPage();
        try {
          await page.emulateMedia({ media: 'print' });
          await page.goto(`${server.origin}/${slug}/`);
          const parts = await briefParts(page);
          const pdf = await printBrief(page, `fixture-${slug}`, paper);
          expect(pdfPages(pdf)).toBe(1);
          expect(missingParts(pdfText(pdf), parts)).toEqual([]);
        } finally {
          await page.close();
        }
      }, 60_000);
    }
  }
});

const DIFFERENT = 'dates-differ';

/** The valid fixtures with their frontmatter, the one whose dates all differ first. */
const fixtures = listStoryFiles(VALID_DIR)
  .map((file) => {
    const { story } = parseStory(readFileSync(file, 'utf8'), file);
    return { id: path.basename(file, '.mdx'), fm: story!.frontmatter as unknown as StoryFrontmatter };
  })
  .sort((a, b) => Number(b.id === DIFFERENT) - Number(a.id === DIFFERENT));
const day = (date: Date | string) => new Date(date).toISOString().slice(0, 10);

describe('a story’s dates in the feed and the structured data (the valid fixtures, built)', () => {
  it(`${DIFFERENT}.mdx has three different days: published, its change’s date, updated`, () => {
    expect(fixtures[0]!.id, 'checked first').toBe(DIFFERENT);
    const { fm } = fixtures[0]!;
    const change = fm.changes?.at(-1)?.date;
    expect([fm.published, change, fm.updated]).toEqual(['2026-03-02', '2026-03-10', '2026-03-20']);
  });

  it('each feed item is dated by the story’s latest change, not its first publication or its change entry alone', async () => {
    const feed = await new Parser().parseString(readFileSync(path.join(SITE, 'rss.xml'), 'utf8'));
    expect(feed.items.length, 'one item per fixture').toBe(fixtures.length);
    for (const { id, fm } of fixtures) {
      const item = feed.items.find((i) => new URL(i.link!).pathname === `/${id}/`);
      expect(item, `the feed has /${id}/`).toBeDefined();
      // The latest of the story's dates: its publication, its update, each change's.
      const latest = [fm.published, fm.updated ?? fm.published, ...(fm.changes ?? []).map((c) => c.date)].sort().at(-1)!;
      expect(day(item!.pubDate!), `/${id}/: the item's pubDate`).toBe(latest);
    }
  });

  it('the JSON-LD says datePublished = published and dateModified = updated', () => {
    for (const { id, fm } of fixtures) {
      const html = readFileSync(path.join(SITE, id, 'index.html'), 'utf8');
      const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
      expect(blocks, `/${id}/ has one JSON-LD block`).toHaveLength(1);
      const data = JSON.parse(blocks[0]![1]!) as { '@type': string; datePublished: string; dateModified: string };
      expect(data['@type']).toBe('NewsArticle');
      expect({ datePublished: data.datePublished, dateModified: data.dateModified }, `/${id}/`).toEqual({ datePublished: fm.published, dateModified: fm.updated ?? fm.published });
    }
  });
});
