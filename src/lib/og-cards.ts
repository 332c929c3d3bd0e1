/**
 * The build's one OG image cache (og-cache.ts) in front of its one pool of
 * drawing workers (og-pool.ts), shared by every image route: story cards,
 * section cards and the home and About cards. The counts and times are kept on
 * globalThis for the build's log line (src/integrations/og-report.ts).
 */
import { createOgCache, ogCacheDir, type OgCache, type OgInput } from './og-cache.ts';
import { OG_RENDERER_VERSION, ogFontData } from './og-image.ts';
import { createOgPool, type OgPool } from './og-pool.ts';

export const OG_STATS_KEY = Symbol.for('explainer.og-stats');

let cache: OgCache | undefined;
let pool: OgPool | undefined;

/** The PNG of a card: from the cache, or drawn by the pool and cached. */
export async function ogCard(input: OgInput): Promise<Uint8Array> {
  pool ??= createOgPool();
  cache ??= createOgCache({ dir: ogCacheDir(), version: OG_RENDERER_VERSION, fonts: ogFontData(), render: (i) => pool!.render(i) });
  const png = await cache.get(input);
  // drawMs: the workers' own drawing time (the cache's includes the wait for a free worker).
  (globalThis as Record<symbol, unknown>)[OG_STATS_KEY] = { ...cache.stats, drawMs: pool.drawMs, workers: pool.size };
  return new Uint8Array(png);
}

/** The image response of a card. */
export const pngResponse = (png: Uint8Array) => new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
