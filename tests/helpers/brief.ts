/**
 * The printed brief, as a reader holds it: print a story page to PDF on Letter
 * or A4 (Chromium's default 0.4 in margins, no scaling), read the PDF's text
 * and word boxes with poppler, and check that every part the brief must carry
 * is there by its content. Used by tests/e2e/print.spec.ts (every story) and
 * tests/integration/valid-fixtures.test.ts (a fixture story at every cap).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export const MARGIN_IN = 0.4;
export const MARGIN = { top: '0.4in', right: '0.4in', bottom: '0.4in', left: '0.4in' };
export const PAPERS = [
  { format: 'Letter', width: 8.5, height: 11 },
  { format: 'A4', width: 8.27, height: 11.69 },
] as const;
export type Paper = (typeof PAPERS)[number];
export const ARTIFACTS = path.resolve('test-results', 'print-briefs');

/** What the brief must carry, read from the page itself. */
export interface BriefParts {
  title: string;
  canonical: string;
  /** Label and first words of each part of the short version; whether it is analysis. */
  parts: { label: string; words: string; analysis: boolean }[];
  figures: string[];
  dates: string[];
  urls: string[];
  kinds: string[];
}

export async function briefParts(page: Page): Promise<BriefParts> {
  return page.evaluate(() => {
    const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      title: text(document.querySelector('h1')),
      canonical: document.querySelector('link[rel=canonical]')!.getAttribute('href')!,
      parts: [...document.querySelectorAll('.short-version .part')].map((p) => ({
        label: text(p.querySelector('.part-label')).replace(/\s*Analysis$/, ''),
        words: text(p.querySelector('p, li')).split(' ').slice(0, 6).join(' '),
        analysis: p.classList.contains('part-analysis'),
      })),
      figures: [...document.querySelectorAll('.figure-value')].map(text),
      dates: [...document.querySelectorAll('.timeline-date')].map(text),
      urls: [...document.querySelectorAll('.source-title')].map((a) => a.getAttribute('href')!),
      kinds: [...document.querySelectorAll('.source-kind')].map((k) => text(k).replace(/\.$/, '')),
    };
  });
}

