import { createHash } from 'node:crypto';
import { globSync, readFileSync } from 'node:fs';

/** A cache key for Astro's incremental build (`cacheKey` in getStaticPaths): a hash of everything a page shows. */
export const cacheKey = (...values: unknown[]) => createHash('sha256').update(JSON.stringify(values)).digest('hex');

let styles: string | undefined;
/** A page's key: every page's CSP <meta> lists the hashes of all the site's styles, so it covers every style
 *  source too (templates, stylesheets, the font subset that the stories' characters decide). */
export const pageKey = (...values: unknown[]) => {
  styles ??= cacheKey(...globSync('src/**/*.{astro,css}').sort().map((f) => readFileSync(f, 'utf8')));
  return cacheKey(styles, ...values);
};
