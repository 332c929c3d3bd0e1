/**
 * Astro integration: at the end of a build, one log line on the OG images:
 * how many were drawn (by the worker pool, src/lib/worker-pool.ts) and how many read
 * from the cache (src/lib/og-cache.ts), with the milliseconds per image of each.
 * `npm run bench` reads it (scripts/bench.ts, parseOgReport).
 */
import type { AstroIntegration } from 'astro';
import { OG_CLOSE_KEY, OG_STATS_KEY } from '../lib/og-cards.ts';

export interface OgStats {
  hits: number;
  misses: number;
  readMs: number;
  drawMs: number;
  workers: number;
}

export const ogReportLine = (s: OgStats) =>
  `OG images: ${s.misses} drawn (${s.misses ? (s.drawMs / s.misses).toFixed(1) : '0'} ms each, ${s.workers} workers), ${s.hits} read from the cache (${s.hits ? (s.readMs / s.hits).toFixed(2) : '0'} ms each)`;

export function ogReport(): AstroIntegration {
  return {
    name: 'og-report',
    hooks: {
      // Last: the section cards (drawn while the server config and precompression ran) are in.
      'astro:build:done': async ({ logger }) => {
        await ((globalThis as Record<symbol, unknown>)[OG_CLOSE_KEY] as (() => Promise<void>) | undefined)?.();
        const stats = (globalThis as Record<symbol, unknown>)[OG_STATS_KEY] as OgStats | undefined;
        if (stats) logger.info(ogReportLine(stats));
      },
    },
  };
}
