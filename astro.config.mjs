// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { rehypePlugins, remarkPlugins } from './src/integrations/markdown-plugins.ts';
import { fonts } from './src/integrations/fonts.ts';
import { storyChecks } from './src/integrations/story-checks.ts';
import { precompress } from './src/integrations/precompress.ts';
import { serverConfig } from './src/integrations/server-config.ts';
import { withLastmod } from './src/integrations/sitemap-lastmod.ts';
import { cspDirectives } from './src/lib/csp.ts';

/** The public address of the site; canonical URLs, the feed and QR codes use it. */
export const SITE_URL = process.env.SITE_URL ?? 'https://explainers.example.org';

/**
 * BENCH_FLOOR=1 is for `npm run bench` only: the floor build, with Astro's default
 * markdown processor, none of our remark/rehype plugins and no content pre-check.
 * Real stories do not build this way (their <Cite> and <Anchor> need the plugins).
 */
const benchFloor = process.env.BENCH_FLOOR === '1';

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
  build: { format: 'directory', inlineStylesheets: 'always' },
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
  integrations: [fonts(), ...(benchFloor ? [] : [storyChecks()]), mdx(), sitemap({ serialize: withLastmod() }), serverConfig(), precompress()],
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
