import { expect, test, type Page } from '@playwright/test';
import { declaredAliases, stories } from '../helpers/site.ts';
import { expectLandedOn } from '../helpers/landed.ts';

const STORY = '/openai-shifts-partners/';
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];

/** Every id a reader can share: sections, timeline entries, sources. */
async function shareableIds(page: Page): Promise<string[]> {
  await page.goto(STORY);
  return page.locator('main h2[id], main h3[id], .timeline-entry[id], .source[id]').evaluateAll((els) => els.map((e) => e.id));
}

for (const size of SIZES) {
  test(`every section, timeline entry and source lands in view on ${size.name}`, async ({ page }) => {
    await page.setViewportSize(size);
    const ids = await shareableIds(page);
    expect(ids.length).toBeGreaterThanOrEqual(7 + 6 + 6);
    for (const id of ids) {
      await page.goto(`${STORY}#${id}`);
      await expectLandedOn(page, id);
      expect(await page.evaluate(() => location.hash.slice(1))).toBe(id);
      const highlighted = await page.locator(`[id="${id}"]`).evaluate((el) => el.matches(':target'));
      expect(highlighted).toBe(true);
    }
  });
}

for (const story of stories()) {
  test(`${story.path}: every alias id the story declares lands its section in view, from the top of the page`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const aliases = declaredAliases(story.file);
    for (const { alias, id } of aliases) {
      await page.goto(story.path);
      const heading = page.locator(`[id="${id}"]`);
      // Only an alias whose section starts off screen shows that the link moved the page.
      if (await heading.evaluate((el) => el.getBoundingClientRect().top < innerHeight)) continue;
      await page.goto(`${story.path}#${alias}`);
      await expect(heading, `#${alias} should land on #${id}`).toBeInViewport();
      expect(await page.evaluate(() => scrollY), `#${alias} scrolled the page`).toBeGreaterThan(0);
    }
    const offScreen = await page.evaluate(
      (ids) => ids.filter((i) => { const el = document.getElementById(i); return !!el && el.getBoundingClientRect().top + scrollY > innerHeight; }).length,
      aliases.map((a) => a.id),
    );
    expect(offScreen, 'at least one alias names a section below the first screen').toBeGreaterThan(0);
  });
}

test('a heading’s own text links to it, the heading keeps its name, and its # shows on keyboard focus', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(STORY);
  const heading = page.getByRole('heading', { level: 2, name: 'The memo', exact: true });
  const link = heading.getByRole('link', { name: 'The memo', exact: true });
  await expect(link).toHaveAttribute('href', '#the-memo');
  const hint = () => link.evaluate((a) => getComputedStyle(a, '::after').opacity);
  expect(await hint(), 'the # is hidden until hover or focus on a pointer device').toBe('0');
  await link.focus();
  await expect.poll(hint).toBe('1');
  // Every anchor link is named by words, never by a lone symbol: its own words, or (a source's number, which CSS draws) "Source 3".
  const names = await page.locator('a.anchor-link').evaluateAll((as) => as.map((a) => a.getAttribute('aria-label') ?? a.textContent!.trim()));
  expect(names.length).toBeGreaterThanOrEqual(10 + 6 + 6);
  for (const n of names) expect(n).toMatch(/\w{2}/);
});

test('after landing on a section, Tab continues from there', async ({ page }) => {
  await page.goto(`${STORY}#the-memo`);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const el = document.activeElement!;
    return el.compareDocumentPosition(document.getElementById('the-memo')!) & Node.DOCUMENT_POSITION_PRECEDING;
  });
  expect(focused).toBeTruthy();
});

