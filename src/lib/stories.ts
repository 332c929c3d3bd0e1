import { PAGE_SECTIONS } from './ids.ts';

export interface StoryLike {
  id: string;
  data: { title: string; dek: string; published: string; updated?: string | undefined; changes?: readonly ChangeLike[] };
}

export interface ChangeLike {
  id: string;
  date: string;
  kind: 'update' | 'correction';
  text: string;
}

/** The last listed on its date. */
export function latestChange<T extends ChangeLike>(changes: readonly T[]): T | undefined {
  return changes.reduce<T | undefined>((latest, c) => (!latest || c.date >= latest.date ? c : latest), undefined);
}

export function lastChanged(data: { published: string; updated?: string | undefined; changes?: readonly ChangeLike[] }): string {
  return [data.published, data.updated ?? data.published, ...(data.changes ?? []).map((c) => c.date)].sort().at(-1)!;
}

export function storyPath(id: string): string {
  return `/${id}/`;
}

export function sortStories<T extends StoryLike>(stories: readonly T[]): T[] {
  const key = (s: T) => lastChanged(s.data);
  return [...stories].sort((a, b) => key(b).localeCompare(key(a)) || a.data.title.localeCompare(b.data.title));
}

export function pageSections(
  headings: readonly { depth: number; slug: string; text: string }[],
  extra: readonly { slug: string; text: string }[],
): { slug: string; text: string }[] {
  const body = headings.filter((h) => h.depth === 2 && h.text !== 'Footnotes').map(({ slug, text }) => ({ slug, text }));
  return [...body, ...extra];
}

/** Reading order: the short version, the key figures and timeline, the rest of the body, then the page's own sections. */
export function contentsOf(
  headings: readonly { depth: number; slug: string; text: string }[],
  story: { figures: readonly unknown[]; timeline: readonly unknown[]; terms: readonly unknown[]; changes: readonly unknown[] },
): { slug: string; text: string }[] {
  const [first, ...rest] = pageSections(headings, []);
  return [
    ...(first ? [first] : []),
    ...(story.figures.length ? [PAGE_SECTIONS.figures] : []),
    ...(story.timeline.length ? [PAGE_SECTIONS.timeline] : []),
    ...rest,
    ...(story.terms.length ? [PAGE_SECTIONS.terms] : []),
    ...(story.changes.length ? [PAGE_SECTIONS.changes] : []),
    PAGE_SECTIONS.sources,
  ];
}
