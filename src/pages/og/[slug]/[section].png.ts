/**
 * /og/<slug>/<section>.png: each section's 1200×630 card (the story's headline small, the
 * section's title large, its first line, the site's name, the period covered), drawn by the same
 * template as the story card. Alias ids share their section's card, so there is one per section.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ogCard, pngResponse } from '../../../lib/og-cards.ts';
import { storyShares } from '../../../lib/story-shares.ts';

export const getStaticPaths = (async () =>
  (await storyShares()).flatMap(({ entry, period, shares }) =>
    shares
      .filter((s) => s.id === s.target)
      .map((s) => ({ params: { slug: entry.id, section: s.id }, props: { title: s.title, dek: s.description, kicker: entry.data.title, period } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  pngResponse(await ogCard({ title: props.title as string, dek: props.dek as string, kicker: props.kicker as string, period: props.period as string }));
