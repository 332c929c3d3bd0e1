import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { briefParts, fullStoryParts, headingsAtPageFoot, listedSources, missingFromFullStory, missingParts, PAPERS, pdfFill, pdfPages, pdfText, printBrief, sourceOrderProblems, wordsOffPage } from '../helpers/brief.ts';
import { citationMarkers, overlappingWords, pdfWords, urlBreakProblems } from '../helpers/pdf.ts';

/** Every story in the content folder. */
const stories = readdirSync('content/stories')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));

async function printable(page: Page, slug: string, scheme: 'light' | 'dark' = 'light') {
  await page.emulateMedia({ media: 'print', colorScheme: scheme });
  await page.goto(`/${slug}/`);
}

for (const slug of stories) {
  for (const paper of PAPERS) {
    test(`${slug} prints as exactly one page on ${paper.format}, carrying every part of the brief`, async ({ page }) => {
      await printable(page, slug);
      const parts = await briefParts(page);
      const pdf = await printBrief(page, slug, paper);
      const pages = pdfPages(pdf);
      expect(pages, `The brief of "${slug}" on ${paper.format} runs to ${pages} pages`).toBe(1);

      const text = pdfText(pdf);
      // Both sides and what to watch: the short version's four labelled parts.
      expect(parts.parts.map((p) => p.label)).toEqual(expect.arrayContaining(['What happened', 'Why it matters']));
      expect(parts.parts.length).toBeGreaterThanOrEqual(3);
      expect(missingParts(text, parts)).toEqual([]);
      expect(text).toMatch(/Covers /);
      for (const gone of ['On this page', 'Copy link', 'Print brief', 'Cited in', 'Skip to content', 'Updates and corrections']) expect(text).not.toContain(gone);
      const fill = pdfFill(pdf, paper);
      console.log(`${slug} on ${paper.format}: text reaches ${(fill * 100).toFixed(0)}% of the printable height`);
      // The first story's brief uses the page (a short story may leave space; it may not run over).
      if (slug === 'openai-shifts-partners' && paper.format === 'Letter') expect(fill).toBeGreaterThanOrEqual(0.85);

      // Read back as poppler sees it: no two words overlap, and every citation marker sits above the word before it.
      const words = pdfWords(pdf);
      expect(overlappingWords(words), 'overlapping words in the PDF').toEqual([]);
      const markers = citationMarkers(words);
      expect(markers.length).toBeGreaterThan(0);
      expect(markers.filter((m) => m.raise < 1).map((m) => `${m.marker} after ${m.before}: ${m.raise.toFixed(2)} pt`), 'markers less than 1 pt above the word before').toEqual([]);
    });

    test(`${slug}: nothing runs off the ${paper.format} page`, async ({ page }) => {
      const px = (inches: number) => Math.floor(inches * 96);
      await page.setViewportSize({ width: px(paper.width - 0.8), height: px(paper.height - 0.8) });
      await printable(page, slug);
      const overflow = await page.evaluate(() => {
        const limit = document.documentElement.clientWidth + 0.5;
        return [...document.querySelectorAll('body *')]
          .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > limit)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      });
      expect(overflow).toEqual([]);
    });
  }

  for (const paper of PAPERS) {
    test(`${slug}: long URLs on the ${paper.format} brief break after a slash, never at a hyphen`, async ({ page }) => {
      await printable(page, slug);
      const { urls, canonical } = await briefParts(page);
      const words = pdfWords(await printBrief(page, `${slug}-urls`, paper));
      expect(urlBreakProblems(words, [canonical, ...urls])).toEqual([]);
    });

    test(`${slug}: "Print full story" prints every section, the terms, the updates and the sources with their URLs on ${paper.format}, no word overlapping or cut`, async ({ page }) => {
      await page.goto(`/${slug}/`);
      await page.evaluate(() => (window.print = () => {}));
      await page.getByRole('button', { name: 'Print full story' }).click();
      await page.emulateMedia({ media: 'print' });
      const parts = await page.evaluate(fullStoryParts);
      // What the brief leaves off is in it: the other sections, the timeline's text, the terms, the updates.
      for (const h of ['Terms', 'Updates and corrections', 'Sources']) expect(parts.headings).toContain(h);
      expect(parts.headings.length).toBeGreaterThan(12);
      const sources = await listedSources(page);
      const pdf = await printBrief(page, `${slug}-full-story`, paper);
      const text = pdfText(pdf);
      const pages = pdfPages(pdf);
      console.log(`${slug}, full story on ${paper.format}: ${pages} pages, ${parts.headings.length} headings, ${parts.openings.length} paragraphs and entries`);
      expect(pages, 'more than the one-page brief').toBeGreaterThan(1);
      expect(missingFromFullStory(text, parts)).toEqual([]);
      expect(sourceOrderProblems(text, sources)).toEqual([]);
      const words = pdfWords(pdf);
      expect(urlBreakProblems(words, parts.urls)).toEqual([]);
      for (const gone of ['On this page', 'Copy link', 'Print brief', 'Print full story', 'Cited in', 'Skip to content']) expect(text).not.toContain(gone);
      expect(overlappingWords(words), 'overlapping words in the PDF').toEqual([]);
      expect(wordsOffPage(words, paper), 'words cut at the page’s edge').toEqual([]);
      expect(headingsAtPageFoot(words, parts.headings), 'a heading left at the foot of a page').toEqual([]);
      expect(citationMarkers(words).filter((m) => m.raise < 1).map((m) => `${m.marker} after ${m.before}: ${m.raise.toFixed(2)} pt`), 'markers less than 1 pt above the word before').toEqual([]);
    });
  }

  for (const paper of PAPERS) {
    test(`${slug}: the printed sources read in number order on ${paper.format}, each number at the start of its entry`, async ({ page }) => {
      await printable(page, slug);
      const sources = await listedSources(page);
      expect(sources.length).toBeGreaterThan(0);
      const pdf = await printBrief(page, `${slug}-sources`, paper);
      expect(sourceOrderProblems(pdfText(pdf), sources)).toEqual([]);
    });
  }

  test(`${slug}: print type is large enough, dark on white even in dark mode, with no screen chrome`, async ({ page }) => {
    await printable(page, slug, 'dark');
    const report = await page.evaluate(() => {
      const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const small: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent!.trim() || !visible(el)) continue;
        const size = parseFloat(getComputedStyle(el).fontSize) * 0.75; // px → pt
        if (size < 8 - 0.01) small.push(`${el.tagName}.${el.className} ${size}pt`);
      }
      const bodyText = [...document.querySelectorAll('.short-version p, .short-version li, .timeline-title')].filter(visible).map((el) => parseFloat(getComputedStyle(el).fontSize) * 0.75);
      const shown = (sel: string) => [...document.querySelectorAll(sel)].filter(visible).length;
      return {
        small,
        minBody: Math.min(...bodyText),
        color: getComputedStyle(document.body).color,
        background: getComputedStyle(document.body).backgroundColor,
        chrome: shown('button, nav, .site-header, .site-footer, .on-this-page, .backlinks, .source-quotes'),
        // The "#" beside each heading and date is a screen hint.
        hints: [...document.querySelectorAll('.anchor-link')].filter((a) => getComputedStyle(a, '::after').display !== 'none').length,
        qr: shown('.print-qr svg'),
      };
    });
    expect(report.small).toEqual([]);
    // Infinity when no body text prints at all: that must fail too.
    expect(report.minBody).toBeLessThan(Infinity);
    expect(report.minBody).toBeGreaterThanOrEqual(9);
    expect(report.color).toBe('rgb(0, 0, 0)');
    expect(report.background).toBe('rgb(255, 255, 255)');
    expect(report.chrome).toBe(0);
    expect(report.hints).toBe(0);
    expect(report.qr).toBe(1);
  });
}

test('the Print brief and Print full story buttons open the print dialog, each for its print, and are hidden on paper', async ({ page }) => {
  await page.goto(`/${stories[0]}/`);
  await page.evaluate(() => {
    (window as unknown as { printed: string[] }).printed = [];
    window.print = () => void (window as unknown as { printed: string[] }).printed.push(document.documentElement.className || 'brief');
  });
  await page.getByRole('button', { name: 'Print full story' }).click();
  await page.getByRole('button', { name: 'Print brief' }).click();
  await page.getByRole('button', { name: 'Print full story' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: string[] }).printed)).toEqual(['print-full', 'brief', 'print-full']);
  // After that print, Ctrl+P gives the brief again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('html')).not.toHaveClass(/print-full/);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print brief' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print full story' })).toBeHidden();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('there is no print button that could do nothing, and printing gives the one-page brief', async ({ page }) => {
    await page.goto(`/${stories[0]}/`);
    await expect(page.getByRole('button', { name: 'Print brief' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print full story' })).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    expect(pdfPages(await printBrief(page, `${stories[0]}-no-js`, PAPERS[0]))).toBe(1);
  });
});
