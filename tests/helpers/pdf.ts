/**
 * Reading a printed PDF as poppler sees it: `pdftotext -bbox` gives every word
 * with its box (points, origin top left). Used by the print checks in
 * Chromium and Firefox: no two words may overlap, and a citation marker "[1]"
 * must sit above the baseline of the word before it.
 */
import { execFileSync } from 'node:child_process';

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every word of the PDF with its box, page by page, in reading order. */
export function pdfWords(pdf: string): PdfWord[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const words: PdfWord[] = [];
  xml.split(/<page /).slice(1).forEach((page, i) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: i + 1, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: unescape(m[5]!) });
    }
  });
  return words;
}

const describe = (w: PdfWord) => `"${w.text}" (page ${w.page}, ${w.xMin.toFixed(1)},${w.yMin.toFixed(1)}–${w.xMax.toFixed(1)},${w.yMax.toFixed(1)})`;

/** Pairs of words whose boxes intersect (by more than `tolerance` points each way: by default, any overlap at all). */
export function overlappingWords(words: readonly PdfWord[], tolerance = 0): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i]!;
      const b = words[j]!;
      if (a.page !== b.page) continue;
      const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (w > tolerance && h > tolerance) out.push(`${describe(a)} overlaps ${describe(b)}`);
    }
  }
  return out;
}

/**
 * Each citation marker ("[1]", "[1][3]") with the word before it on the same
 * line, and how far the marker's bottom sits above that word's bottom, in
 * points. Both bottoms include the font's descent, so a marker set on the
 * baseline in a smaller type still counts as well under a point.
 */
export function citationMarkers(words: readonly PdfWord[]): Array<{ marker: string; before: string; raise: number }> {
  const out: Array<{ marker: string; before: string; raise: number }> = [];
  const isMarker = (w: PdfWord) => /^(\[\d+\])+$/.test(w.text);
  words.forEach((w, i) => {
    if (!isMarker(w)) return;
    const before = words
      .slice(0, i)
      .reverse()
      .find((p) => p.page === w.page && !isMarker(p) && p.xMax <= w.xMin + 0.5 && p.yMax > w.yMin && p.yMin < w.yMax);
    if (before) out.push({ marker: describe(w), before: describe(before), raise: before.yMax - w.yMax });
  });
  return out;
}

/** The break marks of src/lib/print-url.ts, which Chromium's PDF text keeps (Firefox's drops them). */
export const unmarked = (s: string) => s.replace(/[\u200B\u2060]/g, '');

/**
 * How the printed URLs fail a reader who types them. A URL has no spaces, so each of its printed lines
 * is one word; its lines are found by their place (each just under the one before, at the same left
 * edge: in two columns, words of the other column come between them in poppler's order). A line may
 * end inside the URL only after a slash, or inside a part between slashes too long for any of its
 * lines, and never after a hyphen.
 */
export function urlBreakProblems(words: readonly PdfWord[], urls: readonly string[]): string[] {
  const problems: string[] = [];
  const text = (w: PdfWord) => unmarked(w.text);
  for (const url of urls) {
    let found: string[] | undefined;
    for (const first of words.filter((w) => text(w) && url.startsWith(text(w)))) {
      const got = [first];
      let printed = text(first);
      while (printed !== url) {
        const prev = got.at(-1)!;
        const next = words
          .filter((w) => w.page === prev.page && Math.abs(w.xMin - first.xMin) < 2 && w.yMin > prev.yMin && w.yMin - prev.yMax < 6)
          .sort((a, b) => a.yMin - b.yMin)[0];
        if (!next || !url.startsWith(printed + text(next))) break;
        got.push(next);
        printed += text(next);
      }
      if (printed === url) {
        found = got.map(text);
        break;
      }
    }
    if (!found) {
      problems.push(`${url}: not printed whole`);
      continue;
    }
    const widest = Math.max(...found.map((l) => l.length));
    let at = 0;
    for (const line of found.slice(0, -1)) {
      at += line.length;
      const end = url.indexOf('/', at);
      const part = url.slice(url.lastIndexOf('/', at - 1) + 1, end < 0 ? undefined : end);
      if (line.endsWith('-')) problems.push(`${url}: a line ends at a hyphen ("…${line.slice(-16)}")`);
      else if (!line.endsWith('/') && part.length <= widest) problems.push(`${url}: breaks inside "${part}", which fits on a line ("…${line.slice(-16)}")`);
    }
  }
  return problems;
}
