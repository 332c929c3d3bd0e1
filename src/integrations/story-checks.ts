/**
 * Astro integration: before a build starts, check every story with
 * `checkStory` (src/checks/check-story.ts) and stop the build with every
 * problem in every file, one line each, when there is any. It runs before
 * Astro loads the content collection, so an editor never sees Astro's own
 * schema error, and an unquoted impossible date (2026-02-30, which Astro's
 * YAML reading would roll over to March 2) is caught.
 *
 * The stories are checked on every core (a pool of worker threads,
 * src/lib/worker-pool.ts), and a story that passed is remembered: a marker named
 * by the hash of its path, its bytes and the code (codeVersion in src/lib/build-cache.ts) in
 * `<cache dir>/checks/`. A build that finds the marker skips the story; any
 * change to the story or to the code checks it again. Problems are never cached.
 *
 * The workers also compile each story that passes into the MDX cache (mdx-cache.ts), so
 * the parse is done once for both and Vite's bundling reads the compiled stories.
 *
 * The dev server checks each story page as it renders instead
 * (src/checks/dev-check.ts), so edits made while it runs are checked too.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkStory, listStoryFiles, StoryCheckError } from '../checks/check-story.ts';
import { buildCacheDir, codeVersion } from '../lib/build-cache.ts';
import type { Problem } from '../lib/problems.ts';
import { createWorkerPool } from '../lib/worker-pool.ts';
import type { CheckTask } from '../checks/check-worker.ts';
import { expectedOptions, mdxCacheDir } from './mdx-cache.ts';

const WORKER = new URL('../checks/check-worker.ts', import.meta.url);

/** The folder of the markers: `${ASTRO_CACHE_DIR ?? 'node_modules/.astro'}/checks`, beside the OG cards' `og/`. */
export function checkCacheDir(env: Record<string, string | undefined> = process.env): string {
  return buildCacheDir('checks', env);
}

/**
 * Every problem in every story, as checkStory gives them, in file order; stories
 * whose marker is in dir are not checked again.
 */
export async function checkStoriesCached(
  files = listStoryFiles(),
  dir = checkCacheDir(),
  compile?: CheckTask['compile'],
): Promise<{ problems: Problem[]; checked: number; cached: number }> {
  const version = codeVersion();
  const marker = (file: string) => path.join(dir, createHash('sha256').update(`${version}\0${path.resolve(file)}\0`).update(readFileSync(file)).digest('hex'));
  const todo = files.map((file) => ({ file, marker: marker(file) })).filter((f) => !existsSync(f.marker));
  // One story or none: not worth starting threads for.
  const pool = todo.length > 1 ? createWorkerPool<CheckTask, Problem[]>(fileURLToPath(WORKER)) : undefined;
  try {
    const results = await Promise.all(todo.map(async (f) => ({ ...f, problems: await (pool ? pool.run({ file: f.file, compile }) : checkStory(f.file)) })));
    mkdirSync(dir, { recursive: true });
    // Only for the bytes that were checked: a story edited while the check ran is checked again next time.
    for (const r of results) if (!r.problems.length && marker(r.file) === r.marker) writeFileSync(r.marker, '');
    return { problems: results.flatMap((r) => r.problems), checked: todo.length, cached: files.length - todo.length };
  } finally {
    await pool?.close();
  }
}

export function storyChecks(): AstroIntegration {
  let building = false;
  return {
    name: 'story-checks',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      // After the config is resolved (the MDX renderer's options are known), before Astro loads the collection.
      'astro:config:done': async ({ config, logger }) => {
        if (!building) return;
        const started = performance.now();
        const { problems, checked, cached } = await checkStoriesCached(undefined, undefined, { dir: mdxCacheDir(), options: expectedOptions(config) });
        if (problems.length) throw new StoryCheckError(problems);
        logger.info(`${checked} ${checked === 1 ? 'story' : 'stories'} checked, ${cached} unchanged since a check they passed (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
