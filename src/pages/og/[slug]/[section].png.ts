import type { APIRoute, GetStaticPaths } from 'astro';
import { cardKey, pngResponse, renderOgImage, type CardInput } from '../../../lib/og-image.ts';
import { sectionCardInput } from '../../../lib/share.ts';
import { allShares } from '../../../lib/story-share.ts';

export const getStaticPaths = (async () =>
  (await allShares()).flatMap((share) =>
    share.sections.map((section) => {
      const card = sectionCardInput(share, section);
      return { params: { slug: share.slug, section: section.id }, props: { card }, cacheKey: cardKey(card) };
    }),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => pngResponse(await renderOgImage(props.card as CardInput));
