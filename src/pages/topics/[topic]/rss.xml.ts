/** /topics/<id>/rss.xml: the site's feed, for one topic's stories. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { visibleStories } from '../../../lib/collection.ts';
import { SITE_NAME } from '../../../lib/site.ts';
import { storyFeed } from '../../rss.xml.ts';

export const getStaticPaths = (async () => (await getCollection('topics')).map((t) => ({ params: { topic: t.id }, props: { topic: t.data } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, params, props }) => {
  const { name, description } = props.topic as { name: string; description: string };
  return storyFeed(site!, (await visibleStories()).filter((s) => s.data.topics?.includes(params.topic!)), `${SITE_NAME}: ${name}`, description);
};
