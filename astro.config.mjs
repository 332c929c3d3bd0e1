// @ts-check
import { defineConfig } from 'astro/config';
import { explainer } from './src/integrations/index.ts';
import { cspDirectives } from './src/lib/csp.ts';

/** The public address of the site; canonical URLs, the feed and QR codes use it. */
export const SITE_URL = process.env.SITE_URL ?? 'https://explainers.example.org';

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
  // Outside node_modules/, which `npm ci` empties: a host keeps this folder between builds
  // (README, "Deploying"). ASTRO_CACHE_DIR lets fixture and benchmark builds keep their own.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './.cache/astro',
  trailingSlash: 'ignore',
  // concurrency: BENCHMARKS.md has the measurements behind the value.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  experimental: { incrementalBuild: true },
  // No code blocks in stories; Shiki's inline styles would also break the CSP.
  markdown: { syntaxHighlight: false },
  security: {
    csp: { directives: [...cspDirectives] },
  },
  integrations: [explainer()],
  vite: {
    plugins: [trimCss],
    build: {
      // The page's one script (src/components/Enhancements.astro) is inlined below this size: it runs
      // before the first paint, so the controls it adds move nothing, and costs no request. Its size is
      // held by the JavaScript budget (2,048 bytes gzipped: tools/budgets.ts), not by Vite's 4 KB default.
      // Nothing else the build emits is this small (print.css, the fonts).
      assetsInlineLimit: 6144,
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
