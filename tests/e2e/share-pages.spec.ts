/**
 * Share pages in a real browser: opening a section's share address (and an alias's) ends on the
 * story with that section in view, with JavaScript on and off, and Back returns to where the
 * reader was, not to the share page. The Copy link and Share buttons of the story page.
 */
import { expect, test, type Page } from '@playwright/test';
import { declaredAliases, stories } from '../helpers/site.ts';

const STORY = '/openai-shifts-partners/';

/** Every section of a story with a share address, and the ids it lands on (aliases too). */
async function shares(page: Page, story: { path: string; file: string }) {
  await page.goto(story.path);
  const sections = await page.locator('a.anchor-link[data-share]').evaluateAll((as) => as.map((a) => (a.getAttribute('href') ?? '').slice(1)));
  return [...sections.map((id) => ({ share: id, id })), ...declaredAliases(story.file).filter((a) => sections.includes(a.id)).map((a) => ({ share: a.alias, id: a.id }))];
}

for (const js of [true, false]) {
  test.describe(`JavaScript ${js ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: js });
    for (const story of stories()) {
      test(`${story.path}: every share address lands on its section, in view, and Back is not trapped`, async ({ page }) => {
        test.setTimeout(120_000);
        await page.setViewportSize({ width: 390, height: 844 });
        const list = await shares(page, story);
        expect(list.length).toBeGreaterThanOrEqual(8);
        for (const { share, id } of list) {
          await page.goto('/about/');
          await page.goto(`${story.path}s/${share}/`, { waitUntil: 'commit' });
          await page.waitForURL((u) => u.pathname === story.path && u.hash === `#${id}`);
          await page.waitForLoadState('load');
          await expect(page.locator(`[id="${id}"]`), `${share} → #${id}`).toBeInViewport();
          await page.goBack();
          await expect(page, `Back from #${id} (shared as ${share})`).toHaveURL(/\/about\/$/);
        }
      });
    }
  });
}

test('Copy link copies the section’s share address; the "#" link keeps the plain fragment', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto(STORY);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await page.getByRole('button', { name: 'Copy link to section: Key figures' }).click();
  await expect.poll(clipboard).toBe(`${baseURL}${STORY}s/key-figures/`);
  await expect(page.locator('#announcer')).toHaveText('Link copied');
  // The heading's own link (its text) keeps the plain fragment.
  await expect(page.getByRole('heading', { name: 'Key figures' }).getByRole('link')).toHaveAttribute('href', '#key-figures');
});

test.describe('the Share button', () => {
  test('is offered where navigator.share exists, and shares the section’s title and share address', async ({ page, baseURL }) => {
    await page.addInitScript(() => {
      (window as unknown as { shared: unknown[] }).shared = [];
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: (data: unknown) => ((window as unknown as { shared: unknown[] }).shared.push(data), Promise.resolve()),
      });
    });
    await page.goto(STORY);
    const title = (await page.locator('h1').textContent())!.trim();
    await page.getByRole('button', { name: 'Share section: The Amazon deal' }).click();
    expect(await page.evaluate(() => (window as unknown as { shared: unknown[] }).shared)).toEqual([{ title: `The Amazon deal — ${title}`, url: `${baseURL}${STORY}s/the-amazon-deal/` }]);
    // Sections only: timeline entries and sources have no share page.
    expect(await page.locator('button.copy-link', { hasText: /^Share$/ }).count()).toBe(await page.locator('a.anchor-link[data-share]').count());
  });
  test('is not shown where navigator.share does not exist', async ({ page }) => {
    await page.addInitScript(() => {
      delete (Navigator.prototype as { share?: unknown }).share;
    });
    await page.goto(STORY);
    await expect(page.getByRole('button', { name: /^Copy link to section:/ }).first()).toBeAttached();
    await expect(page.getByRole('button', { name: /^Share / })).toHaveCount(0);
  });
});
