// @ts-check
import { defineConfig } from 'astro/config';
import { explainer } from './src/integrations/index.ts';
import { cspDirectives } from './src/lib/csp.ts';

export const SITE_URL = process.env.SITE_URL ?? 'https://explainers.example.org';

/** The W3C checker hashes a <style> trimmed, Astro as written: with no trailing whitespace both agree. @type {import('vite').Plugin} */
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
  // Outside node_modules/, which `npm ci` empties: a host keeps it between builds.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './.cache/astro',
  trailingSlash: 'ignore',
  // concurrency: measured in BENCHMARKS.md.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  experimental: { incrementalBuild: true },
  // No code blocks in stories; Shiki's inline styles would also break the CSP.
  markdown: { syntaxHighlight: false },
  security: { csp: { directives: [...cspDirectives] } },
  integrations: [explainer()],
  vite: {
    plugins: [trimCss],
    build: {
      // Inlines the page's one script (it runs before the first paint, at no request); the JavaScript budget holds its size.
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
