/**
 * `lastmod` for the sitemap: a story's page changed when the story last did
 * (its latest change, `updated` or `published`: lastChanged); the home page,
 * which lists every story, when the newest of them did. Read from the same story files, with the
 * same frontmatter reader, as the build's content check.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SitemapItem } from '@astrojs/sitemap';
import { listStoryFiles } from '../checks/check-story.ts';
import { parseStory } from '../checks/story-file.ts';
import { lastChanged, storyPath, type ChangeLike } from '../lib/stories.ts';
import { ABOUT_UPDATED } from '../lib/site.ts';

/** URL path → "YYYY-MM-DD": each story's page, and "/" for the newest story. */
export function lastModifiedByPath(files: readonly string[] = listStoryFiles()): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files) {
    const fm = parseStory(readFileSync(file, 'utf8'), file).story?.frontmatter;
    const date = fm && typeof fm.published === 'string' ? lastChanged(fm as { published: string; updated?: string; changes?: ChangeLike[] }) : undefined;
    if (date) out.set(storyPath(path.basename(file, '.mdx')), date);
  }
  const newest = [...out.values()].sort().at(-1);
  if (newest) out.set('/', newest);
  out.set('/about/', ABOUT_UPDATED);
  return out;
}

/** A `serialize` for @astrojs/sitemap that adds each page's lastmod. */
export function withLastmod(dates: ReadonlyMap<string, string> = lastModifiedByPath()) {
  return (item: SitemapItem): SitemapItem => {
    const date = dates.get(new URL(item.url).pathname);
    return date ? { ...item, lastmod: date } : item;
  };
}
