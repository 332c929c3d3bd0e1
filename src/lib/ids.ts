/** Ids that become URL fragments, and the ones the page itself uses, which no heading or timeline entry may take. */
import { slug } from 'github-slugger';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const PAGE_SECTIONS = {
  figures: { slug: 'key-figures', text: 'Key figures' },
  timeline: { slug: 'timeline', text: 'Timeline' },
  terms: { slug: 'terms', text: 'Terms' },
  changes: { slug: 'changes', text: 'Updates and corrections' },
  sources: { slug: 'sources', text: 'Sources' },
  related: { slug: 'related', text: 'Related explainers' },
} as const;

/** "summary-" and the label: a story may well have a "## What happened" section of its own. */
export const PART_IDS = {
  'What happened': 'summary-what-happened',
  'Why it matters': 'summary-why-it-matters',
  'The other side': 'summary-the-other-side',
  'What to watch': 'summary-what-to-watch',
  'What we don’t know': 'summary-what-we-dont-know',
} as const;
export type PartLabel = keyof typeof PART_IDS;

/** From the label as written ("What we don't know", any quotes or case). */
export const partId = (label: string) => `summary-${slug(label.replace(/[’']/g, ''))}`;

/** In the order the footer lists (and numbers) them. */
export const SOURCE_GROUPS = {
  primary: { slug: 'sources-company-statements', text: 'Company statements' },
  report: { slug: 'sources-news-reports', text: 'News reports' },
  analysis: { slug: 'sources-analysis', text: 'Analysis' },
} as const;

export const PAGE_IDS: ReadonlySet<string> = new Set([
  ...Object.values(PAGE_SECTIONS).map((s) => s.slug),
  ...Object.values(SOURCE_GROUPS).map((g) => g.slug),
  ...Object.values(PART_IDS),
  'main',
  'on-this-page',
  'top',
  'announcer',
]);

export function pageOwnerOf(id: string): string | undefined {
  if (PAGE_IDS.has(id)) return 'the page itself';
  if (/^cite-/.test(id)) return 'citation anchors';
  if (/^source-/.test(id)) return 'source anchors';
  return undefined;
}

/** Where the "first screen" HTML ends (the short version); a page without it counts its whole HTML. */
export const FIRST_VIEW_END_CLASS = 'short-version';
