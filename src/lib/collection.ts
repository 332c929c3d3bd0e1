/**
 * The stories a page may show: every one in the dev server, where a draft renders with its banner;
 * in a build, only those that are not drafts, so a draft has no page, share page, card, feed item,
 * sitemap entry or front-page listing.
 */
import { getCollection } from 'astro:content';

export const visibleStories = () => getCollection('stories', ({ data }) => __SHOW_DRAFTS__ || !data.draft);
