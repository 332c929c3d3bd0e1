import { render, type CollectionEntry } from 'astro:content';
import type { StoryBodyExports } from '../integrations/remark-story.ts';
import { coveredPeriod } from './dates.ts';
import { shareSections, type StoryShare } from './share.ts';
import { contentsOf } from './stories.ts';
import { visibleStories } from './collection.ts';

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

export async function allShares(): Promise<StoryShare[]> {
  return Promise.all((await visibleStories()).map(storyShare));
}
