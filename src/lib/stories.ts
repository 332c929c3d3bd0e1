/** Small helpers over the story collection, pure so they can be tested on plain objects. */
export interface StoryLike {
  id: string;
  data: { title: string; dek: string; published: string; updated?: string | undefined };
}

/** Path of a story page: "/openai-shifts-partners/". */
export function storyPath(id: string): string {
  return `/${id}/`;
}

/** Newest first, by updated (or published) date, then by title. */
export function sortStories<T extends StoryLike>(stories: readonly T[]): T[] {
  const key = (s: T) => s.data.updated ?? s.data.published;
  return [...stories].sort((a, b) => key(b).localeCompare(key(a)) || a.data.title.localeCompare(b.data.title));
}

/** Heading entries for "On this page": the body's h2s, then the sections the page adds. */
export function pageSections(
  headings: readonly { depth: number; slug: string; text: string }[],
  extra: readonly { slug: string; text: string }[],
): { slug: string; text: string }[] {
  const body = headings.filter((h) => h.depth === 2 && h.text !== 'Footnotes').map(({ slug, text }) => ({ slug, text }));
  return [...body, ...extra];
}
