/**
 * The words of a link preview (a share page's description, a card's lead), cut to fit so that they
 * end where the text does: on a sentence's end, after a list's whole items, or, when even the first
 * sentence is too long, at a clause break with "…", never in the middle of a clause. A preview stands
 * alone, with nothing above or below it, so a sentence or item that points "above" or "below" is left out.
 */

/** A preview's words: whole units (the sentences of running text, or a list's items) and how they join. */
export interface PreviewText {
  /** Words kept before the units ("6 events, January 2025 to April 13, 2026:"), dropped only when nothing fits with them. */
  intro?: string;
  /** Whole sentences, or a list's items: a preview shows as many as fit, from the first. */
  units: readonly string[];
  /** Between units: " " (the default), or "; " and ", " for a list's short items. */
  sep?: string;
  /** After the last unit shown: "" (the default), or "." after a list's short items. */
  end?: string;
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Ends in an abbreviation, not a sentence: a title, "No.", a month, or initials ("U.S.", "e.g."). */
const ABBREVIATION = /(?:^|[\s(“"])(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Inc|Corp|Co|Ltd|Jr|Sr|No|Nos|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|(?:\p{L}\.)+\p{L})\.$/u;
/** A sentence or item that points elsewhere on the page, which a preview does not have. */
const POINTS_AWAY = /\b(?:above|below)\b/i;
/** A month and day, before the comma of "April 12, 2026": that comma is no clause break. */
const MONTH_DAY = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? \d{1,2}$/;
const ELLIPSIS = '…';

/** The sentences of a text, in order. */
export function sentences(text: string): string[] {
  const t = clean(text);
  if (!t) return [];
  // A sentence ends at . ! ? or … (and any closing quote or bracket), before a space and a capital, digit or
  // opening quote; not after a short abbreviation ("Mr.", "U.S.", "No.", "Feb."), whose next word may be capitalised.
  const pieces = t.split(/(?<=[.!?…]["”’)\]]?)\s+(?=["“‘(\[]?[\p{Lu}\p{N}$£€])/u);
  const out: string[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (last !== undefined && ABBREVIATION.test(last)) out[out.length - 1] = `${last} ${piece}`;
    else out.push(piece);
  }
  return out;
}

/** Whether the text before a break is inside an open quotation or bracket. */
function inside(before: string): boolean {
  const count = (re: RegExp) => (before.match(re) ?? []).length;
  return count(/“/g) > count(/”/g) || count(/"/g) % 2 === 1 || count(/\(/g) > count(/\)/g);
}

/**
 * A sentence shortened at each of its clause breaks (a comma, semicolon or colon before a space, an em
 * dash, or a spaced en dash: not the en dash of "Microsoft–OpenAI"), longest first, each ending in "…".
 * Not the comma of a date ("April 12, 2026"), not inside quotation marks or brackets.
 */
export function clauseCuts(sentence: string): string[] {
  const s = clean(sentence);
  const cuts: string[] = [];
  for (const m of s.matchAll(/[,;:](?= )| ?— ?| – /g)) {
    const before = s.slice(0, m.index).trimEnd();
    if (!before || inside(before)) continue;
    if (m[0] === ',' && MONTH_DAY.test(before) && /^ \d{4}\b/.test(s.slice(m.index + 1))) continue;
    cuts.push(`${before.replace(/[\s,;:–—-]+$/, '')}${ELLIPSIS}`);
  }
  return cuts.reverse();
}

/** The last resort, for a clause too long for any room: the sentence cut after each word, longest first, with "…". */
function wordCuts(sentence: string): string[] {
  const words = clean(sentence).split(' ');
  return words.slice(1).map((_, i) => `${words.slice(0, words.length - 1 - i).join(' ').replace(/[\s,;:–—-]+$/, '')}${ELLIPSIS}`);
}

/**
 * Every form the preview may take, the one to prefer first: as many whole units as there are down to
 * one (with the intro, then without it); then the first unit cut at a clause break; then, as a last
 * resort, cut at a word.
 */
export function previewForms({ intro = '', units, sep = ' ', end = '' }: PreviewText): string[] {
  const kept = units.map(clean).filter((u) => u && !POINTS_AWAY.test(u));
  if (kept.length === 0) return [];
  const heads = intro && !POINTS_AWAY.test(intro) ? [`${clean(intro)} `, ''] : [''];
  const whole = heads.flatMap((head) => kept.map((_, i) => `${head}${kept.slice(0, kept.length - i).join(sep)}${end}`));
  const cut = (cuts: string[]) => heads.flatMap((head) => cuts.map((c) => `${head}${c}`));
  return [...whole, ...cut(clauseCuts(kept[0]!)), ...cut(wordCuts(kept[0]!))];
}

/** The first form of the preview that fits (by `fits`: a length, the lines of a card); "" when none does. */
export function fitPreview(preview: PreviewText, fits: (text: string) => boolean): string {
  return previewForms(preview).find(fits) ?? '';
}

/** Running text as a preview: its sentences. */
export const prose = (text: string): PreviewText => ({ units: sentences(text) });