test('Copy link copies the absolute URL of the section (its share address) and announces it', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto(STORY);
  const button = page.getByRole('button', { name: 'Copy link to section: The Amazon deal' });
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await button.click();
  await expect.poll(clipboard).toBe(`${baseURL}${STORY}s/the-amazon-deal/`);
  await expect(page.locator('#announcer')).toHaveText('Link copied');
  await expect(page.locator('#announcer')).toHaveAttribute('aria-live', 'polite');

  await page.locator('#source-cnbc-memo').getByRole('button', { name: /^Copy link to source \d+: CNBC$/ }).click();
  await expect.poll(clipboard).toMatch(/#source-cnbc-memo$/);
  await page.getByRole('button', { name: /^Copy link to timeline entry: OpenAI and Amazon/ }).click();
  await expect.poll(clipboard).toBe(`${baseURL}${STORY}#2026-02-27-amazon-deal`);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('anchors still land and no copy buttons are shown', async ({ page }) => {
    await page.goto(STORY);
    await expect(page.locator('button.copy-link')).toHaveCount(0);
    await page.getByRole('heading', { name: 'What we don’t know' }).getByRole('link').click();
    await expect(page).toHaveURL(/#what-we-dont-know$/);
    await expectLandedOn(page, 'what-we-dont-know');
  });
});

test('a text-fragment link scrolls to the quoted words', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto(`${STORY}#:~:text=Stateful%20Runtime%20Environment`);
  await page.waitForFunction(() => window.scrollY > 0);
  const para = page.locator('p', { hasText: 'Stateful Runtime Environment for agents is to run natively' });
  await expect(para).toBeInViewport();
});

test('the head carries canonical, Open Graph and Twitter metadata', async ({ page }) => {
  await page.goto(STORY);
  const meta = (sel: string) => page.locator(sel).getAttribute('content');
  const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
  expect(canonical).toMatch(/^https:\/\/[^/]+\/openai-shifts-partners\/$/);
  expect(await meta('meta[property="og:url"]')).toBe(canonical);
  expect(await meta('meta[property="og:type"]')).toBe('article');
  expect(await meta('meta[property="og:title"]')).toBe(stories().find((s) => s.path === STORY)!.frontmatter.title);
  expect(await meta('meta[name=description]')).toBe(stories().find((s) => s.path === STORY)!.frontmatter.dek);
  expect(await meta('meta[property="og:description"]')).toBe(await meta('meta[name=description]'));
  expect(await meta('meta[property="og:image"]')).toBe(new URL('/og/openai-shifts-partners.png', canonical!).href);
  expect(await meta('meta[property="article:published_time"]')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(await meta('meta[property="article:modified_time"]')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
  // The preview image is served at the path the metadata names.
  const image = await page.request.get('/og/openai-shifts-partners.png');
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toContain('image/png');
});

test('NewsArticle JSON-LD parses with the required fields and cites every source', async ({ page }) => {
  await page.goto(STORY);
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(data['@context']).toBe('https://schema.org');
  expect(data['@type']).toBe('NewsArticle');
  expect(data.headline).toBe(stories().find((s) => s.path === STORY)!.frontmatter.title);
  for (const key of ['description', 'datePublished', 'dateModified', 'author', 'publisher', 'mainEntityOfPage', 'image']) expect(data[key], key).toBeTruthy();
  const sources = await page.locator('.source-title').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(data.citation.map((c: { url: string }) => c.url).sort()).toEqual(sources.sort());
});

for (const [path, kind] of [
  ['/rss.xml', 'rss'],
  ['/sitemap-index.xml', 'sitemapindex'],
  ['/sitemap-0.xml', 'urlset'],
] as const) {
  test(`${path} is well-formed XML${kind !== 'sitemapindex' ? ' and lists the story' : ''}`, async ({ page, request }) => {
    const xml = await (await request.get(path)).text();
    await page.goto('/');
    const result = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName };
    }, xml);
    expect(result.error).toBeNull();
    expect(result.root).toBe(kind);
    if (kind !== 'sitemapindex') expect(xml).toContain('/openai-shifts-partners/');
  });
}

test('the feed and the sitemap are linked from <head>', async ({ page }) => {
  await page.goto(STORY);
  await expect(page.locator('link[rel=alternate][type="application/rss+xml"]')).toHaveAttribute('href', '/rss.xml');
  await expect(page.locator('link[rel=sitemap]')).toHaveAttribute('href', '/sitemap-index.xml');
});

test('quoted words link to their source with a text fragment', async ({ page }) => {
  await page.goto(STORY);
  const hrefs = await page.locator('#source-cnbc-memo .source-quotes a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toContain('https://www.cnbc.com/2026/04/13/openai-touts-amazon-alliance-in-memo-microsoft-limited-our-ability.html#:~:text=foundational');
  expect(hrefs.some((h) => h!.includes('#:~:text=limited%20our%20ability'))).toBe(true);
});
