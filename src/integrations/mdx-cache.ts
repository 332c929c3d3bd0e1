/**
 * The story MDX compile, on every core and remembered between builds.
 *
 * `storyMdx()` wraps the markdown processor astro.config.mjs gives Astro (the `unified`
 * processor with our remark and rehype plugins, markdown-plugins.ts). Astro's MDX plugin
 * asks it to compile each .mdx file; the wrapper
 * during a build (`astro build`; in `astro dev` and the tests it compiles as Astro would)
 * - first looks in `<cache dir>/mdx/` for the result under a key made of everything that
 *   decides it: the code (codeVersion in src/lib/build-cache.ts: src/, the config, the package files),
 *   the renderer's options, the file's path, its body and its frontmatter. A hit is the
 *   bytes this exact code would give, so it is used as is;
 * - on a miss, sends the compile to a pool of worker threads
 *   (src/lib/worker-pool.ts, mdx-worker.ts), one per core, which build the same processor
 *   (storyProcessor in markdown-plugins.ts): Vite asks for many files at once, and the
 *   compile is the bulk of a build's bundling.
 *   A successful compile is stored (written to a temporary name, then renamed); an error
 *   is never stored, and is thrown as the in-process compile would throw it.
 *
 * The cache grows by one entry per story version compiled and is never pruned; delete
 * the folder to start again (BENCHMARKS.md has its size).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { AstroIntegration } from 'astro';
import { buildCacheDir, codeVersion, writeAtomically } from '../lib/build-cache.ts';
import { createWorkerPool, type WorkerPool } from '../lib/worker-pool.ts';
import { storyProcessor } from './markdown-plugins.ts';

type Processor = ReturnType<typeof storyProcessor>;
type MdxRenderer = Awaited<ReturnType<Processor['createMdxRenderer']>>;
type Shared = Parameters<Processor['createMdxRenderer']>[0];
type MdxOptions = Parameters<Processor['createMdxRenderer']>[1];
export type MdxResult = Awaited<ReturnType<MdxRenderer['process']>>;

/** A compile as a worker receives it: the renderer's options as JSON (srcDir as a string: a URL cannot be posted). */
export interface MdxTask {
  options: string;
  content: string;
  id: string;
  frontmatter: Record<string, unknown>;
}

const WORKER = new URL('./mdx-worker.ts', import.meta.url);

/** `${ASTRO_CACHE_DIR ?? 'node_modules/.astro'}/mdx`, beside the cards' `og/` and the checks' `checks/`. */
export function mdxCacheDir(env: Record<string, string | undefined> = process.env): string {
  return buildCacheDir('mdx', env);
}

/** The renderer options of a createMdxRenderer call, as the cache key and the workers take them. */
const optionsJson = (shared: Shared, mdx: MdxOptions) => JSON.stringify({ shared, mdx: { ...mdx, srcDir: mdx.srcDir ? String(mdx.srcDir) : undefined } });

const renderers = new Map<string, Promise<MdxRenderer>>();
/**
 * Compiles a story with the story processor and renderer options given as JSON (optionsJson or
 * expectedOptions): what a worker does, the MDX pool's (mdx-worker.ts) and the content check's
 * (src/checks/check-worker.ts). One renderer per thread and options.
 */
export async function compileMdx(options: string, content: string, id: string, frontmatter: Record<string, unknown>): Promise<MdxResult> {
  let renderer = renderers.get(options);
  if (!renderer) {
    const { shared, mdx } = JSON.parse(options) as { shared: Shared; mdx: Omit<MdxOptions, 'srcDir'> & { srcDir?: string } };
    renderer = storyProcessor().createMdxRenderer(shared, { ...mdx, srcDir: mdx.srcDir ? new URL(mdx.srcDir) : undefined } as MdxOptions);
    renderers.set(options, renderer);
  }
  return (await renderer).process(content, id, frontmatter);
}

export interface StoryMdx {
  /** For `markdown.processor` in astro.config.mjs. */
  processor: Processor;
  /** Turns the worker pool on for builds, and logs the counts at the end. */
  integration: AstroIntegration;
}

/** The cache key of a compile: the code, the renderer's options (as posted to a worker), the file, its frontmatter and body. */
export function mdxKey(options: string, id: string, frontmatter: unknown, content: string): string {
  return createHash('sha256').update(`${codeVersion()}\0${options}\0${id}\0${JSON.stringify(frontmatter)}\0`).update(content).digest('hex');
}

