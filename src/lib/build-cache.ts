/**
 * What the build's caches share. They live in one folder, `${ASTRO_CACHE_DIR ?? 'node_modules/.astro'}`
 * (the folder astro.config.mjs gives Astro as cacheDir), one subfolder each: `og/` (the cards,
 * og-cache.ts), `checks/` (stories that passed, src/integrations/story-checks.ts), `mdx/` (compiled
 * stories, src/integrations/mdx-cache.ts) and `precompress/` (src/integrations/precompress.ts).
 * Each writes its files atomically, and the per-story caches key their entries by the code.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from './built-site.ts';

/** A cache's folder: `${ASTRO_CACHE_DIR ?? 'node_modules/.astro'}/<name>`. */
export function buildCacheDir(name: string, env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.ASTRO_CACHE_DIR ?? 'node_modules/.astro', name);
}

/**
 * Writes a file by a temporary name in the same folder, then renames it: a build stopped half-way,
 * or another build reading at the same time, never sees half a file. Throws when it cannot write
 * (a cache is only a speed-up: callers go on without it).
 */
export async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}-${randomUUID()}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}

const versions = new Map<string, string>();

/**
 * A hash of the code that turns a story into pages: every file under src/ (but the subset fonts
 * the build writes there), the Astro config and the package manifest and lock file. The per-story
 * caches key their entries with it, so any change to the code, a rule or a library starts them
 * afresh: a cached result is always one this exact code would give.
 */
export function codeVersion(root = process.cwd()): string {
  const known = versions.get(root);
  if (known) return known;
  const hash = createHash('sha256');
  const add = (file: string) => {
    hash.update(`${path.relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  };
  for (const f of listFiles(path.join(root, 'src'))) if (!f.startsWith('styles/fonts/')) add(path.join(root, 'src', f));
  for (const f of ['astro.config.mjs', 'package.json', 'package-lock.json']) if (existsSync(path.join(root, f))) add(path.join(root, f));
  const version = hash.digest('hex');
  versions.set(root, version);
  return version;
}
