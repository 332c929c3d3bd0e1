/** /rss.xml: every story, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { SITE_NAME } from '../lib/site.ts';
import { sortStories, storyPath } from '../lib/stories.ts';

export const GET: APIRoute = async ({ site }) => {
  const stories = sortStories(await getCollection('stories'));
  return rss({
    title: SITE_NAME,
    description: 'News explained, every fact cited to its source.',
    site: site!,
    items: stories.map((s) => ({
      title: s.data.title,
      description: s.data.dek,
      link: storyPath(s.id),
      pubDate: new Date(`${s.data.published}T00:00:00Z`),
    })),
    customData: '<language>en-us</language>',
  });
};
