/**
 * The explainer format as a reader meets it: when the news happened, the short
 * version's labelled parts, terms that open in place (and work without
 * JavaScript), sources grouped by kind, updates and corrections, the About page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { axe as runAxe, WCAG_TAGS } from '../helpers/axe.ts';
import { expect, test } from '@playwright/test';
import { stories } from '../helpers/site.ts';
import { PAGE_IDS, partId, SOURCE_GROUPS } from '../../src/lib/ids.ts';
import { SEARCH_FIRST_QUERY, transferSize } from '../../tools/budgets.ts';

const STORIES = stories();
const DIST = path.resolve('dist');
const STORY = STORIES.find((s) => s.id === 'openai-shifts-partners')!.path;

test('the header says what period the story covers, apart from when it was published and updated', async ({ page }) => {
  await page.goto(STORY);
  const header = page.locator('.story-intro');
  await expect(header.locator('.covers')).toHaveText('Covers January 2025 to April 27, 2026');
  await expect(header.locator('.meta')).toContainText('Published November 26, 2026');
  await expect(header.getByRole('link', { name: 'what changed' })).toHaveAttribute('href', /^#change-/);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd.temporalCoverage).toBe('2025-01-21/2026-04-27');
  await page.goto('/');
  await expect(page.locator('.lead-story .covers')).toHaveText('Covers January 2025 to April 27, 2026');
});

test('the feed dates each story by its latest change and says the period it covers', async ({ request }) => {
  const xml = await (await request.get('/rss.xml')).text();
  expect(xml).toContain('<dc:coverage>2025-01-21/2026-04-27</dc:coverage>');
  expect(xml).toMatch(/Covers January 2025 to April 27, 2026\./);
  expect(xml).toContain('<pubDate>Sun, 06 Dec 2026 00:00:00 GMT</pubDate>');
});

test('the short version is four labelled parts, analysis labelled where it is analysis', async ({ page }) => {
  await page.goto(STORY);
  const labels = await page.locator('.short-version .part-label').allTextContents();
  expect(labels.map((l) => l.replace(/\s+/g, ' ').trim())).toEqual(['What happened', 'Why it matters Analysis', 'The other side', 'What to watch Analysis']);
  // The Analysis label is read out, not hidden.
  await expect(page.getByRole('heading', { level: 3, name: 'Why it matters Analysis' })).toBeVisible();
  await expect(page.locator('.short-version .part').nth(2)).toContainText('Microsoft');
  // Then the key figures and the timeline, before the other sections.
  const order = await page.locator('.prose > section').evaluateAll((s) => s.map((x) => x.getAttribute('data-section')));
  expect(order.slice(0, 3)).toEqual(['the-short-version', 'key-figures', 'timeline']);
});

test('a citation mark never starts a line, and marks in one place read in number order', async ({ page }) => {
  await page.goto(STORY);
  const groups = await page.locator('sup.cite').evaluateAll((sups) => sups.map((s) => [...s.querySelectorAll('a')].map((a) => Number(a.textContent!.replace(/\D/g, '')))));
  for (const g of groups) expect(g).toEqual([...g].sort((a, b) => a - b));
  const before = await page.locator('sup.cite').evaluateAll((sups) => sups.map((s) => s.previousSibling?.textContent?.slice(-1) ?? ''));
  for (const c of before) expect(c).not.toMatch(/^[ \t\n]$/);
});

test.describe('terms', () => {
  test('a term in the text opens its definition in place by pointer; Escape closes it and focus returns', async ({ page }) => {
    await page.goto(STORY);
    const term = page.locator('.prose a.term', { hasText: 'OpenAI Frontier' }).first();
    await term.click();
    const pop = page.locator('#term-popover');
    await expect(pop).toBeVisible();
    await expect(pop).toContainText('OpenAI Frontier');
    await expect(pop).toContainText('agents');
    await expect(term).toHaveAttribute('aria-expanded', 'true');
    expect(new URL(page.url()).hash).toBe('');
    const axe = await runAxe(page, WCAG_TAGS);
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(pop).toBeHidden();
    await expect(term).toBeFocused();
    // A second activation closes it too.
    await term.click();
    await expect(pop).toBeVisible();
    await term.click();
    await expect(pop).toBeHidden();
  });

  test('a term opens by keyboard, and a term the sources do not define says so', async ({ page }) => {
    await page.goto(STORY);
    const term = page.locator('.prose a.term[data-term="stateless-api"]').first();
    await term.focus();
    await page.keyboard.press('Enter');
    const pop = page.locator('#term-popover');
    await expect(pop).toBeVisible();
    await expect(pop).toContainText('The sources name it but do not define it');
    await page.keyboard.press('Escape');
    await expect(term).toBeFocused();
  });

  for (const [width, height] of [[390, 844], [1280, 800]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`an open definition passes axe at ${width}px, ${scheme}`, async ({ page }) => {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(STORY);
        await page.locator('.prose a.term').first().click();
        await expect(page.locator('#term-popover')).toBeVisible();
        const axe = await runAxe(page, [...WCAG_TAGS, 'best-practice']);
        expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        // Inside the window, not off its edge.
        const box = (await page.locator('#term-popover').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      });
    }
  }

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('a term is a link to its entry in the Terms list', async ({ page }) => {
      await page.goto(STORY);
      const term = page.locator('.prose a.term', { hasText: 'OpenAI Frontier' }).first();
      await term.click();
      await expect(page).toHaveURL(/#term-openai-frontier$/);
      await expect(page.locator('#term-openai-frontier')).toBeInViewport();
      for (const name of ['OpenAI Frontier', 'Amazon Bedrock', 'Stateful Runtime Environment', 'Azure OpenAI Service']) {
        await expect(page.locator('.terms dt', { hasText: name })).toBeVisible();
      }
    });
  });
});

test('sources are grouped by kind and say what they are', async ({ page }) => {
  await page.goto(STORY);
  await expect(page.locator('.source-group')).toHaveText(['Company statements', 'News reports']);
  await expect(page.locator('#source-cnbc-memo .source-kind')).toHaveText('News report.');
  await expect(page.locator('#source-joint-statement .source-kind')).toHaveText('Company statement.');
});

for (const story of STORIES) {
  test(`${story.path}: sources read in number order down the page, and a citation [n] leads to the nth`, async ({ page }) => {
    await page.goto(story.path);
    // Numbered 1, 2, 3… in the order the footer shows them, across its groups.
    const numbers = await page.locator('.sources > li').evaluateAll((lis) => lis.map((li) => (li as HTMLLIElement).value));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const listed = await page.locator('.sources > li').evaluateAll((lis) => lis.map((li) => li.id));
    const markers = await page.locator('sup.cite a').evaluateAll((as) => as.map((a) => ({ n: Number(a.textContent!.replace(/\D/g, '')), href: a.getAttribute('href')! })));
    expect(markers.length).toBeGreaterThan(0);
    for (const m of markers) expect(`#${listed[m.n - 1]}`, `[${m.n}] leads to the ${m.n}th source`).toBe(m.href);
  });
}

for (const story of STORIES) {
  test(`${story.path}: every heading links to itself by a stable id, the short version's parts and the sources' groups included`, async ({ page }) => {
    await page.goto(story.path);
    const headings = await page.locator('main article :is(h2, h3)').evaluateAll((hs) =>
      hs.map((h) => ({ id: h.id, cls: h.className, text: h.textContent!.replace(/\s+/g, ' ').trim(), self: h.querySelector(':scope > a.anchor-link')?.getAttribute('href') ?? null })),
    );
    expect(headings.length).toBeGreaterThan(10);
    expect(headings.filter((h) => !h.id || h.self !== `#${h.id}`).map((h) => h.text), 'headings without a link to themselves').toEqual([]);
    expect(new Set(headings.map((h) => h.id)).size, 'every id once').toBe(headings.length);
    // The parts' ids come from their labels and are the page's own (no story heading may take them); so are the groups'.
    const parts = headings.filter((h) => h.cls.includes('part-label'));
    expect(parts.map((p) => p.text.replace(/ Analysis$/, ''))).toEqual(expect.arrayContaining(['What happened', 'Why it matters']));
    for (const p of parts) expect(p.id).toBe(partId(p.text.replace(/ Analysis$/, '')));
    const groups = headings.filter((h) => h.cls.includes('source-group'));
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      expect(Object.values(SOURCE_GROUPS).find((x) => x.text === g.text)?.slug).toBe(g.id);
      expect(PAGE_IDS.has(g.id), `${g.id} is reserved`).toBe(true);
    }
    // "Why it matters", the part people quote, is an address of its own.
    await page.getByRole('heading', { name: /^Why it matters/ }).getByRole('link', { name: 'Why it matters' }).click();
    await expect(page).toHaveURL(/#summary-why-it-matters$/);
    await expect(page.locator('#summary-why-it-matters')).toBeInViewport();
  });
}

test('updates and corrections are listed with anchors, and the About page explains the policy', async ({ page }) => {
  await page.goto(STORY);
  const change = page.locator('.changes > li').first();
  await expect(change).toHaveAttribute('id', /^change-/);
  await expect(change).toContainText('Update:');
  await page.getByRole('link', { name: 'About us and corrections' }).click();
  await expect(page).toHaveURL(/\/about\/$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Corrections policy' })).toBeVisible();
  await expect(page.getByRole('link', { name: /@example\.org$/ })).toHaveAttribute('href', /^mailto:/);
  // The address is the placeholder (CONTACT_EMAIL is not set): no one is promised to read it.
  const report = page.locator('#report-an-error + p');
  await expect(report).toContainText('placeholder');
  await expect(report).not.toContainText('We read every message');
});

test('the header search box finds a story by a word in its text, with its period and the word marked, by keyboard, and the first query fetches at most 150 KB', async ({ page }) => {
  const fetched = new Set<string>();
  page.on('request', (r) => void (new URL(r.url()).pathname.startsWith('/pagefind/') && fetched.add(new URL(r.url()).pathname)));
  await page.goto('/about/');
  await page.getByRole('searchbox', { name: 'Search explainers' }).fill('Bedrock');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=Bedrock$/);
  const result = page.locator('#search-results > li').first();
  await expect(result.getByRole('link')).toHaveText('OpenAI, Amazon and a looser Microsoft deal');
  await expect(result).toContainText('Covers January 2025 to April 27, 2026');
  await expect(result.locator('mark').first()).toContainText('Bedrock');
  await expect(page.locator('#search-status')).toHaveText('1 explainer for “Bedrock”');
  // The next stop after the box's links to the lists: the first result.
  await page.getByRole('link', { name: 'from A to Z', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(result.getByRole('link')).toBeFocused();
  const bytes = [...fetched].reduce((sum, p) => sum + transferSize(readFileSync(path.join(DIST, p)), p), 0);
  console.log(`first search ("Bedrock"): ${fetched.size} files, ${bytes} bytes gzipped`);
  expect(bytes).toBeLessThanOrEqual(SEARCH_FIRST_QUERY);
});
