/** A preview ends where the text does (a sentence, whole items, a clause with "…"); it stands alone, so words pointing "above" go. */
export interface PreviewText {
  /** Kept before the units ("6 events, January 2025 to April 13, 2026:"); dropped only when nothing fits with them. */
  intro?: string;
  units: readonly string[];
  sep?: string;
  end?: string;
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A title, "No.", a month, or initials ("U.S.", "e.g."), whose next word may be capitalised. */
const ABBREVIATION = /(?:^|[\s(“"])(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Inc|Corp|Co|Ltd|Jr|Sr|No|Nos|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|(?:\p{L}\.)+\p{L})\.$/u;
const POINTS_AWAY = /\b(?:above|below)\b/i;
/** The comma of "April 12, 2026" is no clause break. */
const MONTH_DAY = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? \d{1,2}$/;
const ELLIPSIS = '…';

export function sentences(text: string): string[] {
  const t = clean(text);
  if (!t) return [];
  const pieces = t.split(/(?<=[.!?…]["”’)\]]?)\s+(?=["“‘(\[]?[\p{Lu}\p{N}$£€])/u);
  const out: string[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (last !== undefined && ABBREVIATION.test(last)) out[out.length - 1] = `${last} ${piece}`;
    else out.push(piece);
  }
  return out;
}

function inside(before: string): boolean {
  const count = (re: RegExp) => (before.match(re) ?? []).length;
  return count(/“/g) > count(/”/g) || count(/"/g) % 2 === 1 || count(/\(/g) > count(/\)/g);
}

/** Cut at each clause break, longest first: not the en dash of "Microsoft–OpenAI", a date's comma, or inside quotes or brackets. */
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

/** The last resort, for a clause too long for any room. */
function wordCuts(sentence: string): string[] {
  const words = clean(sentence).split(' ');
  return words.slice(1).map((_, i) => `${words.slice(0, words.length - 1 - i).join(' ').replace(/[\s,;:–—-]+$/, '')}${ELLIPSIS}`);
}

/** In order of preference: whole units down to one (with the intro, then without), then the first cut at a clause, then at a word. */
export function previewForms({ intro = '', units, sep = ' ', end = '' }: PreviewText): string[] {
  const kept = units.map(clean).filter((u) => u && !POINTS_AWAY.test(u));
  if (kept.length === 0) return [];
  const heads = intro && !POINTS_AWAY.test(intro) ? [`${clean(intro)} `, ''] : [''];
  const whole = heads.flatMap((head) => kept.map((_, i) => `${head}${kept.slice(0, kept.length - i).join(sep)}${end}`));
  const cut = (cuts: string[]) => heads.flatMap((head) => cuts.map((c) => `${head}${c}`));
  return [...whole, ...cut(clauseCuts(kept[0]!)), ...cut(wordCuts(kept[0]!))];
}

export function fitPreview(preview: PreviewText, fits: (text: string) => boolean): string {
  return previewForms(preview).find(fits) ?? '';
}

export const prose = (text: string): PreviewText => ({ units: sentences(text) });
