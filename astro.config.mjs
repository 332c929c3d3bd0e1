// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { storyMdx } from './src/integrations/mdx-cache.ts';
import { fonts } from './src/integrations/fonts.ts';
import { storyChecks } from './src/integrations/story-checks.ts';
import { precompress } from './src/integrations/precompress.ts';
import { serverConfig } from './src/integrations/server-config.ts';
import { withLastmod } from './src/integrations/sitemap-lastmod.ts';
import { ogReport } from './src/integrations/og-report.ts';
import { sharePages } from './src/integrations/share-pages.ts';
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
const storyMdx_ = benchFloor ? undefined : storyMdx();
const share = sharePages();

/**
 * The minified CSS ends with a newline, which Astro inlines into each page's
 * <style> and hashes for the CSP as written. The W3C checker hashes the text
 * trimmed, so it warned that the style was not allowed (browsers agree with
 * Astro). With no trailing whitespace both hash the same text. Vite appends a
 * marker comment that it removes later: the whitespace before it goes too.
 * @type {import('vite').Plugin}
 */
const trimCss = {
  name: 'trim-css',
  generateBundle(_options, bundle) {
    for (const asset of Object.values(bundle)) {
      if (asset.type === 'asset' && asset.fileName.endsWith('.css') && typeof asset.source === 'string') {
        asset.source = asset.source.replace(/\s+(?=(\/\*\$vite\$:\d+\*\/)?$)/, '');
      }
    }
  },
};

export default defineConfig({
  site: SITE_URL,
  // Separate caches let fixture and benchmark builds run beside the real one.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'ignore',
  // Several routes at once, so the card workers (src/lib/worker-pool.ts, one per core) all have work.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: Math.max(2, os.availableParallelism() * 2) },
  markdown: {
    // No code blocks in stories; Shiki's inline styles would also break the CSP.
    syntaxHighlight: false,
    // The story pipeline (markdown-plugins.ts), compiled on every core and cached (mdx-cache.ts).
    processor: storyMdx_?.processor,
  },
  security: {
    csp: { directives: [...cspDirectives] },
  },
  integrations: [fonts(), ...(storyMdx_ ? [storyChecks(), storyMdx_.integration] : []), mdx(), sitemap({ serialize: withLastmod() }), share.pages, serverConfig(), precompress(), share.cards, ogReport()],
  vite: {
    plugins: [trimCss],
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
