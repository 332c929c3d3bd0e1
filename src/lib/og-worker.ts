/**
 * One worker of the card pool (worker-pool.ts, used by og-cards.ts): draws the cards it is sent,
 * one at a time. Given a `file`, it writes the PNG there (atomically) and sends nothing back: the
 * section cards go from the cache folder to the site by copying, never through the main thread.
 */
import type { OgInput } from './og-cache.ts';
import { writeAtomically } from './build-cache.ts';
import { renderOgImage } from './og-image.ts';
import { serveTasks } from './worker-pool.ts';

export type OgTask = OgInput & { file?: string };

serveTasks<OgTask, Uint8Array>(async (input) => {
  const png = await renderOgImage(input.title, input.dek, input.kicker, input.period ?? '');
  if (input.file) {
    await writeAtomically(input.file, png);
    return new Uint8Array(0);
  }
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
});
