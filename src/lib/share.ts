/**
 * Share addresses: every section of a story (its `##` sections, the key figures, the
 * timeline and the terms) has a small page of its own at `/<story>/s/<section-id>/`
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
import { SITE_NAME } from './site.ts';

/** The folder of a story's share pages: `/<story>/s/<id>/`. */
export const SHARE_FOLDER = 's';
/** A description stays within this many characters (what unfurlers show before cutting). */
export const LEAD_MAX = 200;

/** One shareable section: its id, its old ids, its heading and its first sentences. */
export interface ShareSection {
  id: string;
  aliases: readonly string[];
  title: string;
  lead: string;
}

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

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Ends in an abbreviation, not a sentence: a title, "No.", a month, or initials ("U.S.", "e.g."). */
const ABBREVIATION = /(?:^|[\s(“"])(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Inc|Corp|Co|Ltd|Jr|Sr|No|Nos|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|(?:\p{L}\.)+\p{L})\.$/u;

/**
 * The first sentences of a text, as many whole ones as fit in `max` characters. A first
 * sentence longer than that is cut at a word and ends in "…".
 */
export function leadText(text: string, max = LEAD_MAX): string {
  const t = clean(text);
  if (t.length <= max) return t;
  // A sentence ends at . ! ? or … (and any closing quote or bracket), before a space and a capital, digit or
  // opening quote; not after a short abbreviation ("Mr.", "U.S.", "No.", "Feb."), whose next word may be capitalised.
  const pieces = t.split(/(?<=[.!?…]["”’)\]]?)\s+(?=["“‘(\[]?[\p{Lu}\p{N}$£€])/u);
  const sentences: string[] = [];
  for (const piece of pieces) {
    const last = sentences.at(-1);
    if (last !== undefined && ABBREVIATION.test(last)) sentences[sentences.length - 1] = `${last} ${piece}`;
    else sentences.push(piece);
  }
  let out = '';
  for (const s of sentences) {
    const next = out ? `${out} ${s}` : s;
    if (next.length > max) break;
    out = next;
  }
  if (out) return out;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

interface PanelData {
  figures: readonly { label: string; value: string }[];
  timeline: readonly { title: string }[];
  terms: readonly { term: string }[];
  /** The covered period's text ("January 2025 to April 2026"), when the timeline has entries. */
  period?: string | undefined;
}

/** The page's own shareable sections (key figures, timeline, terms), each with a lead made from its entries. */
export function panelSections({ figures, timeline, terms, period }: PanelData): Record<'figures' | 'timeline' | 'terms', ShareSection | undefined> {
  const section = (key: keyof typeof PAGE_SECTIONS, lead: string): ShareSection => ({ id: PAGE_SECTIONS[key].slug, aliases: [], title: PAGE_SECTIONS[key].text, lead: leadText(lead) });
  return {
    figures: figures.length ? section('figures', figures.map((f) => `${f.label}: ${f.value.replace(/[.\s]+$/, '')}.`).join(' ')) : undefined,
    timeline: timeline.length
      ? section('timeline', `${timeline.length} ${timeline.length === 1 ? 'event' : 'events'}${period ? `, ${period}` : ''}: ${timeline.map((e) => e.title).join('; ')}.`)
      : undefined,
    terms: terms.length ? section('terms', `The terms this story explains: ${terms.map((t) => t.term).join(', ')}.`) : undefined,
  };
}

/** What the card of a section shows: the story's headline small, the section's title large, its first line, the period. */
export const sectionCardInput = (story: Pick<StoryShare, 'headline' | 'period'>, section: ShareSection) => ({
  title: section.title,
  dek: section.lead,
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
 * markdown pipeline found) and the page's own panels. A section with no words of its own
 * previews with the dek.
 */
export function shareSections(contents: readonly { slug: string }[], sectionLeads: readonly ShareSection[], panels: PanelData, dek: string): ShareSection[] {
  const shareable = new Map([...sectionLeads, ...Object.values(panelSections(panels))].flatMap((s) => (s ? [[s.id, s] as const] : [])));
  return contents.flatMap(({ slug }) => {
    const s = shareable.get(slug);
    return s ? [s.lead ? s : { ...s, lead: leadText(dek) }] : [];
  });
}
