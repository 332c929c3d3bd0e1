/**
 * The reading design as a reader meets it: the first screen on a phone carries
 * the first facts, the contents rail on wide screens, source cards (pointer,
 * keyboard, without JavaScript) and the screenshots a designer looks at.
 */
import { expect, test, type Page } from '@playwright/test';
import { stories } from '../helpers/site.ts';

const STORY = stories().find((s) => s.id === 'openai-shifts-partners')!.path;
const PHONE = { width: 390, height: 844 };

async function boxOf(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  expect(box, selector).not.toBeNull();
  return box!;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`first screen on a phone, ${colorScheme}`, () => {
    test.use({ viewport: PHONE, colorScheme });
    test('the short version’s first part is fully visible without scrolling; the contents are one closed line', async ({ page }) => {
      await page.goto(STORY);
      const first = await boxOf(page, '.short-version .part');
      expect(first.y).toBeGreaterThan(0);
      expect(first.y + first.height).toBeLessThanOrEqual(PHONE.height);
      await expect(page.locator('.short-version .part').first()).toBeInViewport({ ratio: 1 });
      // The contents: a closed "Contents" disclosure that opens by keyboard, no script needed.
      const summary = page.locator('.on-this-page summary');
      await expect(summary).toHaveText('Contents');
      await expect(page.locator('.on-this-page ol')).toBeHidden();
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('.on-this-page').getByRole('link', { name: 'Timeline' })).toBeVisible();
      // The Print brief button is in the site header, above the story, not in its way.
      const print = await boxOf(page, 'button.print-button');
      const header = await boxOf(page, '.site-header');
      expect(print.y + print.height).toBeLessThanOrEqual(header.y + header.height);
    });
  });
}

test.describe('first screen without JavaScript', () => {
  test.use({ viewport: PHONE, javaScriptEnabled: false });
  test('the contents open without a script, and the first part is on screen', async ({ page }) => {
    await page.goto(STORY);
    await expect(page.locator('.short-version .part').first()).toBeInViewport({ ratio: 1 });
    await page.locator('.on-this-page summary').click();
    await page.locator('.on-this-page').getByRole('link', { name: 'Sources' }).click();
    await expect(page).toHaveURL(/#sources$/);
  });
});

test.describe('contents rail at 1280px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  test('stays beside the text while reading and marks the section in view', async ({ page }) => {
    await page.goto(STORY);
    const rail = page.locator('.on-this-page ol');
    await expect(rail).toBeVisible();
    const railBox = await boxOf(page, '.on-this-page ol');
    const text = await boxOf(page, '.short-version');
    expect(railBox.x + railBox.width).toBeLessThanOrEqual(text.x);
    await page.locator('#timeline').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('timeline')!.scrollIntoView({ block: 'start' }));
    await expect(rail).toBeInViewport();
    await expect(page.locator('.on-this-page a[aria-current="true"]')).toHaveText('Timeline');
    await page.evaluate(() => document.getElementById('sources')!.scrollIntoView({ block: 'start' }));
    await expect(rail).toBeInViewport();
    await expect(page.locator('.on-this-page a[aria-current="true"]')).toHaveText('Sources');
  });
});

/** Where the rail reads: a section is the one being read while it crosses the line a third of the way down the window. */
const READING_LINE = 1 / 3;
/** How far either side of that line a test puts a heading or a section's end: 1% of the window, the line's own thickness. */
const CLEARANCE = 0.01;

