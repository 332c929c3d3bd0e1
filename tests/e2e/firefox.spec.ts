/**
 * Firefox as a tested engine (Debian's firefox-esr through puppeteer-core over
 * WebDriver BiDi; the `firefox-esr` project in playwright.config.ts). The
 * checks that matter to readers, against the same served build as the
 * Chromium tests: no horizontal scroll from 320 to 1440 px, every in-page
 * link and section address landing in view, citation markers above the
 * baseline, and each story's brief on one page of Letter and of A4 with no
 * overlapping words and raised markers (read back with pdftotext -bbox), its
 * URLs broken after a slash, never at a hyphen; the full story too; and the
 * copy controls quiet at rest.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test as base } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { systemFirefox } from '../../scripts/system-firefox.ts';
import { measureCiteRaise } from '../helpers/cite-position.ts';
import { citationMarkers, overlappingWords, pdfWords, unmarked, urlBreakProblems } from '../helpers/pdf.ts';
import { pagesToBrowse, stories } from '../helpers/site.ts';
import { whereIsId } from '../helpers/in-view.ts';
import { isSharePath, withoutRefresh } from '../helpers/share-pages.ts';
import { fullStoryParts, headingsAtPageFoot, missingFromFullStory, PAPERS, pdfText, printRulesOnScreen, sourceOrderProblems, wordsOffPage } from '../helpers/brief.ts';

const test = base.extend<{ ff: Page }, { firefox: Browser }>({
  firefox: [
    async ({}, use) => {
      const executablePath = systemFirefox();
      if (!executablePath) throw new Error('No Firefox: install firefox-esr (Debian: apt-get install firefox-esr) or set FIREFOX_PATH');
      const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true, protocol: 'webDriverBiDi' });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  ff: async ({ firefox }, use) => {
    const context = await firefox.createBrowserContext();
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

const PAGES = pagesToBrowse();
const STORIES = stories();
const MARGIN = { top: '0.4in', right: '0.4in', bottom: '0.4in', left: '0.4in' };
const ARTIFACTS = path.resolve('test-results', 'print-briefs');
const squash = (s: string) => unmarked(s).replace(/\s+/g, '');

for (const pagePath of PAGES) {
  test(`${pagePath}: no horizontal scroll in Firefox from 320 to 1440 px`, async ({ ff, baseURL }) => {
    const problems: string[] = [];
    // A share page moves on to its story at once: it is laid out as itself, its refresh left out.
    const shareHtml = isSharePath(pagePath) ? withoutRefresh(await (await fetch(new URL(pagePath, baseURL))).text()) : undefined;
    for (const width of [320, 375, 768, 1024, 1440]) {
      await ff.setViewport({ width, height: 900 });
      if (shareHtml) await ff.setContent(shareHtml, { waitUntil: 'load' });
      else await ff.goto(new URL(pagePath, baseURL).href, { waitUntil: 'load' });
      const { scroll, client } = await ff.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (scroll > client) problems.push(`${width}px: ${scroll}px of content in ${client}px`);
    }
    expect(problems).toEqual([]);
  });
}

test('a section share address lands Firefox on the story at that section, and Back goes back', async ({ ff, baseURL }) => {
  const story = STORIES.find((s) => s.id === 'openai-shifts-partners') ?? STORIES[0]!;
  /** location.href, asked again until it answers what is wanted (an evaluate during a navigation throws; puppeteer's page.url() can lag a history step). */
  const hrefBecomes = async (wanted: string) => {
    let href = '';
    for (let i = 0; i < 50 && href !== wanted; i++) {
      href = await ff.evaluate(() => location.href).catch(() => '');
      if (href !== wanted) await new Promise((r) => setTimeout(r, 200));
    }
    return href;
  };
  await ff.setViewport({ width: 390, height: 844 });
  await ff.goto(new URL('/', baseURL).href, { waitUntil: 'load' });
  await ff.goto(new URL(`${story.path}s/timeline/`, baseURL).href, { waitUntil: 'load' });
  expect(await hrefBecomes(new URL(`${story.path}#timeline`, baseURL).href)).toBe(new URL(`${story.path}#timeline`, baseURL).href);
  // The address changes before the story's document has loaded: ask until the heading is there.
  let top: number | null = null;
  for (let i = 0; i < 50 && top === null; i++) {
    top = await ff.evaluate(() => (document.readyState === 'complete' ? (document.getElementById('timeline')?.getBoundingClientRect().top ?? null) : null)).catch(() => null);
    if (top === null) await new Promise((r) => setTimeout(r, 200));
  }
  expect(top, 'the story loaded with its timeline heading').not.toBeNull();
  expect(top, 'the timeline heading is in view').toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(844);
  // The share page took no place in the history: the home page, then the story.
  expect(await ff.evaluate(() => history.length)).toBe(2);
  await ff.evaluate(() => history.back());
  expect(await hrefBecomes(new URL('/', baseURL).href)).toBe(new URL('/', baseURL).href);
});

