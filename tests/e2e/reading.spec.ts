import { expect, test } from '@playwright/test';
import { stories } from '../helpers/site.ts';
import { measureCiteRaise } from '../helpers/cite-position.ts';

const STORY = '/openai-shifts-partners/';
const TITLE = stories().find((s) => s.path === STORY)!.frontmatter.title;

test('the home page features the story with its title, dek and date', async ({ page }) => {
  await page.goto('/');
  const lead = page.locator('.lead-story');
  await expect(lead.getByRole('link', { name: TITLE, exact: true })).toHaveAttribute('href', STORY);
  await expect(lead.locator('.dek')).toHaveText(stories().find((s) => s.path === STORY)!.frontmatter.dek);
  await expect(lead.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  // The summary gives the other side its say, as the About page promises: the short version but for What to watch.
  await expect(lead.locator('.part-label')).toHaveText(['What happened', 'Why it matters Analysis', 'The other side']);
  await expect(lead.locator('.part').nth(2)).toContainText('Microsoft');
});

test('the story page shows its header, body, timeline, key figures and sources', async ({ page }) => {
  await page.goto(STORY);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.locator('.story-intro time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  await expect(page.locator('.story-intro')).toContainText(/\d+ min read/);
  for (const name of ['The short version', 'The memo', 'Timeline', 'Key figures', 'Sources']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  await expect(page.locator('.sources > li')).toHaveCount(7);
});

test('following a heading anchor lands on that section', async ({ page }) => {
  await page.goto(STORY);
  await page.getByRole('heading', { name: 'The Amazon deal' }).getByRole('link', { name: 'The Amazon deal' }).click();
  await expect(page).toHaveURL(/#the-amazon-deal$/);
  await expect(page.locator('#the-amazon-deal')).toBeInViewport();
});

test('every citation reaches its source, and the source says in which sections it is cited, each a link back', async ({ page }) => {
  await page.goto(STORY);
  const cites = await page.locator('sup.cite a').evaluateAll((as) =>
    as.map((a) => ({ id: a.id, href: a.getAttribute('href')!, section: a.closest('section[data-section]')?.querySelector('h2')?.textContent?.trim() ?? '' })),
  );
  expect(cites.length).toBeGreaterThan(20);
  const ids = new Set(cites.map((c) => c.id));
  expect(ids.size).toBe(cites.length);
  for (const c of cites) {
    await expect(page.locator(c.href), `${c.id} → ${c.href}`).toHaveCount(1);
    // The source names the citation's section, linked to its first citation there.
    const back = page.locator(`${c.href} .backlinks a:not(.anchor-link)`, { hasText: c.section });
    await expect(back, `${c.href} cited in ${c.section}`).toHaveCount(1);
    const first = cites.find((d) => d.href === c.href && d.section === c.section)!;
    await expect(back).toHaveAttribute('href', `#${first.id}`);
  }
  // No run of letters: CNBC, cited a dozen times, lists a few section names.
  await expect(page.locator('#source-cnbc-memo .backlinks')).toContainText(/Cited in: The short version, .*Timeline/);

  // Walk one round trip as a reader would.
  const first = page.locator('sup.cite a').first();
  const target = (await first.getAttribute('href'))!;
  const anchor = (await first.getAttribute('id'))!;
  await first.evaluate((a: HTMLAnchorElement) => (location.hash = a.hash));
  await expect(page.locator(target)).toBeInViewport();
  await page.locator(`${target} .backlinks a[href="#${anchor}"]`).click();
  await expect(page.locator(`#${anchor}`)).toBeInViewport();
});

test('an unknown address shows the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-story/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('every source is cited from the text, and the footer lists all seven', async ({ page }) => {
  await page.goto(STORY);
  // In number order: the order the footer lists them (by kind, then by first citation).
  const sourceIds = await page.locator('.sources > li').evaluateAll((lis) => (lis as HTMLLIElement[]).sort((a, b) => a.value - b.value).map((li) => li.id));
  expect(sourceIds).toHaveLength(7);
  for (const id of sourceIds) {
    await expect(page.locator(`sup.cite a[href="#${id}"]`).first(), `${id} is cited`).toBeAttached();
  }
  // Within a group of the footer, sources are numbered in order of first citation.
  const firstCited = await page.locator('sup.cite a').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!.slice(1)))]);
  const groupOf = await page.locator('.sources > li').evaluateAll((lis) => Object.fromEntries(lis.map((li) => [li.id, [...document.querySelectorAll('ol.sources')].indexOf(li.closest('ol')!)])));
  for (const group of new Set(Object.values(groupOf))) {
    const inGroup = (ids: string[]) => ids.filter((id) => groupOf[id] === group);
    expect(inGroup(sourceIds), `group ${group + 1} of the footer`).toEqual(inGroup(firstCited));
  }
});