test.describe('contents rail at 1100px and wider, section by section', () => {
  // Tall enough that the story's shortest section (Key figures) is shorter than the distance to the line.
  const VIEW = { width: 1280, height: 1000 };
  test.use({ viewport: VIEW });
  for (const story of stories()) {
    test(`${story.path}: each section of the contents, short ones first, is marked while its heading is at the reading line`, async ({ page }) => {
      await page.goto(story.path);
      const rail = page.locator('.on-this-page ol');
      await expect(rail).toBeVisible();
      /** The contents, each link with its section's place on the page. */
      const sections = await page.locator('.on-this-page a[href^="#"]').evaluateAll((links) =>
        links.map((a, i) => {
          const id = (a as HTMLAnchorElement).hash.slice(1);
          const box = document.querySelector(`[data-section="${id}"]`)!.getBoundingClientRect();
          return { i, id, text: a.textContent!.trim(), top: box.top + scrollY, bottom: box.bottom + scrollY };
        }),
      );
      expect(sections.length, 'the contents list sections').toBeGreaterThan(2);
      const line = VIEW.height * READING_LINE;
      const clear = VIEW.height * CLEARANCE;
      const byHeight = [...sections].sort((a, b) => a.bottom - a.top - (b.bottom - b.top));
      // The case a tall section hides: a section shorter than the distance from the window's top to the line.
      expect(byHeight[0]!.bottom - byHeight[0]!.top, `${byHeight[0]!.text} is shorter than a third of the window`).toBeLessThan(line);

      const marked = page.locator('.on-this-page a[aria-current="true"]');
      /** Scrolls so that document position y is at `at` px from the window's top, and lets the rail's observer answer. */
      const place = async (y: number, at: number) => {
        const reached = await page.evaluate(
          async ([top]) => {
            window.scrollTo({ top, behavior: 'instant' });
            // Intersection observers report after the next rendering update: two frames, then a task.
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
            return scrollY;
          },
          [y - at],
        );
        expect(reached, 'the page scrolls that far').toBeCloseTo(y - at, 0);
      };
      for (const s of byHeight) {
        const before = sections[s.i - 1];
        if (before) {
          // The section above still crosses the line (its end just below it): that one is marked, not this one.
          await place(before.bottom, line + clear);
          await expect(marked, `${before.text}'s end just below the line, ${s.text} under it`).toHaveText([before.text]);
        }
        // This section's heading just above the line: it, and only it, is marked.
        await place(s.top, line - clear);
        await expect(marked, `${s.text}'s heading at the reading line`).toHaveText([s.text]);
        await expect(rail).toBeInViewport();
      }
    });
  }
});

