/** One worker of the OG image pool (og-pool.ts): draws the images it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { renderOgImage } from './og-image.ts';
import type { OgInput } from './og-cache.ts';

parentPort!.on('message', async ({ id, input }: { id: number; input: OgInput }) => {
  try {
    const png = await renderOgImage(input.title, input.dek, input.kicker, input.period ?? '');
    const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
    parentPort!.postMessage({ id, png: bytes });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).stack ?? String(error) });
  }
});
