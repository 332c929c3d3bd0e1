import { createHash } from 'node:crypto';

/** A cache key for Astro's incremental build (`cacheKey` in getStaticPaths): a hash of everything a page shows. */
export const cacheKey = (...values: unknown[]) => createHash('sha256').update(JSON.stringify(values)).digest('hex');
