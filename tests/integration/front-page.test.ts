/**
 * The front page with many stories: 20 a page, newest first, the lead on page 1,
 * further pages at /page/2/…, each within the budgets and in the sitemap. Built
 * from 41 generated stories in a folder of their own (as budgets-scale does).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticStory, writeTopics } from '../../scripts/bench-stories.ts';
import { isFrontPage, measureSite } from '../../scripts/budgets.ts';
import { budgetProblems } from '../../tools/budgets.ts';
import { frontPages, STORIES_PER_PAGE } from '../../src/lib/front-page.ts';

const ROOT = path.resolve('.tmp', `front-page-${process.pid}`);
const SITE = path.join(ROOT, 'site');
const COUNT = 41;
const doc = (p: string) => new JSDOM(readFileSync(path.join(SITE, p, 'index.html'), 'utf8')).window.document;

beforeAll(() => {
  const stories = path.join(ROOT, 'stories');
  mkdirSync(stories, { recursive: true });
  for (let i = 0; i < COUNT; i++) {
    const s = syntheticStory(i, { words: 300 });
    // Each a day apart, so "newest first" has one right order.
    const day = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    writeFileSync(path.join(stories, `${s.slug}.mdx`), s.mdx.replace(/^published: .*$/m, `published: "${day}"`).replace(/^updated: .*\n/m, ''));
  }
  writeTopics(path.join(ROOT, 'topics'));
  const env = { ...process.env, STORIES_DIR: stories, TOPICS_DIR: path.join(ROOT, 'topics'), ASTRO_CACHE_DIR: path.join(ROOT, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' };
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', SITE], { env, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`the build of ${COUNT} stories failed:\n${r.stdout}\n${r.stderr}`);
}, 240_000);
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe('front pages', () => {
  it('cut any number of stories into pages of 20, with links both ways', () => {
    const pages = frontPages(Array.from({ length: 1000 }, (_, i) => i));
    expect(pages).toHaveLength(50);
    expect(pages.every((p) => p.stories.length === STORIES_PER_PAGE)).toBe(true);
    expect(pages.map((p) => p.path).slice(0, 3)).toEqual(['/', '/page/2/', '/page/3/']);
    expect([pages[0]!.prev, pages[0]!.next, pages[49]!.prev, pages[49]!.next]).toEqual([undefined, '/page/2/', '/page/49/', undefined]);
    expect(frontPages([])).toHaveLength(1);
  });

  it(`with ${COUNT} stories: the lead and 19 more on "/", 20 on /page/2/, the last one on /page/3/, newest first`, () => {
    const home = doc('.');
    const titles = (d: Document) => [...d.querySelectorAll('.lead-title a, .teaser-title a')].map((a) => a.getAttribute('href'));
    const order = [...titles(home), ...titles(doc('page/2')), ...titles(doc('page/3'))];
    const expected = Array.from({ length: COUNT }, (_, i) => `/bench-story-${String(COUNT - 1 - i).padStart(4, '0')}/`);
    expect(order).toEqual(expected);
    expect(home.querySelectorAll('.teaser')).toHaveLength(19);
    expect(doc('page/2').querySelectorAll('.teaser')).toHaveLength(20);
    expect(doc('page/2').querySelector('.lead-story')).toBeNull();
    expect(existsSync(path.join(SITE, 'page/4'))).toBe(false);
    expect(existsSync(path.join(SITE, 'page/1'))).toBe(false);
    // Every listed story says the period it covers and has its dek.
    for (const t of doc('page/2').querySelectorAll('.teaser')) {
      expect(t.querySelector('.teaser-period')?.textContent).toMatch(/\d{4}/);
      expect(t.querySelector('.teaser-dek')?.textContent?.length).toBeGreaterThan(20);
    }
    // The lead shows the first points of its short version, each fact still cited to a source on the story page.
    const points = home.querySelectorAll('.lead-points .part');
    expect(points.length).toBeGreaterThan(0);
    for (const cite of home.querySelectorAll('.lead-points sup.cite a')) expect(cite.getAttribute('href')).toMatch(/^\/bench-story-0040\/#source-/);
  });

  it('link to each other: Older from "/", Newer and Older from the middle, Newer from the last', () => {
    const nav = (d: Document) => Object.fromEntries([...d.querySelectorAll('.pagination a')].map((a) => [a.getAttribute('rel'), a.getAttribute('href')]));
    expect(nav(doc('.'))).toEqual({ next: '/page/2/' });
    expect(nav(doc('page/2'))).toEqual({ prev: '/', next: '/page/3/' });
    expect(nav(doc('page/3'))).toEqual({ prev: '/page/2/' });
    expect(doc('page/2').title).toMatch(/^Explainers, page 2 of 3 · /);
  });

  it('each has the home page\'s preview card, a 1200×630 PNG in the build', () => {
    const card = (d: Document) => [d.querySelector('meta[property="og:image"]')?.getAttribute('content'), d.querySelector('meta[name="twitter:image"]')?.getAttribute('content')];
    const [home] = card(doc('.'));
    expect(home).toMatch(/^https?:\/\/[^/]+\/og\/page\.home\.png$/);
    for (const p of ['page/2', 'page/3']) expect(card(doc(p)), p).toEqual([home, home]);
    const png = readFileSync(path.join(SITE, new URL(home!).pathname));
    expect([png.subarray(1, 4).toString('latin1'), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(['PNG', 1200, 630]);
  });

  it('each stays within every budget, and the sitemap lists them with the date of their newest story', () => {
    const figures = measureSite(SITE);
    // The further front pages, and the lists held to their budgets: topics and the A–Z list.
    const fronts = figures.filter((f) => f.page === '/' || isFrontPage(f));
    expect(fronts.map((f) => f.page).filter((p) => !/^\/(topics|stories)\//.test(p)).sort()).toEqual(['/', '/page/2/', '/page/3/']);
    expect(fronts.filter((f) => /^\/topics\/[a-z]/.test(f.page)).length, 'topic pages').toBeGreaterThan(0);
    for (const f of fronts) expect(budgetProblems(f), f.page).toEqual([]);
    const sitemap = readFileSync(path.join(SITE, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toMatch(/\/page\/2\/<\/loc><lastmod>2026-01-21/);
  });
});
