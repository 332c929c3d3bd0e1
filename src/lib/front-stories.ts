import { getCollection, getEntry, render } from 'astro:content';
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
  topics: string[];
}

let cached: Promise<FrontStory[]> | undefined;

export function frontStories(): Promise<FrontStory[]> {
  cached ??= visibleStories().then((all) =>
    sortStories(all).map((s) => {
      const period = coveredPeriod(s.data.timeline.map((e) => e.date))?.text;
      return { id: s.id, path: storyPath(s.id), title: s.data.title, dek: s.data.dek, ...(period ? { period } : {}), changed: lastChanged(s.data), topics: s.data.topics ?? [] };
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

/** Every topic, by name, each with the stories (newest first) that name it. */
export async function topicList() {
  const stories = await frontStories();
  return (await getCollection('topics'))
    .map((t) => ({ id: t.id, ...t.data, path: `/topics/${t.id}/`, stories: stories.filter((s) => s.topics.includes(t.id)) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