for (const story of STORIES) {
  test(`${story.path} at 1280px: Firefox keeps every Copy link and "#" quiet at rest, and shows each control as the keyboard reaches it`, async ({ ff, baseURL }) => {
    // Headless Firefox reports no hover-capable fine pointer (hover: none, pointer: none), like a desktop without a
    // mouse: only a touch screen (pointer: coarse) shows the controls at rest.
    await ff.setViewport({ width: 1280, height: 900 });
    await ff.goto(new URL(story.path, baseURL).href, { waitUntil: 'load' });
    await ff.mouse.move(1270, 890);
    await new Promise((r) => setTimeout(r, 300));
    const shown = await ff.evaluate(() => {
      const visible = (el: Element, pseudo?: string) => {
        const s = getComputedStyle(el, pseudo);
        return s.display !== 'none' && s.visibility === 'visible' && Number(s.opacity) > 0 && (!pseudo || s.content !== 'none');
      };
      const buttons = [...document.querySelectorAll('main .link-tools button')];
      const hints = [...document.querySelectorAll('main .anchor-link')].filter((a) => getComputedStyle(a, '::after').content !== 'none');
      return {
        count: buttons.length,
        media: matchMedia('(pointer: coarse)').matches,
        shown: [...buttons.filter((b) => visible(b) && visible(b.closest('.link-tools')!)).map((b) => b.getAttribute('aria-label')), ...hints.filter((a) => visible(a, '::after')).map((a) => `# of ${a.getAttribute('href')}`)],
      };
    });
    expect(shown.media).toBe(false);
    expect(shown.count).toBeGreaterThan(25);
    expect(shown.shown, 'controls shown at rest').toEqual([]);
    // The first control the keyboard reaches is shown while it has focus.
    let focus = { button: false, label: '', opacity: 0 };
    for (let i = 0; i < 60 && !focus.button; i++) {
      await ff.keyboard.press('Tab');
      focus = await ff.evaluate(() => {
        const el = document.activeElement!;
        const tools = el.closest('.link-tools');
        return { button: Boolean(tools), label: el.getAttribute('aria-label') ?? '', opacity: tools ? Number(getComputedStyle(tools).opacity) : 0 };
      });
    }
    expect(focus.label).toMatch(/^Copy link to /);
    await new Promise((r) => setTimeout(r, 300));
    expect(await ff.evaluate(() => Number(getComputedStyle(document.activeElement!.closest('.link-tools')!).opacity)), `${focus.label} is shown on focus`).toBe(1);
  });

  for (const width of [390, 1280]) {
    test(`${story.path} at ${width}px: every in-page link and section address lands in view in Firefox`, async ({ ff, baseURL }) => {
      await ff.setViewport({ width, height: width < 600 ? 844 : 900 });
      const url = new URL(story.path, baseURL).href;
      await ff.goto(url, { waitUntil: 'load' });
      // Follow every visible in-page link as a reader would, and look where it landed.
      const followed = await ff.evaluate(async () => {
        const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const landed = (el: Element) => {
          let box: Element | null = el;
          while (box && box.getBoundingClientRect().height === 0) box = box.parentElement; // an alias marker counts by its heading
          if (!box) return 'no box';
          const r = box.getBoundingClientRect();
          if (r.bottom <= 0 || r.top >= innerHeight) return `at ${Math.round(r.top)}px, outside the window`;
          const hit = document.elementFromPoint(r.left + 4, Math.max(r.top, 0) + Math.min(r.height / 2, 12));
          return hit && (box.contains(hit) || hit.contains(box)) ? 'ok' : `covered by ${hit?.tagName.toLowerCase()}.${hit?.className}`;
        };
        const links = new Map<string, HTMLAnchorElement>();
        // A term's link and a citation marker open a card in place when scripts run (the next test, and
        // tests/e2e/explainer.spec.ts, design.spec.ts); they jump only without them.
        for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]:not([data-term]):not(sup.cite a)')) {
          if (a.checkVisibility() && !links.has(a.getAttribute('href')!)) links.set(a.getAttribute('href')!, a);
        }
        const problems: string[] = [];
        for (const [href, a] of links) {
          a.click();
          // Following a link is a task the engine queues: wait for the address to change (at most a second), then for the scroll to paint.
          for (let t = 0; t < 40 && location.hash !== href; t++) await new Promise((r) => setTimeout(r, 25));
          await frame();
          const target = document.getElementById(decodeURIComponent(href.slice(1)));
          const where = !target ? 'no target' : location.hash !== href ? `the address ends in ${location.hash}` : landed(target);
          if (where !== 'ok') problems.push(`${href}: ${where}`);
        }
        return { count: links.size, problems };
      });
      expect(followed.count).toBeGreaterThan(20);
      // Open each section's address, as a shared link would.
      const ids = await ff.evaluate(() => [...document.querySelectorAll('main h2[id], main h3[id], main .alias-anchor[id]')].map((h) => h.id));
      const opened: string[] = [];
      for (const id of ids) {
        await ff.goto('about:blank');
        await ff.goto(`${url}#${id}`, { waitUntil: 'load' });
        await ff.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const where = await ff.evaluate(whereIsId, id);
        if (where !== 'ok') opened.push(`#${id} opened by address: ${where}`);
      }
      console.log(`firefox ${story.path} ${width}px: ${followed.count} in-page links followed, ${ids.length} section addresses opened`);
      expect([...followed.problems, ...opened]).toEqual([]);
    });

    test(`${story.path} at ${width}px: a citation marker opens its source card beside it in Firefox, and Escape closes it`, async ({ ff, baseURL }) => {
      await ff.setViewport({ width, height: width < 600 ? 844 : 900 });
      await ff.goto(new URL(story.path, baseURL).href, { waitUntil: 'load' });
      const marker = 'main sup.cite a[href^="#source-"]';
      const before = await ff.evaluate(() => document.querySelector('.short-version')!.getBoundingClientRect().top + scrollY);
      await ff.click(marker);
      await ff.waitForSelector('#source-card:popover-open');
      const card = await ff.evaluate((sel) => {
        const m = document.querySelector(sel)!.getBoundingClientRect();
        const c = document.getElementById('source-card')!;
        const r = c.getBoundingClientRect();
        return {
          text: c.textContent ?? '',
          href: c.querySelector('a.source-title')?.getAttribute('href'),
          inWindow: r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight,
          gap: Math.min(Math.abs(r.top - m.bottom), Math.abs(m.top - r.bottom)),
          hash: location.hash,
          expanded: document.querySelector(sel)!.getAttribute('aria-expanded'),
        };
      }, marker);
      expect(card.text).toMatch(/Source 1|CNBC/);
      expect(card.href).toMatch(/^https:\/\//);
      expect(card.inWindow, 'the card is inside the window').toBe(true);
      expect(card.gap, 'the card sits beside the marker').toBeLessThan(20);
      expect([card.hash, card.expanded]).toEqual(['', 'true']);
      expect(await ff.evaluate(() => document.querySelector('.short-version')!.getBoundingClientRect().top + scrollY), 'nothing moved').toBe(before);
      await ff.keyboard.press('Escape');
      await ff.waitForSelector('#source-card', { hidden: true });
      expect(await ff.evaluate((sel) => document.activeElement === document.querySelector(sel), marker), 'focus is back on the marker').toBe(true);
    });

    test(`${story.path} at ${width}px: citation markers sit above the baseline in Firefox`, async ({ ff, baseURL }) => {
      await ff.setViewport({ width, height: 900 });
      await ff.goto(new URL(story.path, baseURL).href, { waitUntil: 'load' });
      const raises = await ff.evaluate(measureCiteRaise);
      expect(raises.length).toBeGreaterThan(0);
      const low = raises.filter((r) => r.raise < 0.15).map((r) => `${r.marker} after "${r.text}": ${r.raise.toFixed(3)} em`);
      expect(low, 'markers less than 0.15 em above the text beside them').toEqual([]);
    });
  }

  for (const paper of PAPERS) {
    test(`${story.path}: Firefox prints the full story on ${paper.format} ("Print full story"): every section and source, no word overlapping or cut`, async ({ ff, baseURL }) => {
      await ff.goto(new URL(story.path, baseURL).href, { waitUntil: 'load' });
      await ff.evaluate(() => (window.print = () => {}));
      await ff.click('.print-button:nth-of-type(2)');
      expect(await ff.evaluate(() => document.documentElement.classList.contains('print-full')), 'the full story is chosen').toBe(true);
      // WebDriver BiDi emulates no print media: the print rules are put on screen to read what the page prints.
      await ff.evaluate(printRulesOnScreen, true);
      const parts = await ff.evaluate(fullStoryParts);
      const sources = await ff.evaluate(() =>
        [...document.querySelectorAll('.sources > li')].map((li) => ({ n: (li as HTMLLIElement).value, publisher: li.querySelector('.source-publisher')!.textContent!.trim(), title: li.querySelector('.source-title')!.textContent!.trim() })),
      );
      await ff.evaluate(printRulesOnScreen, false);
      mkdirSync(ARTIFACTS, { recursive: true });
      const pdf = path.join(ARTIFACTS, `${story.id}-full-story-${paper.format}-firefox.pdf`);
      writeFileSync(pdf, await ff.pdf({ format: paper.format, margin: MARGIN, printBackground: true }));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      console.log(`firefox ${story.path}: the full story on ${paper.format} runs to ${pages} pages`);
      expect(pages, 'more than the one-page brief').toBeGreaterThan(1);
      expect(parts.headings).toEqual(expect.arrayContaining(['Terms', 'Sources']));
      const text = pdfText(pdf);
      expect(missingFromFullStory(text, parts)).toEqual([]);
      expect(sourceOrderProblems(text, sources)).toEqual([]);
      const words = pdfWords(pdf);
      expect(urlBreakProblems(words, parts.urls), 'URLs break after a slash, never at a hyphen').toEqual([]);
      expect(overlappingWords(words), 'overlapping words in the PDF').toEqual([]);
      expect(wordsOffPage(words, paper), 'words cut at the page’s edge').toEqual([]);
      expect(headingsAtPageFoot(words, parts.headings), 'a heading left at the foot of a page').toEqual([]);
    });
  }

  for (const format of ['Letter', 'A4'] as const) {
    test(`${story.path}: Firefox prints the brief on one ${format} page, no words overlapping, markers raised`, async ({ ff, baseURL }) => {
      await ff.goto(new URL(story.path, baseURL).href, { waitUntil: 'load' });
      mkdirSync(ARTIFACTS, { recursive: true });
      const pdf = path.join(ARTIFACTS, `${story.id}-${format}-firefox.pdf`);
      writeFileSync(pdf, await ff.pdf({ format, margin: MARGIN, printBackground: true }));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      expect(pages, `the brief of ${story.path} on ${format} in Firefox runs to ${pages} pages`).toBe(1);

      const words = pdfWords(pdf);
      // In drawing order, so a URL broken over lines in a column of sources reads whole.
      const text = squash(pdfText(pdf));
      expect(text).toContain(squash(story.frontmatter.title));
      for (const s of story.frontmatter.sources) expect(text, `source URL ${s.url}`).toContain(squash(s.url));
      expect(urlBreakProblems(words, story.frontmatter.sources.map((s) => s.url)), 'URLs break after a slash, never at a hyphen').toEqual([]);
      expect(overlappingWords(words), 'overlapping words in the PDF').toEqual([]);
      const markers = citationMarkers(words);
      expect(markers.length).toBeGreaterThan(0);
      expect(markers.filter((m) => m.raise < 1).map((m) => `${m.marker} after ${m.before}: ${m.raise.toFixed(2)} pt`), 'markers less than 1 pt above the word before').toEqual([]);
    });
  }
}

test('search finds a story by a word in its text in Firefox, with its period and the word marked', async ({ ff, baseURL }) => {
  await ff.goto(new URL('/search/?q=Bedrock', baseURL).href, { waitUntil: 'load' });
  await ff.waitForSelector('#search-results mark', { timeout: 15_000 });
  const result = await ff.evaluate(() => {
    const li = document.querySelector('#search-results > li')!;
    return { title: li.querySelector('a')!.textContent, text: li.textContent, mark: li.querySelector('mark')!.textContent };
  });
  expect(result.title).toBe('OpenAI, Amazon and a looser Microsoft deal');
  expect(result.text).toContain('Covers January 2025 to April 27, 2026');
  expect(result.mark).toContain('Bedrock');
});
