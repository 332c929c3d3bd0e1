/**
 * Citation numbering and backlinks.
 *
 * A story cites sources in several places, in reading order: the body's
 * <Cite> markers, then the timeline, then the key figures. Sources are
 * numbered by first appearance; every place that cites a source gets a
 * backlink id ("cite-3b": the second citation of source 3) so the sources
 * footer can link back to each.
 */

/** One place that cites one or more sources, in reading order. */
export interface CitationSite {
  ids: readonly string[];
}

export interface CitationMark {
  sourceId: string;
  /** The source's number, from 1. */
  n: number;
  /** Element id of this citation, target of the footer's backlink. */
  anchor: string;
  /** "a", "b", … (then "27", "28" … past z) : which citation of the source. */
  letter: string;
}

export interface Citations {
  /** Source ids in order of first appearance. */
  order: string[];
  /** Source id → number. */
  numbers: Map<string, number>;
  /** For each site, its marks in the order given. */
  sites: CitationMark[][];
  /** Source id → every mark citing it, in reading order. */
  backlinks: Map<string, CitationMark[]>;
}

export function letterFor(k: number): string {
  return k < 26 ? String.fromCharCode(97 + k) : String(k + 1);
}

export function numberCitations(sites: readonly CitationSite[]): Citations {
  const order: string[] = [];
  const numbers = new Map<string, number>();
  const backlinks = new Map<string, CitationMark[]>();
  const marks = sites.map((site) =>
    site.ids.map((sourceId) => {
      let n = numbers.get(sourceId);
      if (n === undefined) {
        order.push(sourceId);
        n = order.length;
        numbers.set(sourceId, n);
        backlinks.set(sourceId, []);
      }
      const list = backlinks.get(sourceId)!;
      const letter = letterFor(list.length);
      const mark: CitationMark = { sourceId, n, letter, anchor: `cite-${n}${letter.length > 1 ? '-' : ''}${letter}` };
      list.push(mark);
      return mark;
    }),
  );
  return { order, numbers, sites: marks, backlinks };
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

/** Sites of a whole story in reading order: body, then timeline, then figures. */
export function storySites(
  body: readonly (readonly string[])[],
  timeline: readonly { sources: readonly string[] }[],
  figures: readonly { sources: readonly string[] }[],
): CitationSite[] {
  return [...body.map((ids) => ({ ids })), ...timeline.map((e) => ({ ids: e.sources })), ...figures.map((f) => ({ ids: f.sources }))];
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
