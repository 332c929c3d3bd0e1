/**
 * Citation numbering and backlinks.
 *
 * A story cites sources in several places, in reading order: the body's
 * <Cite> markers, then the timeline, then the key figures. Sources are
 * numbered by first appearance; every place that cites a source gets a
 * backlink id ("cite-3b": the second citation of source 3) so the sources
 * footer can link back to each.
 */

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
  /** Source ids in order of first appearance. */
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
 * Numbers a story's citations in reading order: the body up to the key figures and
 * timeline (`bodyBeforePanels` of its sites: the short version), the key figures,
 * the timeline, the rest of the body, then the terms. A missing group has no
 * sites. Within a site, marks are in number order.
 */
export function numberCitations(sites: Partial<CitationGroups<readonly string[]>>, bodyBeforePanels = sites.body?.length ?? 0): Citations {
  const order: string[] = [];
  const numbers = new Map<string, number>();
  const backlinks = new Map<string, CitationMark[]>();
  const mark = (ids: readonly string[]) =>
    ids
      .map((sourceId) => {
      let n = numbers.get(sourceId);
      if (n === undefined) {
        order.push(sourceId);
        n = order.length;
        numbers.set(sourceId, n);
        backlinks.set(sourceId, []);
      }
      const list = backlinks.get(sourceId)!;
      const letter = letterFor(list.length);
      const m: CitationMark = { sourceId, n, letter, anchor: `cite-${n}${letter.length > 1 ? '-' : ''}${letter}` };
      list.push(m);
      return m;
      })
      .sort((a, b) => a.n - b.n);
  const before = (sites.body ?? []).slice(0, bodyBeforePanels).map(mark);
  const figures = (sites.figures ?? []).map(mark);
  const timeline = (sites.timeline ?? []).map(mark);
  const body = [...before, ...(sites.body ?? []).slice(bodyBeforePanels).map(mark)];
  const terms = (sites.terms ?? []).map(mark);
  return { order, numbers, groups: { body, timeline, figures, terms }, backlinks };
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
