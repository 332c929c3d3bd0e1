/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
    // West of UTC, so a date formatted without timeZone: 'UTC' shows as the day before
    // and fails; `TZ=UTC npm run test:unit` must pass as well.
    env: { TZ: process.env.TZ_OVERRIDE ?? 'America/Los_Angeles' },
    // Each test file in a fresh worker (Vitest's default, set on purpose, which also stops its
    // "faster with isolate: false" tip): files keep module state (caches, counters, temporary
    // folders) and set up Astro's renderers, and sharing workers would let one file's state
    // reach another. It costs about 4 s of a 45 s run.
    isolate: true,
  },
});
