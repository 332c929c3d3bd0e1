/** In a build, drafts are left out, so a draft has no page, card, feed item or listing; the dev server shows them. */
import { getCollection } from 'astro:content';

export const visibleStories = () => getCollection('stories', ({ data }) => __SHOW_DRAFTS__ || !data.draft);
