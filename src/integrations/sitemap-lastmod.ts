/** `lastmod` for the sitemap: a story's latest change; a front page's newest story. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SitemapItem } from '@astrojs/sitemap';
import { listStoryFiles } from '../checks/check-story.ts';
import { parseStory } from '../checks/story-file.ts';
import { lastChanged, sortStories, storyPath, type ChangeLike, type StoryLike } from '../lib/stories.ts';
import { frontPages } from '../lib/front-page.ts';
import { ABOUT_UPDATED } from '../lib/site.ts';

export function lastModifiedByPath(files: readonly string[] = listStoryFiles()): Map<string, string> {
  const out = new Map<string, string>();
  const stories: StoryLike[] = [];
  for (const file of files) {
    const fm = parseStory(readFileSync(file, 'utf8'), file).story?.frontmatter;
    if (!fm || typeof fm.published !== 'string' || fm.draft === true) continue;
    const data = fm as StoryLike['data'] & { changes?: ChangeLike[] };
    const id = path.basename(file, '.mdx');
    out.set(storyPath(id), lastChanged(data));
    stories.push({ id, data: { ...data, title: String(fm.title ?? '') } });
  }
  for (const page of frontPages(sortStories(stories))) {
    if (page.stories[0]) out.set(page.path, lastChanged(page.stories[0].data));
  }
  out.set('/about/', ABOUT_UPDATED);
  return out;
}

export function withLastmod(dates: ReadonlyMap<string, string> = lastModifiedByPath()) {
  return (item: SitemapItem): SitemapItem => {
    // The other listing pages (topics, A to Z, search) change at most when the newest story does, as the home page.
    const date = dates.get(new URL(item.url).pathname) ?? dates.get('/');
    return date ? { ...item, lastmod: date } : item;
  };
}
