import type { APIRoute, GetStaticPaths } from 'astro';
import { cardKey, pngResponse, renderOgImage, type CardInput } from '../../lib/og-image.ts';
import { SITE_CARDS } from '../../lib/site-cards.ts';

export const getStaticPaths = (() =>
  Object.entries(SITE_CARDS).map(([page, { title, dek, kicker }]) => ({ params: { page }, props: { card: { title, dek, kicker } }, cacheKey: cardKey({ title, dek, kicker }) }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => pngResponse(await renderOgImage(props.card as CardInput));