test.describe('source cards', () => {
  const marker = (page: Page) => page.locator('.short-version sup.cite a').first();
  const sourceNumber = (page: Page, id: string) => page.locator(`#source-${id}`).evaluate((li) => (li as HTMLLIElement).value);

  test('a click on a citation shows its source beside it; a second click closes it; nothing moves', async ({ page }) => {
    await page.goto(STORY);
    const m = marker(page);
    // CNBC, the first source the text cites: its number is its place in the footer (a news report, after the company statements).
    const n = await sourceNumber(page, 'cnbc-memo');
    await expect(m).toHaveText(`[${n}]`);
    await expect(m).toHaveAccessibleName(new RegExp(`^Source ${n}: CNBC, “`));
    const docY = () => page.evaluate(() => document.querySelector(".short-version")!.getBoundingClientRect().top + window.scrollY);
    const before = await docY();
    await m.click();
    const card = page.locator('#source-card');
    await expect(card).toBeVisible();
    await expect(card).toHaveAccessibleName(`Source ${n}: CNBC`);
    await expect(card.locator('.source-publisher')).toHaveText('CNBC');
    await expect(card.locator('.source-title')).toHaveAttribute('href', /^https:\/\/www\.cnbc\.com\//);
    await expect(card.locator('time')).toHaveAttribute('datetime', '2026-04-13');
    await expect(card).toContainText('News report.');
    await expect(card).toContainText('“foundational”');
    await expect(card.getByRole('link', { name: `Source ${n} in the list` })).toHaveAttribute('href', '#source-cnbc-memo');
    expect(await card.locator('[id]').count()).toBe(0);
    expect(new URL(page.url()).hash).toBe('');
    expect(await docY(), "the text did not move").toBe(before);
    // Beside the marker: just below it (or above when there is no room).
    const mBox = await boxOf(page, '.short-version sup.cite a');
    const cBox = await boxOf(page, '#source-card');
    expect(Math.min(Math.abs(cBox.y - (mBox.y + mBox.height)), Math.abs(mBox.y - (cBox.y + cBox.height)))).toBeLessThan(20);
    await m.click();
    await expect(card).toBeHidden();
    await expect(m).toBeFocused();
  });

  test('Enter opens the card, Escape closes it and focus returns to the citation', async ({ page }) => {
    await page.goto(STORY);
    const m = marker(page);
    await m.focus();
    await page.keyboard.press('Enter');
    const card = page.locator('#source-card');
    await expect(card).toBeVisible();
    await expect(card).toBeFocused();
    await expect(m).toHaveAttribute('aria-expanded', 'true');
    // The links in the card are next in the keyboard order.
    await page.keyboard.press('Tab');
    await expect(card.locator('.source-title')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await expect(m).toBeFocused();
    await expect(m).toHaveAttribute('aria-expanded', 'false');
    // The footnote link in the card jumps to the entry and closes the card.
    await page.keyboard.press('Enter');
    await card.getByRole('link', { name: `Source ${await sourceNumber(page, 'cnbc-memo')} in the list` }).click();
    await expect(card).toBeHidden();
    await expect(page).toHaveURL(/#source-cnbc-memo$/);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('a citation jumps to its source in the list', async ({ page }) => {
      await page.goto(STORY);
      await marker(page).click();
      await expect(page).toHaveURL(/#source-cnbc-memo$/);
      await expect(page.locator('#source-cnbc-memo')).toBeInViewport();
      await expect(page.locator('#source-card')).toHaveCount(0);
    });
  });
});

test.describe('screenshots for a designer to look at (test-results/screens/)', () => {
  for (const [name, path] of [['home', '/'], ['story', STORY], ['search', '/search/?q=Bedrock'], ['topic', '/topics/cloud-computing/']] as const) {
    for (const width of [390, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        test.describe(`${name} at ${width}px, ${colorScheme}`, () => {
          test.use({ viewport: { width, height: width < 600 ? 844 : 800 }, colorScheme });
          test('is saved, and nothing is wider than the window', async ({ page }) => {
            await page.goto(path);
            if (name === 'search') await page.locator('#search-results mark').first().waitFor();
            await page.evaluate(() => document.fonts.ready);
            expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
            const base = `test-results/screens/${name}-${width}-${colorScheme}`;
            expect((await page.screenshot({ path: `${base}.png` })).length).toBeGreaterThan(1000);
            expect((await page.screenshot({ path: `${base}-full.png`, fullPage: true })).length).toBeGreaterThan(1000);
          });
        });
      }
    }
  }
});

test.describe('the typeface arriving late moves nothing that matters', () => {
  for (const width of [390, 1280]) {
    test.describe(`at ${width}px`, () => {
      test.use({ viewport: { width, height: width < 600 ? 844 : 800 } });
      test('with the font files a second late, the short version does not move and layout shift stays under 0.005', async ({ page }) => {
        // Fallback faces (size-adjust to the web font's metrics) are shown first; the files arrive a second later.
        let fontRequests = 0;
        await page.route('**/*.woff2', async (route) => {
          fontRequests++;
          await new Promise((r) => setTimeout(r, 1000));
          await route.continue();
        });
        await page.addInitScript(() => {
          (window as unknown as { shift: number }).shift = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) (window as unknown as { shift: number }).shift += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(STORY, { waitUntil: 'domcontentloaded' });
        const measure = () =>
          page.evaluate(() => {
            const part = document.querySelector('.short-version .part p')!;
            const r = part.getBoundingClientRect();
            return { top: r.top + scrollY, bottom: r.bottom + scrollY, line: parseFloat(getComputedStyle(part).lineHeight), loaded: [...document.fonts].filter((f) => f.status === 'loaded' && f.family.replace(/"/g, '') === 'Source Serif 4').length };
          });
        const before = await measure();
        expect(before.loaded, 'the web font has not arrived yet').toBe(0);
        await page.evaluate(() => document.fonts.ready);
        await page.waitForFunction(() => [...document.fonts].some((f) => f.status === 'loaded' && f.family.replace(/"/g, '') === 'Source Serif 4'));
        await page.waitForTimeout(100);
        const after = await measure();
        expect(fontRequests, 'the page asked for its font files').toBeGreaterThan(0);
        expect(after.loaded).toBeGreaterThan(0);
        console.log(`font swap at ${width}px: short version's first part top ${before.top} → ${after.top}, bottom ${before.bottom.toFixed(1)} → ${after.bottom.toFixed(1)} (line ${before.line}px); layout shift ${await page.evaluate(() => (window as unknown as { shift: number }).shift)}`);
        expect(Math.abs(after.top - before.top), 'its top does not move').toBeLessThanOrEqual(1);
        expect(Math.abs(after.bottom - before.bottom), 'its end moves by at most one line').toBeLessThanOrEqual(before.line);
        // What can still move is a citation marker at a line's end, by a few pixels: well under a hundredth
        // (0.1 is "poor"). Loaded normally the fonts arrive before the first paint, and Lighthouse's CLS is 0 (npm run audit).
        expect(await page.evaluate(() => (window as unknown as { shift: number }).shift), 'cumulative layout shift').toBeLessThan(0.005);
      });
    });
  }
});

/** Every link's controls and "#" hints on the page, as a reader sees them now: opacity, visibility, display. */
const controlsShown = (page: Page) =>
  page.evaluate(() => {
    const shown = (el: Element, pseudo?: string) => {
      const s = getComputedStyle(el, pseudo);
      return s.display !== 'none' && s.visibility === 'visible' && Number(s.opacity) > 0 && (pseudo ? s.content !== 'none' : el.getClientRects().length > 0);
    };
    const name = (el: Element) => el.getAttribute('aria-label') ?? el.closest('[id]')?.id ?? '';
    return {
      buttons: [...document.querySelectorAll('main .link-tools button')].map((b) => ({ name: name(b), shown: shown(b) && shown(b.closest('.link-tools')!) })),
      hints: [...document.querySelectorAll('main .anchor-link')].filter((a) => getComputedStyle(a, '::after').content !== 'none').map((a) => ({ name: name(a), shown: shown(a, '::after') })),
    };
  });

test.describe('quiet controls', () => {
  test.describe('at 1280px with a mouse', () => {
    test.use({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    test('no Copy link, Share or "#" shows at rest; the keyboard reaches every control, in order, shown as it gets focus, and nothing moves', async ({ page }) => {
      await page.addInitScript(() => {
        (window as unknown as { shifts: number }).shifts = 0;
        // Every shift, those after input included: showing a control may move nothing at all. (The skip link, which
        // slides into view on focus by design, is the one thing that may move.)
        type Shift = PerformanceEntry & { value: number; sources: { node?: Node }[] };
        new PerformanceObserver((list) =>
          (list.getEntries() as Shift[])
            .filter((e) => e.sources.some((s) => !(s.node instanceof Element && s.node.matches('.skip-link'))))
            .forEach((e) => ((window as unknown as { shifts: number }).shifts += e.value)),
        ).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(STORY);
      await page.evaluate(() => document.fonts.ready);
      await page.mouse.move(1270, 790);
      await page.waitForTimeout(500);
      // From here on: the page has settled (the typeface's own swap is the late-font test's business).
      await page.evaluate(() => ((window as unknown as { shifts: number }).shifts = 0));
      const rest = await controlsShown(page);
      expect(rest.buttons.length, 'a Copy link for every section, part, timeline entry and source').toBeGreaterThan(25);
      expect(rest.buttons.filter((b) => b.shown).map((b) => b.name), 'controls shown at rest').toEqual([]);
      expect(rest.hints.filter((h) => h.shown).map((h) => h.name), '"#" hints shown at rest').toEqual([]);
      // Hovering a heading shows its controls.
      await page.getByRole('heading', { name: 'The Amazon deal' }).hover();
      await expect(page.getByRole('button', { name: 'Copy link to section: The Amazon deal' })).toBeVisible();
      expect((await controlsShown(page)).buttons.filter((b) => b.shown).map((b) => b.name)).toEqual(['Copy link to section: The Amazon deal']);
      await page.mouse.move(1270, 790);

      // Tab through the whole page: every control is reached, in the page's order, each right after its link, and shown while it has focus.
      const all = await page.locator('main .link-tools button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
      const reached: string[] = [];
      let previous = '';
      for (let i = 0; i < 400 && reached.length < all.length; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement!;
          const tools = el.closest('.link-tools');
          return { label: el.getAttribute('aria-label') ?? '', href: el.getAttribute('href') ?? '', button: el.matches('.link-tools button'), shown: tools ? Number(getComputedStyle(tools).opacity) : 1 };
        });
        if (focus.button) {
          reached.push(focus.label);
          expect(focus.shown, `${focus.label} is shown while it has focus`).toBe(1);
          // Right after its link (its heading's, its date, its entry's last link), or after the control before it.
          expect(previous.startsWith('#') || previous.startsWith('button:'), `${focus.label} follows ${previous}`).toBe(true);
        }
        previous = focus.button ? `button:${focus.label}` : focus.href;
      }
      expect(reached, 'every control, in order').toEqual(all);
      expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts), 'layout shift while controls appeared').toBe(0);
    });
  });

  test.describe('on a touch screen', () => {
    test.use({ viewport: PHONE, hasTouch: true, isMobile: true });
    for (const withShare of [false, true]) {
      test(`each section keeps one share control in view (${withShare ? 'Share, where the browser has a share sheet' : 'Copy link'}); the timeline's show on the entry a reader opens`, async ({ page }) => {
        if (withShare) await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: async () => {} }));
        await page.goto(STORY);
        const perSection = await page.locator('main :is(h2, h3):has(> .anchor-link[data-share])').evaluateAll((hs) =>
          hs.map((h) => {
            const tools = h.nextElementSibling!;
            return { section: h.id, shown: [...tools.querySelectorAll('button')].filter((b) => b.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })).map((b) => b.textContent) };
          }),
        );
        expect(perSection.length).toBeGreaterThan(8);
        for (const s of perSection) expect(s.shown, s.section).toEqual([withShare ? 'Share' : 'Copy link']);
        const timelineShown = () => page.locator('.timeline .link-tools button').evaluateAll((bs) => bs.filter((b) => b.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })).map((b) => b.closest('li')!.id));
        expect(await timelineShown(), 'no control beside every date').toEqual([]);
        const entry = page.locator('.timeline-entry').nth(2);
        const id = await entry.getAttribute('id');
        await entry.locator('a.timeline-date').tap();
        await expect(page).toHaveURL(new RegExp(`#${id}$`));
        expect(await timelineShown(), 'the opened entry’s control').toEqual([id]);
      });
    }
  });
});

test.describe('the sources footer reads like a bibliography', () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  test('grouped by kind, one typeface an entry, "Cited in" by section; the number links to the entry; the copy control shows on hover or focus', async ({ page }) => {
    await page.goto(STORY);
    const footer = page.locator('.story-sources');
    await expect(footer.locator('.source-group')).toHaveText(['Company statements', 'News reports']);
    await expect(footer).not.toContainText('↩');
    const entry = page.locator('#source-openai-amazon');
    await expect(entry.locator('.backlinks')).toContainText(/^Cited in: The short version, Key figures, Timeline, /);
    const faces = await entry.evaluate((li) => new Set([...li.querySelectorAll('*')].map((e) => getComputedStyle(e).fontFamily)).size);
    expect(faces, 'one typeface in the entry').toBe(1);
    // With a mouse: hidden until the entry is hovered or a control has focus, and always in the tab order.
    const tools = entry.locator('.source-tools');
    const opacity = () => tools.evaluate((e) => Number(getComputedStyle(e).opacity));
    await page.mouse.move(5, 5);
    await expect.poll(opacity).toBe(0);
    await entry.hover();
    await expect.poll(opacity).toBe(1);
    const box = (await tools.boundingBox())!;
    const text = (await entry.locator('.backlinks').boundingBox())!;
    expect(box.x, 'beside the column, over no text').toBeGreaterThanOrEqual(text.x + text.width);
    await page.mouse.move(5, 5);
    await expect.poll(opacity).toBe(0);
    await entry.locator('.backlinks > a').last().focus();
    await page.keyboard.press('Tab');
    await expect(tools.getByRole('button', { name: /^Copy link to source \d+: OpenAI$/ })).toBeFocused();
    await expect.poll(opacity).toBe(1);
    // The entry's number, at its start, is its link to itself, and the first stop in it.
    const n = await entry.evaluate((li) => (li as HTMLLIElement).value);
    const number = entry.getByRole('link', { name: `Source ${n}`, exact: true });
    await expect(number).toHaveAttribute('href', '#source-openai-amazon');
    const numberBox = (await number.boundingBox())!;
    const line = (await entry.locator('.source-line').boundingBox())!;
    expect(numberBox.x + numberBox.width, 'before the entry, where a list number stands').toBeLessThanOrEqual(line.x + 1);
  });

  test.describe('on a touch screen', () => {
    test.use({ viewport: PHONE, hasTouch: true, isMobile: true });
    test('the controls are always shown', async ({ page }) => {
      await page.goto(STORY);
      const tools = page.locator('#source-joint-statement .source-tools');
      await expect(tools).toBeVisible();
      expect(await tools.evaluate((e) => getComputedStyle(e).opacity)).toBe('1');
      await expect(tools.getByRole('button', { name: /copy link/i })).toBeVisible();
    });
  });
});
