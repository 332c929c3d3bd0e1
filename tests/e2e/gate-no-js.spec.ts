/**
 * Quality gate: without JavaScript every story reads completely and its anchors
 * work. Checked against the story file (every section, timeline entry, figure
 * and source is on screen) and against the same page with JavaScript on: any
 * text a script would reveal is a failure.
 */
import { expect, test, type Browser } from '@playwright/test';
import { whereIsId } from '../helpers/in-view.ts';
import { declaredAliases, stories, storyHeadings } from '../helpers/site.ts';

const STORIES = stories();
const norm = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/**
 * For every element the server sent that holds text of its own, whether it is
 * rendered. Elements are keyed by their position in the parsed document, taken
 * before any script runs, so nodes a script adds are left out.
 */
async function renderedText(browser: Browser, path: string, javaScriptEnabled: boolean): Promise<Map<number, string>> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      document.querySelectorAll('*').forEach((el, i) => el.setAttribute('data-server-index', String(i)));
    });
  });
  await page.goto(path, { waitUntil: 'load' });
  if (!javaScriptEnabled) {
    // Init scripts do not run without JavaScript; the parsed document is the server's.
    await page.evaluate(() => document.querySelectorAll('*').forEach((el, i) => el.setAttribute('data-server-index', String(i))));
  }
  const entries = await page.evaluate(() => {
    const out: Array<[number, string]> = [];
    for (const el of document.querySelectorAll<HTMLElement>('body [data-server-index]')) {
      if (el.closest('button, [role="button"], template, script, style, noscript')) continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
      if (!own) continue;
      const r = el.getBoundingClientRect();
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) || r.width === 0 || r.height === 0) continue;
      out.push([Number(el.dataset.serverIndex), own]);
    }
    return out;
  });
  await context.close();
  return new Map(entries);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header search box reaches /search/, which says search needs JavaScript and leads to every story by topic and A to Z', async ({ page }) => {
    await page.goto('/about/');
    await page.getByRole('searchbox', { name: 'Search explainers' }).fill('Bedrock');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=Bedrock$/);
    await expect(page.getByText('Search needs JavaScript. Without it,')).toBeVisible();
    await expect(page.getByRole('link', { name: 'by topic', exact: true })).toHaveAttribute('href', '/topics/');
    await page.getByRole('link', { name: 'from A to Z', exact: true }).click();
    const listed: string[] = [];
    for (;;) {
      listed.push(...(await page.locator('.teaser-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))));
      const next = page.getByRole('link', { name: 'Next page' });
      if (!(await next.count())) break;
      await next.click();
    }
    expect(listed.sort()).toEqual(STORIES.filter((s) => !s.frontmatter.draft).map((s) => s.path).sort());
  });

  for (const story of STORIES) {
    const fm = story.frontmatter;
    test(`${story.path}: every section, timeline entry, figure and source is on screen`, async ({ page }) => {
      await page.goto(story.path);
      const main = page.locator('main');
      const text = norm(await main.innerText());
      const missing: string[] = [];
      const want = (what: string, s: string) => {
        if (!text.includes(norm(s))) missing.push(`${what}: "${s}"`);
      };
      want('title', fm.title);
      want('dek', fm.dek);
      for (const h of storyHeadings(story.file)) {
        await expect(page.getByRole('heading', { name: h, exact: true }), `section "${h}"`).toBeVisible();
      }
      for (const e of fm.timeline ?? []) {
        want('timeline title', e.title);
        want('timeline text', e.text);
        await expect(page.locator(`[id="${e.id}"]`), `timeline entry ${e.id}`).toBeVisible();
      }
      for (const f of fm.figures ?? []) {
        want('figure label', f.label);
        want('figure value', f.value);
      }
      for (const s of fm.sources) {
        want('source publisher', s.publisher);
        want('source title', s.title);
      }
      expect(missing, `not readable without JavaScript on ${story.path}:\n${missing.join('\n')}`).toEqual([]);
    });

    test(`${story.path}: every in-page link moves to its target`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(story.path);
      const links = await page.locator('a[href^="#"]').evaluateAll((as) =>
        as.filter((a) => (a as HTMLElement).checkVisibility()).map((a) => a.getAttribute('href')!),
      );
      expect(links.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const href of new Set(links)) {
        const link = page.locator(`a[href="${href}"]`).filter({ visible: true }).first();
        await link.focus();
        await link.press('Enter');
        const where = await page.evaluate((h) => {
          const target = document.getElementById(decodeURIComponent(h.slice(1)));
          if (!target) return 'no target';
          if (location.hash !== h) return `the address ends in ${location.hash}`;
          const r = target.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight ? 'ok' : `target at ${Math.round(r.top)}px, outside the window`;
        }, href);
        if (where !== 'ok') problems.push(`${href}: ${where}`);
      }
      console.log(`no-JS ${story.path}: ${new Set(links).size} in-page links followed, ${problems.length} problems`);
      expect(problems, problems.join('\n')).toEqual([]);
    });

    test(`${story.path}: every id a link could name (section aliases included) scrolls into view when opened`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(story.path);
      const ids = await page.locator('main [id]').evaluateAll((els) => els.map((e) => e.id));
      // Every alias the story declares, whether or not the page rendered it.
      const declared = declaredAliases(story.file).map((a) => a.alias);
      const problems: string[] = declared.filter((a) => !ids.includes(a)).map((a) => `#${a}: declared in the story but not on the page`);
      for (const id of ids) {
        await page.goto(`${story.path}#${encodeURIComponent(id)}`);
        const where = await page.evaluate(whereIsId, id);
        if (where !== 'ok') problems.push(`#${id}: ${where}`);
      }
      console.log(`no-JS ${story.path}: ${ids.length} ids opened by address, ${problems.length} problems`);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});

test.describe('nothing needed for reading waits for a script', () => {
  for (const story of [{ path: '/' }, ...STORIES]) {
    test(`${story.path}: all text shown with JavaScript is shown without it`, async ({ browser }) => {
      const withJs = await renderedText(browser, story.path, true);
      const withoutJs = await renderedText(browser, story.path, false);
      const hidden = [...withJs].filter(([i]) => !withoutJs.has(i)).map(([, t]) => `"${norm(t).slice(0, 80)}"`);
      console.log(`no-JS ${story.path}: ${withJs.size} text elements with JavaScript, ${withoutJs.size} without; ${hidden.length} only with`);
      expect(hidden, `shown only when a script runs:\n${hidden.join('\n')}`).toEqual([]);
    });
  }
});
