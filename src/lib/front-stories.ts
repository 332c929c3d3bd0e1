import { getEntry, render } from 'astro:content';
import type { ShortVersionPart, StoryBodyExports } from '../integrations/remark-story.ts';
import { coveredPeriod } from './dates.ts';
import { lastChanged, sortStories, storyPath } from './stories.ts';
import { visibleStories } from './collection.ts';

export interface FrontStory {
  id: string;
  path: string;
  title: string;
  dek: string;
  period?: string;
  changed: string;
}

let cached: Promise<FrontStory[]> | undefined;

export function frontStories(): Promise<FrontStory[]> {
  cached ??= visibleStories().then((all) =>
    sortStories(all).map((s) => {
      const period = coveredPeriod(s.data.timeline.map((e) => e.date))?.text;
      return { id: s.id, path: storyPath(s.id), title: s.data.title, dek: s.data.dek, ...(period ? { period } : {}), changed: lastChanged(s.data) };
    }),
  );
  return cached;
}

export async function shortVersionOf(id: string): Promise<ShortVersionPart[]> {
  const entry = await getEntry('stories', id);
  if (!entry) return [];
  const { remarkPluginFrontmatter } = await render(entry);
  return (remarkPluginFrontmatter as StoryBodyExports).shortVersion ?? [];
}
