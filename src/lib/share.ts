/**
 * Share pages: one static page per section of a story (`/<story>/s/<id>/`),
 * whose head carries that section's own link preview, and which sends a reader
 * on to `/<story>/#<id>`. Pure helpers, so they can be tested on plain objects;
 * the route is src/pages/[slug]/s/[section].astro, the cards
 * src/pages/og/[slug]/[section].png.ts.
 */
import { formatDate } from './dates.ts';

/** Longest preview description (Open Graph readers show about this much). */
export const SHARE_DESCRIPTION_MAX = 200;

/** One shareable section of a story. */
export interface ShareSection {
  /** The id a share address names: the section's id, or one of its alias ids. */
  id: string;
  /** The section's current id: where the share page lands the reader. */
  target: string;
  /** The section's title, as its heading reads. */
  title: string;
  /** Plain text from the section's first sentences, at most SHARE_DESCRIPTION_MAX characters. */
  description: string;
}

/** The share address of a section: "/openai-shifts-partners/s/the-amazon-deal/". */
export const sharePath = (story: string, id: string) => `/${story}/s/${id}/`;
/** Whether a URL path is a share page's: "/<story>/s/<id>/" (the sitemap, the feed and the budgets leave them out). */
export const isSharePath = (urlPath: string) => /^\/[^/]+\/s\/[^/]+\/$/.test(urlPath);
/** Where a share page lands: "/openai-shifts-partners/#the-amazon-deal". */
export const landingPath = (story: string, id: string) => `/${story}/#${id}`;
/** A section card's path: "/og/openai-shifts-partners/the-amazon-deal.png" (aliases share their section's card). */
export const sectionCardPath = (story: string, id: string) => `/og/${story}/${id}.png`;
/** The title a share page and its card carry: "The Amazon deal — OpenAI shifts partners". */
export const shareTitle = (section: string, headline: string) => `${section} — ${headline}`;

/**
 * The first sentences of a text, whole, as many as fit in max characters; when
 * even the first does not fit, its words up to max − 1 and an ellipsis.
 */
export function leadSentences(text: string, max = SHARE_DESCRIPTION_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  // A sentence ends at . ! or ? (with any closing quote or bracket) before a space and a capital, digit or quote.
  const sentences = clean.match(/.+?[.!?]["'”’)\]]*(?=\s+["'“‘(]?[A-Z0-9]|$)/g) ?? [clean];
  let out = '';
  for (const s of sentences) {
    const next = out ? `${out} ${s.trim()}` : s.trim();
    if (next.length > max) break;
    out = next;
  }
  if (out) return out;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

export interface StoryForSharing {
  /** The story's id (its file name, its address). */
  id: string;
  title: string;
  dek: string;
  figures: readonly { label: string; value: string }[];
  timeline: readonly { date: string; title: string; text: string }[];
  terms: readonly { term: string; definition?: string | undefined; note?: string | undefined }[];
  changes: readonly { date: string; text: string }[];
  sources: readonly { publisher: string; title: string }[];
}

/**
 * Every share page of a story, in page order: each section of "On this page"
 * (the body's `##` sections, key figures, timeline, terms, changes, sources),
 * then one for each alias id, landing on its section.
 *
 * sections: the page's sections, as the story page lists them.
 * leads: the plain text each body section starts with, by id (from remark-story.ts).
 * aliases: alias id → the current id it stands for.
 */
export function shareSections(
  story: StoryForSharing,
  sections: readonly { slug: string; text: string }[],
  leads: Readonly<Record<string, string>>,
  aliases: Readonly<Record<string, string>>,
): ShareSection[] {
  const panelLead = (id: string): string | undefined => {
    switch (id) {
      case 'key-figures':
        return story.figures.map((f) => `${f.value}: ${f.label}.`).join(' ');
      case 'timeline':
        return story.timeline.map((e) => `${formatDate(e.date)}: ${e.title}.`).join(' ');
      case 'terms':
        return story.terms.map((t) => `${t.term}: ${t.definition ?? t.note ?? 'named in the sources, not defined there.'}`).join(' ');
      case 'changes':
        return [...story.changes].reverse().map((c) => `${formatDate(c.date)}: ${c.text}`).join(' ');
      case 'sources':
        return `${story.sources.map((s) => s.publisher).filter((p, i, all) => all.indexOf(p) === i).join(', ')}: ${story.sources.length} ${story.sources.length === 1 ? 'source' : 'sources'}, each linked to the original.`;
      default:
        return undefined;
    }
  };
  const own = sections.map(({ slug, text }) => ({
    id: slug,
    target: slug,
    title: text,
    description: leadSentences(leads[slug] || panelLead(slug) || story.dek),
  }));
  const byId = new Map(own.map((s) => [s.id, s]));
  const aliased = Object.entries(aliases).flatMap(([alias, id]) => {
    const section = byId.get(id);
    return section && !byId.has(alias) ? [{ ...section, id: alias }] : [];
  });
  return [...own, ...aliased];
}
