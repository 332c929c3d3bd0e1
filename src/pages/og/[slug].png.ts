/** /og/<slug>.png: each story's 1200×630 link-preview image, made at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { renderOgImage } from '../../lib/og-image.ts';

export const getStaticPaths = (async () => {
  const stories = await getCollection('stories');
  return stories.map((s) => ({ params: { slug: s.id }, props: { title: s.data.title, dek: s.data.dek } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderOgImage(props.title as string, props.dek as string);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
