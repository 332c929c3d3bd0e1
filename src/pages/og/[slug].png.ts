/** /og/<slug>.png: each story's 1200×630 link-preview image, made at build time (or taken from the cache). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { ogCard, pngResponse } from '../../lib/og-cards.ts';
import { OG_DEFAULT_KICKER } from '../../lib/og-image.ts';
import { coveredPeriod } from '../../lib/dates.ts';

export const getStaticPaths = (async () => {
  const stories = await getCollection('stories');
  return stories.map((s) => ({
    params: { slug: s.id },
    props: { title: s.data.title, dek: s.data.dek, period: coveredPeriod(s.data.timeline.map((e) => e.date))?.text ?? '' },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  pngResponse(await ogCard({ title: props.title as string, dek: props.dek as string, kicker: OG_DEFAULT_KICKER, period: props.period as string }));
