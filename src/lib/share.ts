/**
 * Share addresses: every section of a story (its `##` sections, the parts of its short
 * version, the key figures, the timeline and the terms) has a small page of its own at `/<story>/s/<section-id>/`
 * whose head carries the section's own link preview (title, description, card), so a
 * link pasted into a chat app previews the section, not the whole story. Chat apps and
 * social networks drop the `#fragment` when they fetch a preview; a path they keep.
 *
 * A person who opens the address lands on the story at that section: an immediate
 * `<meta http-equiv="refresh">` (no JavaScript needed; browsers replace the history
 * entry, so Back does not bounce forward again), and a visible link for any reader that
 * does not follow it. An alias id (an old heading id) has a share address too, landing
 * on the section's current id.
 *
 * The pages are noindex and carry no rel=canonical: the story page is the one to index
 * (its own canonical is itself), and a canonical pointing at the story would make the
 * unfurlers that follow it show the story's card instead of the section's (docs/writing.md, "Sharing").
 *
 * The sources list and "Updates and corrections" get none: neither says anything a
 * preview could carry (the story page lists the shareable sections: src/pages/[slug].astro).
 */
import { PAGE_SECTIONS } from './ids.ts';
import { fitPreview, prose, type PreviewText } from './preview.ts';
import { SITE_NAME } from './site.ts';

/** The folder of a story's share pages: `/<story>/s/<id>/`. */
export const SHARE_FOLDER = 's';
/** A description stays within this many characters (what unfurlers show before cutting). */
export const LEAD_MAX = 200;

/** One shareable section: its id, its old ids, its heading, its words for a preview and the description made of them. */
export interface ShareSection {
  id: string;
  aliases: readonly string[];
  title: string;
  /** Its sentences or its list's items, which the card fits to its own room. */
  preview: PreviewText;
  /** The share page's description: the preview within LEAD_MAX characters. */
  lead: string;
}

/** A shareable section, its description made from its preview. */
export const shareSection = (id: string, title: string, preview: PreviewText, aliases: readonly string[] = []): ShareSection => ({ id, aliases, title, preview, lead: fitLead(preview) });

/** What the share pages and cards of one story are made from. */
export interface StoryShare {
  slug: string;
  headline: string;
  /** The period the story covers, as the card's foot shows it ("" when none). */
  period: string;
  published: string;
  modified: string;
  sections: readonly ShareSection[];
}

export const sharePath = (slug: string, id: string) => `/${slug}/${SHARE_FOLDER}/${id}/`;
/** Whether a URL path is a share page's: `/<story>/s/<id>/`, or its `index.html`. */
export const isSharePath = (urlPath: string) => new RegExp(`^/[^/]+/${SHARE_FOLDER}/[^/]+/(index\\.html)?$`).test(urlPath);
export const sectionCardPath = (slug: string, id: string) => `/og/${slug}/${id}.png`;
/** og:title and twitter:title: "The Amazon deal — OpenAI shifts partners". */
export const shareTitle = (section: Pick<ShareSection, 'title'>, headline: string) => `${section.title} — ${headline}`;

/** A section's description: its first whole sentences within `max` characters (src/lib/preview.ts says how it is cut). */
export function leadText(text: string, max = LEAD_MAX): string {
  return fitPreview(prose(text), (t) => t.length <= max);
}

/** A preview's text within `max` characters. */
export const fitLead = (preview: PreviewText, max = LEAD_MAX) => fitPreview(preview, (t) => t.length <= max);

interface PanelData {
  figures: readonly { label: string; value: string }[];
  timeline: readonly { title: string }[];
  terms: readonly { term: string }[];
  /** The covered period's text ("January 2025 to April 2026"), when the timeline has entries. */
  period?: string | undefined;
}

/** The page's own shareable sections (key figures, timeline, terms): lists, previewed as whole entries, as many as fit. */
export function panelSections({ figures, timeline, terms, period }: PanelData): Record<'figures' | 'timeline' | 'terms', ShareSection | undefined> {
  const section = (key: keyof typeof PAGE_SECTIONS, preview: PreviewText) => shareSection(PAGE_SECTIONS[key].slug, PAGE_SECTIONS[key].text, preview);
  return {
    figures: figures.length ? section('figures', { units: figures.map((f) => `${f.label}: ${f.value.replace(/[.\s]+$/, '')}.`) }) : undefined,
    timeline: timeline.length
      ? section('timeline', { intro: `${timeline.length} ${timeline.length === 1 ? 'event' : 'events'}${period ? `, ${period}` : ''}:`, units: timeline.map((e) => e.title), sep: '; ', end: '.' })
      : undefined,
    terms: terms.length ? section('terms', { intro: 'The terms this story explains:', units: terms.map((t) => t.term), sep: ', ', end: '.' }) : undefined,
  };
}

/** What the card of a section shows: the story's headline small, the section's title large, its preview fitted to the card, the period. */
export const sectionCardInput = (story: Pick<StoryShare, 'headline' | 'period'>, section: ShareSection) => ({
  title: section.title,
  dek: section.preview,
  kicker: story.headline,
  period: story.period,
});

/** A browser tab's title stays within this (html-validate's long-title rule); the preview's og:title may be longer. */
export const TITLE_MAX = 70;
/** The share page's <title>: the preview's title with the site's name, or shorter forms when that is too long. */
export function pageTitle(section: Pick<ShareSection, 'title'>, headline: string): string {
  const forms = [`${shareTitle(section, headline)} · ${SITE_NAME}`, shareTitle(section, headline), `${section.title} · ${SITE_NAME}`, section.title];
  return forms.find((t) => t.length <= TITLE_MAX) ?? `${section.title.slice(0, TITLE_MAX - 1).trimEnd()}…`;
}

/**
 * A story's shareable sections, in the contents' order: its `##` sections (with the leads the
 * markdown pipeline found), the parts of the short version after it (the first section), and the
 * page's own panels. A section with no words of its own previews with the dek.
 */
export function shareSections(contents: readonly { slug: string }[], sectionLeads: readonly ShareSection[], panels: PanelData, dek: string, parts: readonly ShareSection[] = []): ShareSection[] {
  const shareable = new Map([...sectionLeads, ...Object.values(panelSections(panels))].flatMap((s) => (s ? [[s.id, s] as const] : [])));
  const withLead = (s: ShareSection) => (s.lead ? s : shareSection(s.id, s.title, prose(dek), s.aliases));
  return contents.flatMap(({ slug }, i) => {
    const s = shareable.get(slug);
    return [...(s ? [withLead(s)] : []), ...(i === 0 ? parts.map(withLead) : [])];
  });
}
