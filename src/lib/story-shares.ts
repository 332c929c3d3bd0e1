/**
 * Every story with its share pages (share.ts), read from the collection once per
 * build: the share pages and the section cards both list them.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { StoryBodyExports } from '../integrations/remark-story.ts';
import { coveredPeriod } from './dates.ts';
import { shareSections, type ShareSection } from './share.ts';
import { storySections } from './stories.ts';

export interface StoryShares {
  entry: CollectionEntry<'stories'>;
  /** "January 2025 to April 13, 2026", or "" without a timeline. */
  period: string;
  shares: ShareSection[];
}

let all: Promise<StoryShares[]> | undefined;

export function storyShares(): Promise<StoryShares[]> {
  all ??= (async () => {
    const stories = await getCollection('stories');
    return Promise.all(
      stories.map(async (entry) => {
        const { headings, remarkPluginFrontmatter } = await render(entry);
        const exports = remarkPluginFrontmatter as Partial<StoryBodyExports>;
        const story = entry.data;
        const sections = storySections(headings, story);
        return {
          entry,
          period: coveredPeriod(story.timeline.map((e) => e.date))?.text ?? '',
          shares: shareSections({ id: entry.id, ...story }, sections, exports.sectionLeads ?? {}, exports.sectionAliases ?? {}),
        };
      }),
    );
  })();
  return all;
}
