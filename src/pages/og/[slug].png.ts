import type { APIRoute, GetStaticPaths } from 'astro';
import { cardKey, OG_DEFAULT_KICKER, pngResponse, renderOgImage, type CardInput } from '../../lib/og-image.ts';
import { coveredPeriod } from '../../lib/dates.ts';
import { visibleStories } from '../../lib/collection.ts';

export const getStaticPaths = (async () =>
  (await visibleStories()).map((s) => {
    const card: CardInput = { title: s.data.title, dek: s.data.dek, kicker: OG_DEFAULT_KICKER, period: coveredPeriod(s.data.timeline.map((e) => e.date))?.text ?? '' };
    return { params: { slug: s.id }, props: { card }, cacheKey: cardKey(card) };
  })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => pngResponse(await renderOgImage(props.card as CardInput));
