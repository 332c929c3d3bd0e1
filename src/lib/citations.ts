/** Sources are numbered in the footer's order, so a reader who sees [4] finds it fourth in the list. */
import { SOURCE_GROUPS } from './ids.ts';

export interface CitationMark {
  sourceId: string;
  n: number;
  anchor: string;
  /** "a", "b", … (then "27", "28" … past z). */
  letter: string;
}

export interface CitationGroups<T> {
  body: T[];
  timeline: T[];
  figures: T[];
  terms: T[];
}

export interface Citations {
  order: string[];
  numbers: Map<string, number>;
  groups: CitationGroups<CitationMark[]>;
  backlinks: Map<string, CitationMark[]>;
}

export function letterFor(k: number): string {
  return k < 26 ? String.fromCharCode(97 + k) : String(k + 1);
}

/** Reading order: the short version (`bodyBeforePanels`), figures, timeline, the rest, terms; numbered by `group`, then first citation. */
export function numberCitations(
  sites: Partial<CitationGroups<readonly string[]>>,
  bodyBeforePanels = sites.body?.length ?? 0,
  group: (sourceId: string) => number = () => 0,
): Citations {
  const inReadingOrder = <T>(f: (ids: readonly string[]) => T) => {
    const body = sites.body ?? [];
    const before = body.slice(0, bodyBeforePanels).map(f);
    const figures = (sites.figures ?? []).map(f);
    const timeline = (sites.timeline ?? []).map(f);
    return { body: [...before, ...body.slice(bodyBeforePanels).map(f)], timeline, figures, terms: (sites.terms ?? []).map(f) };
  };
  const firstCited: string[] = [];
  inReadingOrder((ids) => ids.forEach((id) => firstCited.includes(id) || firstCited.push(id)));
  // A stable sort: within a group, first citation decides.
  const order = [...firstCited].sort((a, b) => group(a) - group(b));
  const numbers = new Map(order.map((id, i) => [id, i + 1]));
  const backlinks = new Map<string, CitationMark[]>(order.map((id) => [id, []]));
  const groups = inReadingOrder((ids) =>
    ids
      .map((sourceId) => {
        const n = numbers.get(sourceId)!;
        const list = backlinks.get(sourceId)!;
        const letter = letterFor(list.length);
        const m: CitationMark = { sourceId, n, letter, anchor: `cite-${n}${letter.length > 1 ? '-' : ''}${letter}` };
        list.push(m);
        return m;
      })
      .sort((a, b) => a.n - b.n),
  );
  return { order, numbers, groups, backlinks };
}

/** Each source's footer group for `numberCitations`: its kind's place in SOURCE_GROUPS; an unknown id comes last. */
export function footerGroup(sources: Iterable<{ id: string; kind: string }>): (sourceId: string) => number {
  const kinds = Object.keys(SOURCE_GROUPS);
  const rank = new Map([...sources].map((s) => [s.id, kinds.indexOf(s.kind)]));
  return (id) => {
    const r = rank.get(id) ?? -1;
    return r < 0 ? kinds.length : r;
  };
}

export function parseIds(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

export function citationLabel(n: number, publisher: string, title: string): string {
  return `Source ${n}: ${publisher}, “${title}”`;
}

/** The link shows "3a", so the visible text is part of the name and voice control finds it (WCAG 2.5.3). */
export function backlinkLabel(mark: Pick<CitationMark, 'n' | 'letter'>): string {
  return `Back to citation ${mark.n}${mark.letter}`;
}

export interface CitedIn {
  section: string;
  anchor: string;
}

/** Each section once, with the source's first citation there; marks whose section is unknown are left out. */
export function citedIn(marks: readonly Pick<CitationMark, 'anchor'>[], sectionOf: ReadonlyMap<string, string>): CitedIn[] {
  const out: CitedIn[] = [];
  for (const m of marks) {
    const section = sectionOf.get(m.anchor);
    if (section && !out.some((c) => c.section === section)) out.push({ section, anchor: m.anchor });
  }
  return out;
}

/** The visible name included (WCAG 2.5.3). */
export function citedInLabel(section: string): string {
  return `Back to the citation in ${section}`;
}

export interface CiteRef {
  n: number;
  anchor: string;
  href: string;
  label: string;
}

export function toRefs(marks: readonly CitationMark[], sources: ReadonlyMap<string, { publisher: string; title: string }>): CiteRef[] {
  return marks.map((m) => {
    const s = sources.get(m.sourceId);
    return { n: m.n, anchor: m.anchor, href: `#source-${m.sourceId}`, label: citationLabel(m.n, s?.publisher ?? '', s?.title ?? '') };
  });
}
