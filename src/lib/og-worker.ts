/** One worker of the OG image pool (og-pool.ts): draws the images it is sent, one at a time. */
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { renderOgImage } from './og-image.ts';
import type { OgInput } from './og-cache.ts';

parentPort!.on('message', async ({ id, input }: { id: number; input: OgInput }) => {
  try {
    const started = performance.now();
    const png = await renderOgImage(input.title, input.dek, input.kicker, input.period ?? '');
    const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
    parentPort!.postMessage({ id, png: bytes, ms: performance.now() - started });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).stack ?? String(error) });
  }
});
