/** One worker of the card pool (worker-pool.ts, used by og-cards.ts): draws the cards it is sent, one at a time. */
import type { OgInput } from './og-cache.ts';
import { renderOgImage } from './og-image.ts';
import { serveTasks } from './worker-pool.ts';

serveTasks<OgInput, Uint8Array>(async (input) => {
  const png = await renderOgImage(input.title, input.dek, input.kicker, input.period ?? '');
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
});
