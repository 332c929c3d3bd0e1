/** The build's heap cap: added to NODE_OPTIONS unless a cap is set already. */
import { describe, expect, it } from 'vitest';
import { BUILD_HEAP_MB, withHeapCap } from '../../scripts/node-options.ts';

describe('withHeapCap', () => {
  it('adds the cap to empty or unrelated options', () => {
    expect(withHeapCap(undefined)).toBe(`--max-old-space-size=${BUILD_HEAP_MB}`);
    expect(withHeapCap('')).toBe('--max-old-space-size=896');
    expect(withHeapCap('--enable-source-maps')).toBe('--enable-source-maps --max-old-space-size=896');
  });

  it('keeps a cap that is already set, in either spelling', () => {
    expect(withHeapCap('--max-old-space-size=4096')).toBe('--max-old-space-size=4096');
    expect(withHeapCap('--enable-source-maps --max_old_space_size=3000')).toBe('--enable-source-maps --max_old_space_size=3000');
  });
});
