/**
 * Each section has a page at `/<story>/s/<id>/` with its own preview (chat apps drop the `#fragment`), refreshing to the story.
 * noindex with no rel=canonical: unfurlers that follow one would show the story's card (docs/writing.md, "Sharing").
 */
import { PAGE_SECTIONS } from './ids.ts';
import { fitPreview, prose, type PreviewText } from './preview.ts';
import { SITE_NAME } from './site.ts';

export const SHARE_FOLDER = 's';
/** What unfurlers show before cutting. */
export const LEAD_MAX = 200;

export interface ShareSection {
  id: string;
  aliases: readonly string[];
  title: string;
  preview: PreviewText;
  lead: string;
}

export const shareSection = (id: string, title: string, preview: PreviewText, aliases: readonly string[] = []): ShareSection => ({ id, aliases, title, preview, lead: fitLead(preview) });

export interface StoryShare {
  slug: string;
  headline: string;
  period: string;
  published: string;
  modified: string;
  sections: readonly ShareSection[];
}

export const sharePath = (slug: string, id: string) => `/${slug}/${SHARE_FOLDER}/${id}/`;
export const isSharePath = (urlPath: string) => new RegExp(`^/[^/]+/${SHARE_FOLDER}/[^/]+/(index\\.html)?$`).test(urlPath);
export const sectionCardPath = (slug: string, id: string) => `/og/${slug}/${id}.png`;
export const shareTitle = (section: Pick<ShareSection, 'title'>, headline: string) => `${section.title} — ${headline}`;

export const fitLead = (preview: PreviewText, max = LEAD_MAX) => fitPreview(preview, (t) => t.length <= max);
export const leadText = (text: string, max = LEAD_MAX): string => fitLead(prose(text), max);

interface PanelData {
  figures: readonly { label: string; value: string }[];
  timeline: readonly { title: string }[];
  terms: readonly { term: string }[];
  period?: string | undefined;
}

/** Lists, previewed as whole entries, as many as fit. */
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

export const sectionCardInput = (story: Pick<StoryShare, 'headline' | 'period'>, section: ShareSection) => ({
  title: section.title,
  dek: section.preview,
  kicker: story.headline,
  period: story.period,
});

/** html-validate's long-title rule; the preview's og:title may be longer. */
export const TITLE_MAX = 70;
/** The preview's title with the site's name, or shorter forms when that is too long. */
export function pageTitle(section: Pick<ShareSection, 'title'>, headline: string): string {
  const forms = [`${shareTitle(section, headline)} · ${SITE_NAME}`, shareTitle(section, headline), `${section.title} · ${SITE_NAME}`, section.title];
  return forms.find((t) => t.length <= TITLE_MAX) ?? `${section.title.slice(0, TITLE_MAX - 1).trimEnd()}…`;
}

/** In the contents' order; a section with no words of its own previews with the dek. */
export function shareSections(contents: readonly { slug: string }[], sectionLeads: readonly ShareSection[], panels: PanelData, dek: string, parts: readonly ShareSection[] = []): ShareSection[] {
  const shareable = new Map([...sectionLeads, ...Object.values(panelSections(panels))].flatMap((s) => (s ? [[s.id, s] as const] : [])));
  const withLead = (s: ShareSection) => (s.lead ? s : shareSection(s.id, s.title, prose(dek), s.aliases));
  return contents.flatMap(({ slug }, i) => {
    const s = shareable.get(slug);
    return [...(s ? [withLead(s)] : []), ...(i === 0 ? parts.map(withLead) : [])];
  });
}
