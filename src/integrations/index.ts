/** The site's one integration; stories are checked at astro:config:done (builds only), before Astro loads the collection;
 *  at astro:build:done the search index (Pagefind, story pages only), then the server configs and precompression. */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { StoryCheckError } from '../checks/check-story.ts';
import { SERVER_CONFIG_DIR } from '../lib/headers.ts';
import { isSharePath } from '../lib/share.ts';
import { FAMILY, WEIGHTS, writeFonts } from './fonts.ts';
import { storyProcessor } from './markdown-plugins.ts';
import { precompressFolder } from './precompress.ts';
import { writeServerConfigs } from './server-config.ts';
import { withLastmod } from './sitemap-lastmod.ts';
import { checkStoriesCached } from './story-checks.ts';

export function explainer(): AstroIntegration {
  let building = false;
  return {
    name: 'explainer',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig, logger }) => {
        building = command === 'build';
        const { chars, bytes } = await writeFonts();
        if (building) logger.info(`${FAMILY} ${WEIGHTS.map((w) => `${w}: ${bytes[w]} bytes`).join(', ')} (${chars.length} characters)`);
        updateConfig({
          markdown: { processor: storyProcessor() },
          // By the command, not import.meta.env, which a test runner's DEV=1 would reach through the builds it starts.
          vite: { define: { __SHOW_DRAFTS__: JSON.stringify(command === 'dev') } },
          // Added after this one, so their hooks run after its own: serverFiles last.
          integrations: [mdx(), sitemap({ filter: (page) => !isSharePath(new URL(page).pathname), serialize: withLastmod() }), serverFiles()],
        });
      },
      'astro:config:done': async ({ config, logger }) => {
        if (!building) return;
        const started = performance.now();
        const { problems, checked, cached } = await checkStoriesCached(fileURLToPath(new URL('checks/', config.cacheDir)));
        if (problems.length) throw new StoryCheckError(problems);
        logger.info(`${checked} ${checked === 1 ? 'story' : 'stories'} checked, ${cached} unchanged since a check they passed (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}

/**
 * The search index in dist/pagefind/ (Pagefind): the story pages only, as only they mark their text
 * with data-pagefind-body. Written before precompression; its own files come gzipped already.
 */
async function searchIndex(out: string): Promise<string> {
  // The story's own words: not its citation marks, dates, contents, related stories or source list.
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: ['.cite', '.story-intro .meta', '.on-this-page', '.story-related', '.story-sources'] });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  // Story pages are /<slug>/index.html; reading only those spares Pagefind the share pages, which it would read and skip.
  const added = await index.addDirectory({ path: out, glob: '*/index.html' });
  const written = await index.writeFiles({ outputPath: path.join(out, 'pagefind') });
  await pagefind.close();
  // Only pagefind.js, its worker, its WebAssembly and the index are used: not the UI bundles we do without.
  for (const f of readdirSync(written.outputPath)) if (/ui\.(js|css)$|highlight/.test(f)) rmSync(path.join(written.outputPath, f));
  const problems = [...added.errors, ...written.errors];
  if (problems.length) throw new Error(`Pagefind: ${problems.join('; ')}`);
  return `search index: ${added.page_count} pages read in ${(performance.now() - started).toFixed(0)} ms, written to ${path.relative(process.cwd(), written.outputPath)}`;
}

/** What a server needs beside the pages, once every page and the sitemap are written. */
function serverFiles(): AstroIntegration {
  return {
    name: 'explainer-server-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        logger.info(await searchIndex(out));
        logger.info(`headers written to ${writeServerConfigs(out, process.env.SERVER_ROOT ?? out).join(', ')}`);
        const s = await precompressFolder(out, { previous: process.env.PREVIOUS_BUILD, skip: SERVER_CONFIG_DIR });
        logger.info(`${s.files} files precompressed in ${s.ms.toFixed(0)} ms (${s.reused} unchanged since the last build)`);
      },
    },
  };
}
