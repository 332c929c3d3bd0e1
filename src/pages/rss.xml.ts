/** /rss.xml: every story, newest change first, each dated by its latest change and saying the period it covers. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { coveredPeriod } from '../lib/dates.ts';
import { SITE_NAME } from '../lib/site.ts';
import { lastChanged, sortStories, storyPath } from '../lib/stories.ts';

export const GET: APIRoute = async ({ site }) => {
  const stories = sortStories(await getCollection('stories'));
  return rss({
    title: SITE_NAME,
    description: 'News explained, every fact cited to its source.',
    site: site!,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    items: stories.map((s) => {
      const period = coveredPeriod(s.data.timeline.map((e) => e.date));
      return {
        title: s.data.title,
        description: period ? `${s.data.dek} Covers ${period.text}.` : s.data.dek,
        link: storyPath(s.id),
        pubDate: new Date(`${lastChanged(s.data)}T00:00:00Z`),
        ...(period ? { customData: `<dc:coverage>${period.iso}</dc:coverage>` } : {}),
      };
    }),
    customData: '<language>en-us</language>',
  });
};