/**
 * Stores a compile under its key: written to a temporary name, then renamed (a reader never sees
 * half a file). Not when the story's file no longer holds the body that was compiled (edited while
 * it compiled: the plugins read its frontmatter from the file, which the key must match).
 */
export async function storeMdx(dir: string, key: string, result: MdxResult, id?: string, content?: string): Promise<void> {
  if (id !== undefined && content !== undefined) {
    try {
      if (parseFrontmatter(readFileSync(id, 'utf8'), { frontmatter: 'empty-with-spaces' }).content !== content) return;
    } catch {
      return;
    }
  }
  // A cache is only a speed-up: a file that cannot be written is compiled again next time.
  await writeAtomically(path.join(dir, `${key}.json`), JSON.stringify(result)).catch(() => {});
}

/**
 * The options Astro's MDX plugin gives the renderer, worked out from the resolved config as
 * @astrojs/mdx does (markdown's syntaxHighlight, shikiConfig and gfm; the processor's
 * smartypants; no optimize; srcDir; no source maps), in its order: the content check
 * (story-checks.ts) compiles every story with them before Vite starts, so that Vite finds
 * them all in the cache. If they ever differ from what Astro passes, Vite compiles anew
 * (nothing is wrong, only slower) and the build's log says so.
 */
export function expectedOptions(config: { markdown: { syntaxHighlight?: unknown; shikiConfig?: unknown; gfm?: boolean }; srcDir: URL }): string {
  const base = storyProcessor();
  const shared = { syntaxHighlight: config.markdown.syntaxHighlight, shikiConfig: config.markdown.shikiConfig, gfm: base.options.gfm ?? config.markdown.gfm, smartypants: base.options.smartypants ?? true };
  return JSON.stringify({ shared, mdx: { optimize: false, srcDir: String(config.srcDir), sourcemap: false } });
}

export function storyMdx(dir = mdxCacheDir()): StoryMdx {
  const base = storyProcessor();
  let building = false;
  let pool: WorkerPool<MdxTask, MdxResult> | undefined;
  const stats: { hits: number; compiled: number; options?: string; expected?: string } = { hits: 0, compiled: 0 };

  const processor: Processor = {
    ...base,
    async createMdxRenderer(shared, mdx) {
      let local: MdxRenderer | undefined;
      const options = optionsJson(shared, mdx);
      stats.options = options;
      return {
        async process(content, id, frontmatter) {
          // Outside builds (astro dev, the tests' Vite), compile as Astro would: nothing kept.
          if (!building) {
            local ??= await base.createMdxRenderer(shared, mdx);
            return local.process(content, id, frontmatter);
          }
          const key = mdxKey(options, id, frontmatter, content);
          const file = path.join(dir, `${key}.json`);
          try {
            const cached = JSON.parse(readFileSync(file, 'utf8')) as MdxResult;
            stats.hits++;
            return cached;
          } catch {
            // Not cached (or unreadable): compile.
          }
          let result: MdxResult;
          pool ??= createWorkerPool<MdxTask, MdxResult>(fileURLToPath(WORKER));
          try {
            result = await pool.run({ options, content, id, frontmatter });
          } catch {
            // The worker's error lost its fields (line, column, problems) on the way:
            // compile here to throw the error itself, as Astro would show it.
            local ??= await base.createMdxRenderer(shared, mdx);
            result = await local.process(content, id, frontmatter);
          }
          stats.compiled++;
          await storeMdx(dir, key, result, id, content);
          return result;
        },
      };
    },
  };

  const integration: AstroIntegration = {
    name: 'story-mdx',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        // The workers' memory goes back when Vite's bundling ends (a later compile starts them again).
        updateConfig({ vite: { plugins: [{ name: 'story-mdx-pool', buildEnd: async () => void (await pool?.close(), (pool = undefined)) }] } });
      },
      'astro:config:done': ({ config }) => {
        stats.expected = expectedOptions(config);
      },
      'astro:build:done': ({ logger }) => {
        logger.info(`MDX: ${stats.compiled} compiled, ${stats.hits} from the cache`);
        if (stats.options && stats.options !== stats.expected) logger.warn(`MDX: Astro's renderer options differ from the ones the content check compiled with (expectedOptions in mdx-cache.ts): ${stats.options}`);
      },
    },
  };
  return { processor, integration };
}
