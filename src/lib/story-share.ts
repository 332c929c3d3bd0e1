/**
 * What the share pages and the section cards of a story are made from, read from the collection
 * by the routes that build them (src/pages/[slug]/s/, src/pages/og/[slug]/), and the cache keys
 * those routes give Astro's incremental build.
 */
import { render, type CollectionEntry } from 'astro:content';
import type { StoryBodyExports } from '../integrations/remark-story.ts';
import { coveredPeriod } from './dates.ts';
export { cacheKey } from './cache-key.ts';
import { shareSections, type StoryShare } from './share.ts';
import { contentsOf } from './stories.ts';
import { visibleStories } from './collection.ts';

/** One story's share data: its headline, period and shareable sections with their leads. */
export async function storyShare(entry: CollectionEntry<'stories'>): Promise<StoryShare> {
  const { headings, remarkPluginFrontmatter } = await render(entry);
  const { sectionLeads, partLeads } = remarkPluginFrontmatter as StoryBodyExports;
  const story = entry.data;
  const period = coveredPeriod(story.timeline.map((e) => e.date))?.text ?? '';
  return {
    slug: entry.id,
    headline: story.title,
    period,
    published: story.published,
    modified: story.updated ?? story.published,
    sections: shareSections(contentsOf(headings, story), sectionLeads, { ...story, period }, story.dek, partLeads),
  };
}

/** Every story's share data. */
export async function allShares(): Promise<StoryShare[]> {
  return Promise.all((await visibleStories()).map(storyShare));
}