/** Prints the page (already in print media) to a PDF and a PNG beside it; returns the PDF's path. */
export async function printBrief(page: Page, name: string, paper: Paper): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const pdf = path.join(ARTIFACTS, `${name}-${paper.format}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: paper.format, margin: MARGIN, printBackground: true }));
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')]);
  return pdf;
}

export const pdfPages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
// -raw: the text in the order it was drawn (the DOM order), so a URL broken over lines in a column reads whole.
export const pdfText = (pdf: string) => execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
// NFKC: a PDF's text may carry the font's ligatures ("ﬁ" for "fi"), as Firefox's does; Chromium's keeps a printed URL's break marks (src/lib/print-url.ts).
const squash = (s: string) => s.normalize('NFKC').replace(/[\s\u200B\u2060]+/g, '');

/** How far down the printable height of page 1 the text reaches (0 to 1). */
export function pdfFill(pdf: string, paper: Paper): number {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  const bottom = Math.max(...[...html.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1])));
  return (bottom - MARGIN_IN * 72) / ((paper.height - 2 * MARGIN_IN) * 72);
}

/** The sources as the page lists them, top to bottom: each one's number, publisher and title. */
export async function listedSources(page: Page): Promise<{ n: number; publisher: string; title: string }[]> {
  return page.locator('.sources > li').evaluateAll((lis) =>
    lis.map((li) => ({
      n: (li as HTMLLIElement).value,
      publisher: li.querySelector('.source-publisher')!.textContent!.trim(),
      title: li.querySelector('.source-title')!.textContent!.trim(),
    })),
  );
}

/**
 * How the printed sources fail to read in number order: each entry must start with its number
 * ("3. Microsoft, …"), and the entries must follow one another 1, 2, 3… in the PDF's text.
 */
export function sourceOrderProblems(text: string, sources: readonly { n: number; publisher: string; title: string }[]): string[] {
  const flat = squash(text);
  const problems: string[] = [];
  let last = -1;
  for (const s of [...sources].sort((a, b) => a.n - b.n)) {
    const at = flat.indexOf(squash(`${s.n}. ${s.publisher}, ${s.title}`));
    if (at < 0) problems.push(`source ${s.n} does not start "${s.n}. ${s.publisher}, ${s.title}"`);
    else if (at < last) problems.push(`source ${s.n} (${s.publisher}) is printed before the source numbered before it`);
    last = Math.max(last, at);
  }
  return problems;
}

/**
 * What the full story must carry on paper, read from the page as it prints (run in the page, in print
 * media, with the full story chosen): every heading, the opening words of every paragraph, item, term
 * and definition shown, and every source's URL.
 */
export function fullStoryParts(): { headings: string[]; openings: string[]; urls: string[] } {
  const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const words = (el: Element) => {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll('sup, .cite, .visually-hidden, .screen-only, .link-tools, button').forEach((c) => c.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  };
  const prose = document.querySelector('.prose')!;
  return {
    headings: [...prose.querySelectorAll('h1, h2, h3')].filter(shown).map(words),
    openings: [...prose.querySelectorAll('p, li, dt, dd, .figure-value')]
      .filter((el) => shown(el) && !el.closest('.screen-only'))
      .map((el) => words(el).split(' ').slice(0, 8).join(' '))
      .filter(Boolean),
    urls: [...prose.querySelectorAll('.source-title')].map((a) => a.getAttribute('href')!),
  };
}

/**
 * Lays the page out with its print rules on screen too (run in the page), for an engine that cannot
 * emulate print media (Firefox over WebDriver BiDi): every `@media print` rule also applies to the
 * screen; called again with `false`, only to print.
 */
export function printRulesOnScreen(on: boolean): void {
  const media = (list: MediaList) => {
    const mediums = [...list];
    if (on && mediums.includes('print') && !mediums.includes('screen')) list.appendMedium('screen');
    if (!on && mediums.includes('print') && mediums.includes('screen')) list.deleteMedium('screen');
  };
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')) if (/print/.test(link.media)) link.media = on ? 'print, screen' : 'print';
  for (const sheet of document.styleSheets) for (const rule of sheet.cssRules) if (rule instanceof CSSMediaRule) media(rule.media);
}

/** Headings printed as the last line of a page, their text left apart from what they head. */
export function headingsAtPageFoot(words: readonly { page: number; text: string; yMax: number }[], headings: readonly string[]): string[] {
  const flat = new Set(headings.map((h) => squash(h).toLowerCase()));
  const pages = [...new Set(words.map((w) => w.page))];
  return pages.flatMap((page) => {
    const on = words.filter((w) => w.page === page);
    const bottom = Math.max(...on.map((w) => w.yMax));
    const last = squash(on.filter((w) => w.yMax > bottom - 2).map((w) => w.text).join('')).toLowerCase();
    return page < pages.length && flat.has(last) ? [`"${last}" ends page ${page}`] : [];
  });
}

/** What of the full story the PDF's text lacks; empty when all is there. Case aside: labels may print in capitals. */
export function missingFromFullStory(text: string, parts: ReturnType<typeof fullStoryParts>): string[] {
  const flat = squash(text).toLowerCase();
  const lacks = (what: string, s: string) => (flat.includes(squash(s).toLowerCase()) ? [] : [`${what}: "${s}"`]);
  return [...parts.headings.flatMap((h) => lacks('a heading', h)), ...parts.openings.flatMap((o) => lacks('the words of', o)), ...parts.urls.flatMap((u) => lacks('a source URL', u))];
}

/**
 * Words printed past the page's printable area (cut off at its edge or its foot). Poppler's boxes are the
 * font's, a little wider than the ink: a word may reach 2 pt past the margin and still be whole.
 */
export function wordsOffPage(words: readonly { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }[], paper: Paper, slack = 2): string[] {
  const m = MARGIN_IN * 72;
  const [w, h] = [paper.width * 72, paper.height * 72];
  return words
    .filter((x) => x.xMin < m - slack || x.yMin < m - slack || x.xMax > w - m + slack || x.yMax > h - m + slack)
    .map((x) => `"${x.text}" on page ${x.page} at ${x.xMin.toFixed(1)},${x.yMin.toFixed(1)}–${x.xMax.toFixed(1)},${x.yMax.toFixed(1)}`);
}

/** Every part the brief must carry that the PDF's text lacks; empty when all are there. */
export function missingParts(text: string, parts: BriefParts): string[] {
  // Case aside: labels may be set in capitals or small capitals.
  const flat = squash(text).toLowerCase();
  const lacks = (what: string, s: string) => (flat.includes(squash(s).toLowerCase()) ? [] : [`${what}: "${s}"`]);
  return [
    ...lacks('the headline', parts.title),
    ...lacks('the address', parts.canonical),
    ...(parts.parts.length === 0 ? ['the short version: no parts on the page'] : []),
    ...parts.parts.flatMap((p) => [...lacks('a part’s label', p.label.toUpperCase()), ...lacks(`the words of "${p.label}"`, p.words)]),
    ...(parts.parts.some((p) => p.analysis) ? lacks('the Analysis label', 'ANALYSIS') : []),
    ...parts.figures.flatMap((f) => lacks('a key figure', f)),
    ...parts.dates.flatMap((d) => lacks('a timeline date', d)),
    ...parts.urls.flatMap((u) => lacks('a source URL', u)),
    ...parts.kinds.flatMap((k) => lacks('a source’s kind', k)),
  ];
}
