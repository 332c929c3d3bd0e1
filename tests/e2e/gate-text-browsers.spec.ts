/**
 * Quality gate: text browsers read every page cleanly. `lynx -dump` and
 * `w3m -dump` render the served page with no CSS and no JavaScript; the gate
 * compares their words with the words Chromium shows on screen (JavaScript
 * off). A word in a dump that is not on screen is a failure: words run
 * together across elements ("2026Updated", "contentThe"), hidden or
 * script-only controls ("(BUTTON) Print brief"), print-only text (the brief's
 * masthead, bare URLs), a source's link to itself read as words ("Source 2"). So is a word made only of symbols ("#", "↩"): anchors
 * and backlinks must be words a reader can follow. Every heading must be in
 * both dumps, and every in-page link on screen reachable in lynx's link list.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { pagesToBrowse } from '../helpers/site.ts';
import { holdRefresh } from '../helpers/share-pages.ts';

const PAGES = pagesToBrowse();

const DUMPERS = {
  lynx: (url: string) => execFileSync('lynx', ['-dump', '-nolist', '-width=100', '-display_charset=UTF-8', '-assume_charset=UTF-8', url], { encoding: 'utf8' }),
  w3m: (url: string) => execFileSync('w3m', ['-dump', '-cols', '100', '-I', 'UTF-8', '-O', 'UTF-8', url], { encoding: 'utf8' }),
};

/**
 * The words of a dump, without what the text browser adds itself: lynx's first
 * line of <link> titles ("#The Explainer"), list numbers and bullets, the
 * "^" both put before a superscript, and the line each shows for a share page's
 * <meta http-equiv="refresh"> ("REFRESH(0 sec): …", "Refresh (0 sec) …"), its link to the section;
 * and how each draws a search box and its button (lynx "____ (BUTTON)", w3m "[    ]").
 */
function dumpWords(dump: string, browser: keyof typeof DUMPERS): Array<{ word: string; line: string }> {
  const lines = dump.split('\n').filter((l) => !/^\s*(REFRESH\(\d+ sec\):|Refresh \(\d+ sec\)) \S+$/.test(l));
  if (browser === 'lynx' && /^\s*#/.test(lines[0] ?? '')) lines.shift();
  return lines.flatMap((line) =>
    line
      .replace(/^\s*(?:\d+\.|[*+•])\s+/, '')
      .replace(browser === 'lynx' ? /_{6,}|\(BUTTON\)/g : /\[ {6,}\]/g, ' ')
      .split(/\s+/)
      // w3m's "^" may end a line, with the superscript wrapped onto the next.
      .filter((w) => Boolean(w) && w !== '^')
      .map((w) => ({ word: w.replace(/^\^(?=\[)/, ''), line: line.trim() })),
  )
    // w3m marks a <sup> with "^" and may wrap the line between the "^" and its "[4]".
    .filter((w, i, all) => !(w.word === '^' && /^\[/.test(all[i + 1]?.word ?? '')));
}

test.describe('text browsers', () => {
  test.use({ javaScriptEnabled: false });

  for (const path of PAGES) {
    test(`${path}: lynx and w3m show the words on screen, and only those`, async ({ page, baseURL }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      // A share page is compared as itself: lynx and w3m do not follow its refresh either.
      await holdRefresh(page);
      const response = await page.goto(path);
      expect(response?.ok() || response?.status() === 404).toBe(true);
      const screen = await page.locator('body').innerText();
      // Case aside: CSS text-transform (the uppercase labels) is for screens only.
      const screenWords = new Set(screen.toLowerCase().split(/\s+/).filter(Boolean));
      const headings = (await page.locator('h1, h2, h3').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
      const inPage = new Set(await page.locator('a[href^="#"]').evaluateAll((as) => as.filter((a) => (a as HTMLElement).checkVisibility()).map((a) => a.getAttribute('href')!)));

      const problems: string[] = [];
      for (const [browser, dump] of Object.entries(DUMPERS) as [keyof typeof DUMPERS, (u: string) => string][]) {
        const text = dump(new URL(path, baseURL).href);
        const words = dumpWords(text, browser);
        const flat = words.map((w) => w.word).join(' ');
        for (const { word, line } of words) {
          if (/^[#↩¶§\uFE0E\uFE0F]+$/u.test(word)) problems.push(`${browser}: a symbol for a link: "${word}" in "${line}"`);
          else if (!screenWords.has(word.toLowerCase())) problems.push(`${browser}: "${word}" is not a word on screen (run together, hidden or print-only), in "${line}"`);
        }
        // A source's link to itself is its number, at its start (the list's); never "Source 3" as the entry's last words.
        for (const m of flat.matchAll(/\bSource \d+\b/g)) problems.push(`${browser}: "${m[0]}" reads as words of a source entry`);
        // Case aside here too: innerText upper-cases the labels CSS sets in capitals.
        for (const h of headings) if (!flat.toLowerCase().includes(h.toLowerCase())) problems.push(`${browser}: heading "${h}" is missing`);
        console.log(`${browser} ${path}: ${words.length} words, ${headings.length} headings`);
      }
      const listed = new Set(
        execFileSync('lynx', ['-dump', '-listonly', '-nonumbers', new URL(path, baseURL).href], { encoding: 'utf8' })
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l.includes('#'))
          .map((l) => `#${l.split('#').slice(1).join('#')}`),
      );
      for (const href of inPage) if (!listed.has(href)) problems.push(`lynx: the in-page link ${href} cannot be followed`);
      expect(problems, `${path} in text browsers:\n${[...new Set(problems)].join('\n')}`).toEqual([]);
    });
  }
});
