/** /og/<slug>.png: each story's 1200×630 link-preview image, made at build time (or taken from the cache). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { createOgCache, ogCacheDir, type OgCache } from '../../lib/og-cache.ts';
import { OG_DEFAULT_KICKER, OG_RENDERER_VERSION, ogFontData, renderOgImage } from '../../lib/og-image.ts';

export const getStaticPaths = (async () => {
  const stories = await getCollection('stories');
  return stories.map((s) => ({ params: { slug: s.id }, props: { title: s.data.title, dek: s.data.dek } }));
}) satisfies GetStaticPaths;

/** One cache per build: the fonts are read and hashed once. */
let cache: OgCache | undefined;

export const GET: APIRoute = async ({ props }) => {
  cache ??= createOgCache({
    dir: ogCacheDir(),
    version: OG_RENDERER_VERSION,
    fonts: ogFontData(),
    render: ({ title, dek, kicker }) => renderOgImage(title, dek, kicker),
  });
  const png = await cache.get({ title: props.title as string, dek: props.dek as string, kicker: OG_DEFAULT_KICKER });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
