/**
 * Ids that become URL fragments (#the-memo, #2026-02-27-amazon-deal, #source-cnbc-memo),
 * and the ones the page itself uses, which no heading or timeline entry may take.
 */

import { slug } from 'github-slugger';

/** Lowercase letters, digits and single hyphens: "cnbc-memo". */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The sections the page adds around the story's own: each one's id and heading, used by
 * its heading, the contents and the sources footer's "Cited in".
 */
export const PAGE_SECTIONS = {
  figures: { slug: 'key-figures', text: 'Key figures' },
  timeline: { slug: 'timeline', text: 'Timeline' },
  terms: { slug: 'terms', text: 'Terms' },
  changes: { slug: 'changes', text: 'Updates and corrections' },
  sources: { slug: 'sources', text: 'Sources' },
  related: { slug: 'related', text: 'Related explainers' },
} as const;

/**
 * The short version's parts, by label (the labels a story may use, in order: src/checks/rules.ts),
 * each with its id: its address (#summary-why-it-matters) and its share page's (s/summary-why-it-matters/).
 * "summary-" and the label: a story may well have a "## What happened" section of its own.
 */
export const PART_IDS = {
  'What happened': 'summary-what-happened',
  'Why it matters': 'summary-why-it-matters',
  'The other side': 'summary-the-other-side',
  'What to watch': 'summary-what-to-watch',
  'What we don’t know': 'summary-what-we-dont-know',
} as const;
export type PartLabel = keyof typeof PART_IDS;

/** A part's id from its label as written ("What we don't know", any quotes or case). */
export const partId = (label: string) => `summary-${slug(label.replace(/[’']/g, ''))}`;

/**
 * The sources footer's groups, in the order it lists them (and numbers the sources: src/lib/citations.ts),
 * by kind of source: each one's heading id and text.
 */
export const SOURCE_GROUPS = {
  primary: { slug: 'sources-company-statements', text: 'Company statements' },
  report: { slug: 'sources-news-reports', text: 'News reports' },
  analysis: { slug: 'sources-analysis', text: 'Analysis' },
} as const;

/** Ids of the page's own elements: its sections, the sources' groups, the short version's parts, and the rest. */
export const PAGE_IDS: ReadonlySet<string> = new Set([
  ...Object.values(PAGE_SECTIONS).map((s) => s.slug),
  ...Object.values(SOURCE_GROUPS).map((g) => g.slug),
  ...Object.values(PART_IDS),
  'main',
  'on-this-page',
  'top',
  'announcer',
]);

/** What, if anything, already owns this id on every story page. */
export function pageOwnerOf(id: string): string | undefined {
  if (PAGE_IDS.has(id)) return 'the page itself';
  if (/^cite-/.test(id)) return 'citation anchors';
  if (/^source-/.test(id)) return 'source anchors';
  return undefined;
}

/**
 * Where the "first screen" HTML ends: after the element marked with this class (the
 * story's short version). A page without one counts its whole HTML.
 */
export const FIRST_VIEW_END_CLASS = 'short-version';
