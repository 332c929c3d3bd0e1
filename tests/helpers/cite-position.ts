/**
 * Where citation markers sit on screen, measured in the page: for each marker
 * that shares a line with the text before it, how far the bottom of the
 * marker's "[1]" sits above the bottom of that text, in ems of the text. Both
 * bottoms include the font's descent, so a marker set on the baseline in its
 * smaller type measures about 0.05 em; one sunk below it, less than zero.
 *
 * Runs in the browser through page.evaluate (Playwright's Chromium and
 * Puppeteer's Firefox alike), so it is one self-contained function.
 */
export interface CiteRaise {
  marker: string;
  text: string;
  raise: number;
}

export function measureCiteRaise(): CiteRaise[] {
  const out: CiteRaise[] = [];
  for (const sup of document.querySelectorAll('sup.cite')) {
    const link = sup.querySelector('a');
    const block = sup.parentElement?.closest('p, li, dd, dt, div');
    if (!link || !block) continue;
    // The last text before the marker in its block, not in another marker.
    let before: Text | null = null;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!(sup.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_PRECEDING)) break;
      if (n.textContent!.trim() && !n.parentElement!.closest('sup.cite')) before = n as Text;
    }
    if (!before) continue;
    const range = document.createRange();
    range.selectNodeContents(link);
    const marker = range.getClientRects()[0];
    const end = before.textContent!.trimEnd().length;
    range.setStart(before, end - 1);
    range.setEnd(before, end);
    const char = range.getClientRects()[0];
    if (!marker || !char || marker.width === 0) continue;
    if (marker.top > char.bottom || marker.bottom < char.top) continue; // the marker wrapped to the next line
    const em = parseFloat(getComputedStyle(before.parentElement!).fontSize);
    out.push({ marker: `${link.id} "${link.textContent}"`, text: before.textContent!.trim().slice(-24), raise: (char.bottom - marker.bottom) / em });
  }
  return out;
}
