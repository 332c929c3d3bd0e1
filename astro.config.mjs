// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { rehypePlugins, remarkPlugins } from './src/integrations/markdown-plugins.ts';
import { storyChecks } from './src/integrations/story-checks.ts';
import { precompress } from './src/integrations/precompress.ts';
import { serverConfig } from './src/integrations/server-config.ts';
import { ogReport } from './src/integrations/og-report.ts';
import os from 'node:os';
import { cspDirectives } from './src/lib/csp.ts';

/** The public address of the site; canonical URLs, the feed and QR codes use it. */
export const SITE_URL = process.env.SITE_URL ?? 'https://explainers.example.org';

/**
 * BENCH_FLOOR=1 is for `npm run bench` only: the floor build, with Astro's default
 * markdown processor, none of our remark/rehype plugins and no content pre-check.
 * Real stories do not build this way (their <Cite> and <Anchor> need the plugins).
 */
const benchFloor = process.env.BENCH_FLOOR === '1';

export default defineConfig({
  site: SITE_URL,
  // Separate caches let fixture and benchmark builds run beside the real one.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'ignore',
  // Several routes at once, so the OG image workers (src/lib/og-pool.ts, one per core) all have work.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: Math.max(2, os.availableParallelism() * 2) },
  markdown: {
    // No code blocks in stories; Shiki's inline styles would also break the CSP.
    syntaxHighlight: false,
    processor: benchFloor ? undefined : unified({
      // SmartyPants runs only on stories with straight quotes, -- or ... (same output, much faster).
      smartypants: false,
      remarkPlugins,
      rehypePlugins,
    }),
  },
  security: {
    csp: { directives: [...cspDirectives] },
  },
  integrations: [...(benchFloor ? [] : [storyChecks()]), mdx(), sitemap({ filter: (page) => !/^\/[^/]+\/s\/[^/]+\/$/.test(new URL(page).pathname) }), serverConfig(), precompress(), ogReport()],
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // @mdx-js emits one harmless warning per MDX file.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
