/** RSS 2.0 takes a GIF, JPEG or PNG of at most 144 px, not the SVG favicon. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, Image } from '@napi-rs/canvas';
import type { APIRoute } from 'astro';

export const FEED_ICON_PATH = '/feed-icon.png';
export const FEED_ICON_SIZE = 144;

export const GET: APIRoute = () => {
  const icon = new Image();
  icon.src = readFileSync(path.resolve('public/favicon.svg'));
  const canvas = createCanvas(FEED_ICON_SIZE, FEED_ICON_SIZE);
  canvas.getContext('2d').drawImage(icon, 0, 0, FEED_ICON_SIZE, FEED_ICON_SIZE);
  return new Response(new Uint8Array(canvas.encodeSync('png')), { headers: { 'Content-Type': 'image/png' } });
};
