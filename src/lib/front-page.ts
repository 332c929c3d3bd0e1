/** Front pages: 20 stories a page, newest first; "/" opens with the lead story, then "/page/2/" and so on. */
export const STORIES_PER_PAGE = 20;

export interface FrontPage<T> {
  /** 1-based. */
  n: number;
  path: string;
  stories: T[];
  total: number;
  prev?: string;
  next?: string;
}

export const frontPagePath = (n: number) => (n === 1 ? '/' : `/page/${n}/`);

/** There is always a page 1, even with no stories. */
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
