/** /og/page.home.png and /og/page.about.png: the cards of the home and About pages (site-cards.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ogCard, pngResponse } from '../../lib/og-cards.ts';
import { SITE_CARDS } from '../../lib/site-cards.ts';

export const getStaticPaths = (() => Object.entries(SITE_CARDS).map(([page, card]) => ({ params: { page }, props: { ...card } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  pngResponse(await ogCard({ title: props.title as string, dek: props.dek as string, kicker: props.kicker as string }));
