import { expect, test } from '@playwright/test';

const STORY = '/openai-shifts-partners/';

test('the home page features the story with its title, dek and date', async ({ page }) => {
  await page.goto('/');
  const lead = page.locator('.lead-story');
  await expect(lead.getByRole('link', { name: 'OpenAI shifts partners' })).toHaveAttribute('href', STORY);
  await expect(lead.locator('.dek')).toContainText('Amazon');
  await expect(lead.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
});

test('the story page shows its header, body, timeline, key figures and sources', async ({ page }) => {
  await page.goto(STORY);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('OpenAI shifts partners');
  await expect(page.locator('.story-header time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  await expect(page.locator('.story-header')).toContainText(/\d+ min read/);
  for (const name of ['The short version', 'The memo', 'Timeline', 'Key figures', 'Sources']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  await expect(page.locator('.sources > li')).toHaveCount(6);
});

test('following a heading anchor lands on that section', async ({ page }) => {
  await page.goto(STORY);
  await page.getByRole('link', { name: 'Link to section: The Amazon deal' }).click();
  await expect(page).toHaveURL(/#the-amazon-deal$/);
  await expect(page.locator('#the-amazon-deal')).toBeInViewport();
});

test('every citation reaches its source, and every backlink returns to its citation', async ({ page }) => {
  await page.goto(STORY);
  const cites = await page.locator('sup.cite a').evaluateAll((as) => as.map((a) => ({ id: a.id, href: a.getAttribute('href')! })));
  expect(cites.length).toBeGreaterThan(20);
  const ids = new Set(cites.map((c) => c.id));
  expect(ids.size).toBe(cites.length);
  for (const c of cites) {
    await expect(page.locator(c.href), `${c.id} → ${c.href}`).toHaveCount(1);
  }
  const backlinks = await page.locator('.backlinks a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)));
  expect(new Set(backlinks)).toEqual(ids);

  // Walk one round trip as a reader would.
  const first = page.locator('sup.cite a').first();
  const target = (await first.getAttribute('href'))!;
  const anchor = (await first.getAttribute('id'))!;
  await first.click();
  await expect(page.locator(target)).toBeInViewport();
  await page.locator(`${target} .backlinks a[href="#${anchor}"]`).click();
  await expect(page.locator(`#${anchor}`)).toBeInViewport();
});

test('an unknown address shows the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-story/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
