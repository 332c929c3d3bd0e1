/**
 * Quality gate: accessibility, on every page the build produced (the sitemap's
 * URLs and the 404 page). Two engines at two widths in both colour schemes:
 * axe-core, with zero violations of WCAG 2.2 A/AA and axe's best practices and
 * zero incomplete results (nothing it could not decide, such as a contrast it
 * could not compute), and HTML_CodeSniffer (WCAG2AA), with zero errors and
 * zero warnings (its notices are prompts for manual review). Then the keyboard
 * (skip link, visible focus, logical order) and prefers-reduced-motion.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { axe, WCAG_TAGS } from '../helpers/axe.ts';
import { pagesToBrowse } from '../helpers/site.ts';
import { holdRefresh } from '../helpers/share-pages.ts';

// The pages to browse, and the search page with its results (they come from Pagefind's files, over WebAssembly).
const PAGES = [...pagesToBrowse(), '/search/?q=Bedrock'];
const WIDTHS = [390, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const TAGS = [...WCAG_TAGS, 'best-practice'];

type AxeResults = Awaited<ReturnType<typeof axe>>;
/** One readable block per violation (or incomplete result): rule, impact, help, and each node with axe's summary. */
function describeViolations(results: AxeResults, kind: 'violations' | 'incomplete' = 'violations'): string {
  return results[kind]
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    • ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}\n      ${n.html.slice(0, 200)}`)
        .join('\n');
      return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'})\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}

/** HTML_CodeSniffer's browser build, run in the page (evaluated by Playwright, so the page's CSP does not refuse it). */
const HTMLCS_SOURCE = readFileSync(createRequire(import.meta.url).resolve('html_codesniffer/build/HTMLCS.js'), 'utf8');
interface SnifferMessage {
  type: 1 | 2 | 3;
  code: string;
  msg: string;
  element: string;
}
/** HTML_CodeSniffer's WCAG2AA messages for the page: 1 error, 2 warning, 3 notice. */
async function codeSniffer(page: Page): Promise<SnifferMessage[]> {
  await page.evaluate(`${HTMLCS_SOURCE};window.HTMLCS = HTMLCS;`);
  return page.evaluate(
    () =>
      new Promise<SnifferMessage[]>((resolve, reject) => {
        const htmlcs = (window as unknown as { HTMLCS: { process(s: string, d: Document, done: () => void, fail: () => void): void; getMessages(): Array<{ type: 1 | 2 | 3; code: string; msg: string; element: Element }> } }).HTMLCS;
        htmlcs.process('WCAG2AA', document, () => resolve(htmlcs.getMessages().map((m) => ({ type: m.type, code: m.code, msg: m.msg, element: (m.element.outerHTML ?? String(m.element)).slice(0, 160) }))), () => reject(new Error('HTML_CodeSniffer failed')));
      }),
  );
}

async function open(page: Page, path: string, width: number, colorScheme: 'light' | 'dark' = 'light') {
  await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
  await page.emulateMedia({ colorScheme });
  // A share page is checked as itself, not as the story it moves on to.
  await holdRefresh(page);
  await page.goto(path, { waitUntil: 'load' });
  if (path.includes('?q=')) await page.locator('#search-results li').first().waitFor();
  await page.evaluate(() => document.fonts.ready);
}

test.describe('axe and HTML_CodeSniffer', () => {
  for (const path of PAGES) {
    for (const width of WIDTHS) {
      for (const scheme of SCHEMES) {
        test(`${path} at ${width}px, ${scheme}: no axe violations or incomplete results, no HTML_CodeSniffer errors or warnings`, async ({ page }) => {
          await open(page, path, width, scheme);
          const results = await axe(page, TAGS);
          const count = results.violations.reduce((n, v) => n + v.nodes.length, 0);
          const sniffed = await codeSniffer(page);
          const problems = sniffed.filter((m) => m.type !== 3);
          console.log(
            `axe ${path} ${width}px ${scheme}: ${results.violations.length} violations (${count} nodes), ${results.incomplete.length} incomplete, ${results.passes.length} rules passed; ` +
              `HTML_CodeSniffer: ${sniffed.filter((m) => m.type === 1).length} errors, ${sniffed.filter((m) => m.type === 2).length} warnings, ${sniffed.filter((m) => m.type === 3).length} notices`,
          );
          expect(results.violations.map((v) => `${v.id} (${v.nodes.length})`), `axe found ${results.violations.length} violations on ${path} (${width}px, ${scheme}):\n\n${describeViolations(results)}\n`).toEqual([]);
          expect(results.incomplete.map((v) => `${v.id} (${v.nodes.length})`), `axe could not decide ${results.incomplete.length} rules on ${path} (${width}px, ${scheme}):\n\n${describeViolations(results, 'incomplete')}\n`).toEqual([]);
          expect(problems.map((m) => `${m.type === 1 ? 'error' : 'warning'} ${m.code}: ${m.msg}\n    ${m.element}`), `HTML_CodeSniffer on ${path} (${width}px, ${scheme})`).toEqual([]);
        });
      }
    }
  }
});

interface Stop {
  tag: string;
  label: string;
  dom: number;
  top: number;
  bottom: number;
  inView: boolean;
  outline: string;
  boxShadow: string;
  opacity: number;
}

/** Presses Tab until focus leaves the page, recording each stop. */
async function tabStops(page: Page, limit: number): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(async () => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || el === document.documentElement) return null;
      const all = [...document.querySelectorAll('*')];
      // The effective opacity, once any transition has run its course.
      const opacity = () => {
        let o = 1;
        for (let n: Element | null = el; n; n = n.parentElement) o *= Number(getComputedStyle(n).opacity);
        return o;
      };
      for (let t = 0; t < 20 && opacity() < 1; t++) await new Promise((r) => setTimeout(r, 25));
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        tag: el.tagName.toLowerCase(),
        label: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60),
        dom: all.indexOf(el),
        top: r.top + scrollY,
        bottom: r.bottom + scrollY,
        inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth && r.width > 0 && r.height > 0,
        outline: `${s.outlineStyle} ${s.outlineWidth}`,
        boxShadow: s.boxShadow,
        opacity: opacity(),
      };
    });
    if (!stop) break;
    if (stops.length && stop.dom === stops[0]!.dom) break;
    stops.push(stop);
  }
  return stops;
}

/** Elements a keyboard user should reach, in DOM order. */
const focusableCount = (page: Page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]')].filter(
        (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.checkVisibility({ visibilityProperty: true }),
      ).length,
  );

test.describe('keyboard', () => {
  for (const path of PAGES) {
    test(`${path}: a skip link is the first tab stop, shows itself, and moves focus to main`, async ({ page }) => {
      await open(page, path, 1280);
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const el = document.activeElement as HTMLAnchorElement;
        const r = el.getBoundingClientRect();
        const href = el.getAttribute('href') ?? '';
        const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
        return { tag: el.tagName, text: el.textContent?.trim(), href, targetIsMain: target?.tagName === 'MAIN', visible: r.width > 1 && r.height > 1 && r.top >= 0 && r.bottom <= innerHeight };
      });
      expect(skip.tag, 'the first tab stop is a link').toBe('A');
      expect(skip.text).toMatch(/skip/i);
      expect(skip.targetIsMain, `the skip link (${skip.href}) points at <main>`).toBe(true);
      expect(skip.visible, 'the skip link is on screen when focused').toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('main')), 'the next tab stop is inside main').toBe(true);
    });

    for (const width of WIDTHS) {
      test(`${path} at ${width}px: every tab stop shows a focus indicator, in document order`, async ({ page }) => {
        await open(page, path, width);
        const expected = await focusableCount(page);
        const stops = await tabStops(page, expected + 10);
        expect(await page.locator('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count(), 'no positive tabindex').toBe(0);
        expect(stops.length, 'Tab reaches every focusable element once').toBe(expected);
        const problems: string[] = [];
        stops.forEach((s, i) => {
          const name = `stop ${i + 1} <${s.tag}> "${s.label}"`;
          const outlined = !s.outline.startsWith('none') && parseFloat(s.outline.split(' ')[1] ?? '0') >= 2;
          if (!outlined && s.boxShadow === 'none') problems.push(`${name}: no focus indicator (outline ${s.outline}, box-shadow ${s.boxShadow})`);
          if (s.opacity < 1) problems.push(`${name}: opacity ${s.opacity} while focused`);
          if (!s.inView) problems.push(`${name}: not on screen while focused`);
          const prev = stops[i - 1];
          if (prev && s.dom <= prev.dom) problems.push(`${name}: comes before the previous stop in the document`);
          // At one column, reading order runs down the page: a stop may sit a little
          // higher than the previous one on the same line (a superscript), never a line above.
          if (prev && width < 600 && s.bottom < prev.top) problems.push(`${name}: sits above the previous stop (${Math.round(s.bottom)} < ${Math.round(prev.top)})`);
        });
        console.log(`keyboard ${path} ${width}px: ${stops.length} tab stops, ${problems.length} problems`);
        expect(problems, problems.join('\n')).toEqual([]);
      });
    }
  }
});

test.describe('reduced motion', () => {
  for (const path of PAGES) {
    test(`${path}: with prefers-reduced-motion, no smooth scrolling, transitions or animations`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await holdRefresh(page);
      await page.goto(path);
      const moving = await page.evaluate(() => {
        const secs = (v: string) => Math.max(0, ...v.split(',').map((t) => (t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t) || 0)));
        const out: string[] = [];
        for (const el of [document.documentElement, ...document.querySelectorAll('body *')]) {
          for (const pseudo of [null, '::before', '::after', '::marker']) {
            const s = getComputedStyle(el, pseudo);
            const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().replace(/\s+/g, '.')}` : ''}${pseudo ?? ''}`;
            if (pseudo === null && s.scrollBehavior !== 'auto') out.push(`${name}: scroll-behavior ${s.scrollBehavior}`);
            if (secs(s.transitionDuration) > 0 && s.transitionProperty !== 'none') out.push(`${name}: transition ${s.transitionProperty} ${s.transitionDuration}`);
            if (secs(s.animationDuration) > 0 && s.animationName !== 'none') out.push(`${name}: animation ${s.animationName} ${s.animationDuration}`);
          }
        }
        return [...new Set(out)];
      });
      expect(moving, moving.join('\n')).toEqual([]);
    });
  }

});
