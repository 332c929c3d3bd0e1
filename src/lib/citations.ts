/**
 * Citation numbering and backlinks.
 *
 * A story cites sources in several places, in reading order: the body's
 * <Cite> markers, then the timeline, then the key figures. Sources are
 * numbered in the order the sources footer lists them (its groups in turn,
 * each in order of first citation), so a reader who sees [4] finds it fourth
 * in the list; every place that cites a source gets a backlink id ("cite-3b":
 * the second citation of source 3) so the footer can link back to each.
 */

import { SOURCE_GROUPS } from './ids.ts';

export interface CitationMark {
  sourceId: string;
  /** The source's number, from 1. */
  n: number;
  /** Element id of this citation, target of the footer's backlink. */
  anchor: string;
  /** "a", "b", … (then "27", "28" … past z) : which citation of the source. */
  letter: string;
}

/** The places a story cites sources, by group, each in reading order. */
export interface CitationGroups<T> {
  /** The body's <Cite> markers. */
  body: T[];
  /** One per timeline entry. */
  timeline: T[];
  /** One per key figure. */
  figures: T[];
  /** One per term. */
  terms: T[];
}

export interface Citations {
  /** Source ids in number order: the footer's order. */
  order: string[];
  /** Source id → number. */
  numbers: Map<string, number>;
  /** For each site of each group, its marks in the order given. */
  groups: CitationGroups<CitationMark[]>;
  /** Source id → every mark citing it, in reading order. */
  backlinks: Map<string, CitationMark[]>;
}

export function letterFor(k: number): string {
  return k < 26 ? String.fromCharCode(97 + k) : String(k + 1);
}

/**
 * Numbers a story's citations. Reading order: the body up to the key figures and
 * timeline (`bodyBeforePanels` of its sites: the short version), the key figures,
 * the timeline, the rest of the body, then the terms. A missing group has no
 * sites. Sources are numbered by `group` (the footer's group of a source: lower
 * first), then by first citation in reading order; without `group`, by first
 * citation alone. Within a site, marks are in number order.
 */
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

/**
 * Each source's group in the sources footer, as `numberCitations` wants it: the place of its
 * kind in SOURCE_GROUPS (company statements, news reports, analysis). An unknown id comes last.
 */
export function footerGroup(sources: Iterable<{ id: string; kind: string }>): (sourceId: string) => number {
  const kinds = Object.keys(SOURCE_GROUPS);
  const rank = new Map([...sources].map((s) => [s.id, kinds.indexOf(s.kind)]));
  return (id) => {
    const r = rank.get(id) ?? -1;
    return r < 0 ? kinds.length : r;
  };
}

/** Splits a `<Cite ids="a b, c">` attribute into ids. */
export function parseIds(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The accessible name of a citation marker: "Source 3: CNBC, “OpenAI touts …”". */
export function citationLabel(n: number, publisher: string, title: string): string {
  return `Source ${n}: ${publisher}, “${title}”`;
}

/**
 * The accessible name of a backlink: "Back to citation 3a". The link shows
 * "3a" (after "Cited in the text:"), so the visible text is part of the name
 * and voice control finds it (WCAG 2.5.3).
 */
export function backlinkLabel(mark: Pick<CitationMark, 'n' | 'letter'>): string {
  return `Back to citation ${mark.n}${mark.letter}`;
}

/** One place a source is cited, as the sources footer names it: the section, and its first citation there. */
export interface CitedIn {
  /** The section's name: "The memo", "Timeline". */
  section: string;
  /** The id of the source's first citation in that section: "cite-1a". */
  anchor: string;
}

/**
 * Where a source is cited, by section, in reading order, each section once with
 * its first citation: "Cited in: The memo, The Amazon deal, Timeline". Marks
 * whose section is unknown are left out.
 */
export function citedIn(marks: readonly Pick<CitationMark, 'anchor'>[], sectionOf: ReadonlyMap<string, string>): CitedIn[] {
  const out: CitedIn[] = [];
  for (const m of marks) {
    const section = sectionOf.get(m.anchor);
    if (section && !out.some((c) => c.section === section)) out.push({ section, anchor: m.anchor });
  }
  return out;
}

/** The accessible name of a "Cited in" link: "Back to the citation in The memo" (the visible name included, WCAG 2.5.3). */
export function citedInLabel(section: string): string {
  return `Back to the citation in ${section}`;
}

/** What a citation marker needs to render one reference. */
export interface CiteRef {
  n: number;
  anchor: string;
  href: string;
  label: string;
}

/** References for one citation site, ready for the Cite component. */
export function toRefs(marks: readonly CitationMark[], sources: ReadonlyMap<string, { publisher: string; title: string }>): CiteRef[] {
  return marks.map((m) => {
    const s = sources.get(m.sourceId);
    return { n: m.n, anchor: m.anchor, href: `#source-${m.sourceId}`, label: citationLabel(m.n, s?.publisher ?? '', s?.title ?? '') };
  });
}
