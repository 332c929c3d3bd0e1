/**
 * The build's one OG image cache (og-cache.ts) in front of its one pool of
 * drawing workers (worker-pool.ts, og-worker.ts), shared by every image route: the story cards
 * and the home and About cards. The counts and times are kept on
 * globalThis for the build's log line (src/integrations/og-report.ts).
 */
import { createOgCache, ogCacheDir, type OgCache, type OgInput } from './og-cache.ts';
import { OG_RENDERER_VERSION, ogFontData } from './og-image.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWorkerPool, type WorkerPool } from './worker-pool.ts';
import type { OgTask } from './og-worker.ts';

export const OG_STATS_KEY = Symbol.for('explainer.og-stats');
export const OG_CLOSE_KEY = Symbol.for('explainer.og-close');

let cache: OgCache | undefined;
let pool: WorkerPool<OgTask, Uint8Array> | undefined;

/** The worker's file: read from the project (the build runs from its root), as the fonts are. */
const OG_WORKER_FILE = path.resolve('src/lib/og-worker.ts');

/** The pool, started when a card is first drawn; the build closes it at its very end, once the section cards are in (og-report.ts). */
function workers(): WorkerPool<OgTask, Uint8Array> {
  if (!pool) {
    pool = createWorkerPool<OgTask, Uint8Array>(OG_WORKER_FILE);
    // Closed by og-report's last hook: the section cards are drawn while the server config and precompression run.
    (globalThis as Record<symbol, unknown>)[OG_CLOSE_KEY] = async () => {
      await pool?.close();
      pool = undefined;
    };
  }
  return pool;
}

function cards(): OgCache {
  cache ??= createOgCache({
    dir: ogCacheDir(),
    version: OG_RENDERER_VERSION,
    fonts: ogFontData(),
    render: (i) => workers().run(i),
    renderTo: async (i, file) => void (await workers().run({ ...i, file })),
  });
  return cache;
}

/** The build log's figures: drawMs is the workers' own drawing time (the cache's includes the wait for a free worker). */
function report(c: OgCache): void {
  const { busyMs, size } = workers();
  (globalThis as Record<symbol, unknown>)[OG_STATS_KEY] = { ...c.stats, drawMs: busyMs, workers: size };
}

/** The PNG of a card: from the cache, or drawn by the pool and cached. */
export async function ogCard(input: OgInput): Promise<Uint8Array> {
  const png = await cards().get(input);
  report(cards());
  return new Uint8Array(png);
}

let fallback: string | undefined;

/**
 * The cached file of a card, drawn by the pool straight into the cache on a miss: the section cards,
 * linked or copied into the site. When the cache cannot be written (a read-only folder, say), the
 * card is drawn into a temporary folder instead, as a cache is only a speed-up.
 */
export async function ogCardFile(input: OgInput): Promise<string> {
  try {
    const file = await cards().file(input);
    report(cards());
    return file;
  } catch (error) {
    if (!fallback) {
      fallback = mkdtempSync(path.join(tmpdir(), 'explainer-cards-'));
      console.warn(`OG image cache: could not write ${ogCacheDir()} (${(error as Error).message}); section cards are drawn into ${fallback} instead.`);
    }
    const file = path.join(fallback, `${cards().key(input)}.png`);
    await workers().run({ ...input, file });
    return file;
  }
}

/** The image response of a card. */
export const pngResponse = (png: Uint8Array) => new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
