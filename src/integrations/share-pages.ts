/**
 * Astro integrations: the section share pages (src/lib/share.ts). Once every page is generated,
 * writes each story's share pages (`/<story>/s/<id>/`, one per section and per alias id); at the
 * end of the build, copies each section's card from the card cache to `/og/<story>/<id>.png`. The story pages
 * handed their sections over as they rendered and started the cards then (src/lib/share-build.ts).
 * The sitemap and the feed list Astro's own routes, so no share page is in them.
 */
import { constants, copyFileSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { sectionCardPath, sharePageHtml, sharePath } from '../lib/share.ts';
import { startShareRegistry, type ShareRegistry } from '../lib/share-build.ts';

/** A folder name that stays where it is put: letters (any script), digits, hyphens, underscores. */
const SAFE_ID = /^[\p{L}\p{N}_-]+$/u;

/**
 * Puts a cached card into the site: a hard link where the two are on one file system (no bytes
 * copied; the cache replaces a file by renaming a new one over it, so the site's link keeps its
 * bytes), else a copy-on-write clone or a copy.
 */
function placeCard(from: string, to: string): void {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to, constants.COPYFILE_FICLONE);
  }
}

/**
 * Two integrations: the pages are written once every page is generated, so the server config
 * and precompression (which come between the two in astro.config.mjs) see them; the cards are
 * put in at the very end, so the pool draws them while those run.
 */
export function sharePages(): { pages: AstroIntegration; cards: AstroIntegration } {
  let site = '';
  let registry: ShareRegistry | undefined;
  let out = '';
  const pages: AstroIntegration = {
    name: 'share-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
      },
      'astro:build:start': () => {
        registry = startShareRegistry();
      },
      'astro:build:generated': ({ dir, logger }) => {
        if (!registry) return;
        if (!site) throw new Error('share-pages: the config has no `site`, so share pages cannot carry absolute URLs');
        out = fileURLToPath(dir);
        let written = 0;
        let aliases = 0;
        for (const { share } of registry.values()) {
          for (const section of share.sections) {
            const html = sharePageHtml(site, share, section);
            for (const id of [section.id, ...section.aliases]) {
              // The content check allows only such ids; a folder name must never climb out of s/.
              if (!SAFE_ID.test(id)) throw new Error(`share-pages: ${share.slug}: the id "${id}" cannot name a folder`);
              const file = path.join(out, sharePath(share.slug, id), 'index.html');
              mkdirSync(path.dirname(file), { recursive: true });
              writeFileSync(file, html);
              if (id === section.id) written++;
              else aliases++;
            }
          }
        }
        logger.info(`${written} section share pages written (and ${aliases} for alias ids)`);
      },
    },
  };
  const cards: AstroIntegration = {
    name: 'share-cards',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        if (!registry) return;
        const started = performance.now();
        const stories = await Promise.all([...registry.values()].map(async ({ share, cards }) => ({ share, card: await cards })));
        const waited = (performance.now() - started) / 1000;
        let copied = 0;
        for (const { share, card } of stories) {
          for (const section of share.sections) {
            const dest = path.join(out, sectionCardPath(share.slug, section.id));
            mkdirSync(path.dirname(dest), { recursive: true });
            placeCard(card.get(section.id)!, dest);
            copied++;
          }
        }
        logger.info(`${copied} section cards put into the site in ${((performance.now() - started) / 1000 - waited).toFixed(2)} s (waited ${waited.toFixed(2)} s for the card pool)`);
        registry.clear();
      },
    },
  };
  return { pages, cards };
}
