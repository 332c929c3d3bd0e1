/** The site's one integration; stories are checked at astro:config:done (builds only), before Astro loads the collection. */
import { fileURLToPath } from 'node:url';
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

/** What a server needs beside the pages, once every page and the sitemap are written. */
function serverFiles(): AstroIntegration {
  return {
    name: 'explainer-server-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        logger.info(`headers written to ${writeServerConfigs(out, process.env.SERVER_ROOT ?? out).join(', ')}`);
        const s = await precompressFolder(out, { previous: process.env.PREVIOUS_BUILD, skip: SERVER_CONFIG_DIR });
        logger.info(`${s.files} files precompressed in ${s.ms.toFixed(0)} ms (${s.reused} unchanged since the last build)`);
      },
    },
  };
}
