/** Items dated by their latest change, so an update tops the feed again; lastBuildDate is the newest, not the clock, for a stable feed. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { coveredPeriod } from '../lib/dates.ts';
import { SITE_NAME } from '../lib/site.ts';
import { lastChanged, sortStories, storyPath } from '../lib/stories.ts';
import { FEED_ICON_PATH, FEED_ICON_SIZE } from './feed-icon.png.ts';
import { visibleStories } from '../lib/collection.ts';

const DESCRIPTION = 'News explained, every fact cited to its source.';
const changed = (s: { data: Parameters<typeof lastChanged>[0] }) => new Date(`${lastChanged(s.data)}T00:00:00Z`);
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A feed of the given stories (the site's, or a topic's: src/pages/topics/[topic]/rss.xml.ts). */
export function storyFeed(site: URL, stories: Awaited<ReturnType<typeof visibleStories>>, title = SITE_NAME, description = DESCRIPTION) {
  stories = sortStories(stories);
  const newest = stories[0] ? changed(stories[0]) : undefined;
  const image = [
    '<image>',
    `<url>${escape(new URL(FEED_ICON_PATH, site).href)}</url>`,
    `<title>${escape(title)}</title>`,
    `<link>${escape(site.href)}</link>`,
    `<width>${FEED_ICON_SIZE}</width><height>${FEED_ICON_SIZE}</height>`,
    '</image>',
  ].join('');
  return rss({
    title,
    description,
    site,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    items: stories.map((s) => {
      const period = coveredPeriod(s.data.timeline.map((e) => e.date));
      return {
        title: s.data.title,
        description: period ? `${s.data.dek} Covers ${period.text}.` : s.data.dek,
        link: storyPath(s.id),
        pubDate: changed(s),
        ...(period ? { customData: `<dc:coverage>${period.iso}</dc:coverage>` } : {}),
      };
    }),
    customData: `<language>en-us</language>${newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : ''}${image}`,
  });
}

export const GET: APIRoute = async ({ site }) => storyFeed(site!, await visibleStories());
