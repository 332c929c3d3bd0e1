/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

const project = (name: string, ...include: string[]) => ({ extends: true as const, test: { name, include } });

export default getViteConfig({
  test: {
    // unit: pure functions and rendered components, for the edit loop (npm run test:quick); integration:
    // tests that build a site, start a server or run a command; cache: the cache-honesty test, which
    // builds a copy of the site twice a step and runs on its own (npm run test:cache).
    projects: [project('unit', 'tests/unit/**/*.test.ts'), project('integration', 'tests/integration/**/*.test.ts'), project('cache', 'tests/cache/**/*.test.ts')],
    testTimeout: 60_000,
    // West of UTC, so a date formatted without timeZone: 'UTC' shows as the day before and fails.
    env: { TZ: process.env.TZ_OVERRIDE ?? 'America/Los_Angeles' },
    // Files keep module state and set up Astro's renderers: sharing workers would let one file's state reach another.
    isolate: true,
  },
});
