/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
    // West of UTC, so a date formatted without timeZone: 'UTC' shows as the day before and fails.
    env: { TZ: process.env.TZ_OVERRIDE ?? 'America/Los_Angeles' },
    // Files keep module state and set up Astro's renderers: sharing workers would let one file's state reach another.
    isolate: true,
  },
});
