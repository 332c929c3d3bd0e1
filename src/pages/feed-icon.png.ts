/**
 * /feed-icon.png: the site's icon as the feed's channel image. RSS 2.0 takes a
 * GIF, JPEG or PNG of at most 144 px, not the SVG favicon, so the favicon is
 * drawn to a PNG at build time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { APIRoute } from 'astro';

export const FEED_ICON_PATH = '/feed-icon.png';
export const FEED_ICON_SIZE = 144;

export const GET: APIRoute = () => {
  const svg = readFileSync(path.resolve('public/favicon.svg'), 'utf8');
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: FEED_ICON_SIZE }, font: { loadSystemFonts: false } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
