/**
 * The front page and its further pages: 20 stories a page, newest first. Page 1
 * is "/" and opens with the lead story; page 2 is "/page/2/", and so on.
 */
export const STORIES_PER_PAGE = 20;

export interface FrontPage<T> {
  /** 1-based. */
  n: number;
  path: string;
  stories: T[];
  /** How many pages there are in all. */
  total: number;
  prev?: string;
  next?: string;
}

export const frontPagePath = (n: number) => (n === 1 ? '/' : `/page/${n}/`);

/** The stories (already sorted) cut into pages of `perPage`. There is always a page 1, even with no stories. */
export function frontPages<T>(stories: readonly T[], perPage = STORIES_PER_PAGE): FrontPage<T>[] {
  const total = Math.max(1, Math.ceil(stories.length / perPage));
  return Array.from({ length: total }, (_, i) => {
    const n = i + 1;
    return {
      n,
      path: frontPagePath(n),
      stories: stories.slice(i * perPage, n * perPage),
      total,
      ...(n > 1 ? { prev: frontPagePath(n - 1) } : {}),
      ...(n < total ? { next: frontPagePath(n + 1) } : {}),
    };
  });
}
