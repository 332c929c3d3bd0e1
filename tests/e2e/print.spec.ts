import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { citationMarkers, overlappingWords, pdfWords } from '../helpers/pdf.ts';

/** Every story in the content folder. */
const stories = readdirSync('content/stories')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));

/** Chromium's default print margins are about 0.4 in; no scaling. */
const MARGIN = { top: '0.4in', right: '0.4in', bottom: '0.4in', left: '0.4in' };
const PAPERS = [
  { format: 'Letter', width: 8.5, height: 11 },
  { format: 'A4', width: 8.27, height: 11.69 },
] as const;
const ARTIFACTS = path.resolve('test-results', 'print-briefs');

const pdfPages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const pdfText = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, '');

async function printable(page: Page, slug: string, scheme: 'light' | 'dark' = 'light') {
  await page.emulateMedia({ media: 'print', colorScheme: scheme });
  await page.goto(`/${slug}/`);
}

for (const slug of stories) {
  for (const paper of PAPERS) {
    test(`${slug} prints as exactly one page on ${paper.format}`, async ({ page }) => {
      await printable(page, slug);
      const expected = await page.evaluate(() => ({
        title: document.querySelector('h1')!.textContent!.trim(),
        dates: [...document.querySelectorAll('.timeline-date')].map((t) => t.textContent!.trim()),
        urls: [...document.querySelectorAll('.source-title')].map((a) => a.getAttribute('href')!),
        canonical: document.querySelector('link[rel=canonical]')!.getAttribute('href')!,
      }));
      mkdirSync(ARTIFACTS, { recursive: true });
      const pdf = path.join(ARTIFACTS, `${slug}-${paper.format}.pdf`);
      writeFileSync(pdf, await page.pdf({ format: paper.format, margin: MARGIN, printBackground: true }));
      const pages = pdfPages(pdf);
      expect(pages, `The brief of "${slug}" on ${paper.format} runs to ${pages} pages`).toBe(1);

      const text = pdfText(pdf);
      expect(text).toContain(expected.title);
      for (const d of expected.dates) expect(text, `timeline date ${d}`).toContain(d);
      for (const u of expected.urls) expect(squash(text), `source URL ${u}`).toContain(squash(u));
      expect(squash(text)).toContain(squash(expected.canonical));
      for (const gone of ['On this page', 'Copy link', 'Print brief', 'Cited in the text', 'Skip to content']) expect(text).not.toContain(gone);

      // Read back as poppler sees it: no two words overlap, and every citation marker sits above the word before it.
      const words = pdfWords(pdf);
      expect(overlappingWords(words), 'overlapping words in the PDF').toEqual([]);
      const markers = citationMarkers(words);
      expect(markers.length).toBeGreaterThan(0);
      expect(markers.filter((m) => m.raise < 1).map((m) => `${m.marker} after ${m.before}: ${m.raise.toFixed(2)} pt`), 'markers less than 1 pt above the word before').toEqual([]);

      // A picture of the brief for people to look at.
      execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')]);
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
      const bodyText = [...document.querySelectorAll('.prose p, .prose li')].filter(visible).map((el) => parseFloat(getComputedStyle(el).fontSize) * 0.75);
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
    expect(report.minBody).toBeGreaterThanOrEqual(9);
    expect(report.color).toBe('rgb(0, 0, 0)');
    expect(report.background).toBe('rgb(255, 255, 255)');
    expect(report.chrome).toBe(0);
    expect(report.hints).toBe(0);
    expect(report.qr).toBe(1);
  });
}

test('the Print brief button opens the print dialog, and is hidden on paper', async ({ page }) => {
  await page.goto(`/${stories[0]}/`);
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.getByRole('button', { name: 'Print brief' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print brief' })).toBeHidden();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('there is no Print brief button that could do nothing', async ({ page }) => {
    await page.goto(`/${stories[0]}/`);
    await expect(page.getByRole('button', { name: 'Print brief' })).toBeHidden();
  });
});