test('the timeline is in date order and every datetime is a valid date', async ({ page }) => {
  await page.goto(STORY);
  const datetimes = await page.locator('.timeline time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
  expect(datetimes.length).toBeGreaterThanOrEqual(6);
  for (const d of datetimes) {
    expect(d).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    const [y, m = 1, day = 1] = d.split('-').map(Number);
    const date = new Date(Date.UTC(y!, m - 1, day));
    expect(date.getUTCMonth() + 1, d).toBe(m);
    expect(date.getUTCDate(), d).toBe(day);
  }
  expect([...datetimes].sort()).toEqual(datetimes);
  await expect(page.locator('.timeline')).toHaveJSProperty('tagName', 'OL');
});

for (const width of [320, 375, 768, 1024, 1440]) {
  test(`no horizontal scroll at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ['/', STORY]) {
      await page.goto(path);
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll, `${path} at ${width}px`).toBeLessThanOrEqual(client);
    }
  });
}

for (const width of [390, 1280]) {
  test(`citation markers sit above the baseline at ${width}px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(STORY);
    const raises = await page.evaluate(measureCiteRaise);
    expect(raises.length).toBeGreaterThan(20);
    const low = raises.filter((r) => r.raise < 0.15).map((r) => `${r.marker} after "${r.text}": ${r.raise.toFixed(3)} em`);
    expect(low, 'markers less than 0.15 em above the text beside them').toEqual([]);
  });
}

test('body text is at least 16px with a 60–75 character measure and comfortable leading', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(STORY);
  // A paragraph of a body section: since the story's header moved into .prose (the contents rail's
  // grid), the page's second paragraph there is the dek, set larger than body text.
  const m = await page.locator('.prose > section.section > p').first().evaluate((p) => {
    const style = getComputedStyle(p);
    // Characters that fit on one line: the paragraph's width over the average width of its own text.
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;white-space:nowrap;visibility:hidden';
    probe.textContent = p.textContent!.replace(/\s+/g, ' ');
    p.append(probe);
    const avg = probe.getBoundingClientRect().width / probe.textContent.length;
    probe.remove();
    return { font: parseFloat(style.fontSize), leading: parseFloat(style.lineHeight) / parseFloat(style.fontSize), perLine: p.clientWidth / avg };
  });
  expect(m.font).toBeGreaterThanOrEqual(16);
  expect(m.leading).toBeGreaterThanOrEqual(1.4);
  expect(m.perLine).toBeGreaterThanOrEqual(60);
  expect(m.perLine).toBeLessThanOrEqual(75);
});

test('the skip link is the first stop and moves to the story', async ({ page }) => {
  await page.goto(STORY);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

test('the story shows Published and Updated stamps and its reading time', async ({ page }) => {
  await page.goto(STORY);
  const meta = page.locator('.story-intro .meta');
  await expect(meta).toContainText(/Published \w+ \d{1,2}, \d{4}/);
  await expect(meta).toContainText(/Updated \w+ \d{1,2}, \d{4}/);
  await expect(meta).toContainText(/\d+ min read/);
});

test('analysis is labelled as analysis, in words every reader gets', async ({ page }) => {
  await page.goto(STORY);
  const analysis = page.getByRole('note').first();
  await expect(analysis).toBeVisible();
  // The label is in the accessibility tree (not aria-hidden), first in the note.
  await expect(analysis).toMatchAriaSnapshot(`
    - note:
      - paragraph: Analysis
  `);
  await expect(analysis.locator('p').first()).toHaveText('Analysis');
});
