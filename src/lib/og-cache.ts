/**
 * A content-addressed cache of the OG images, like Astro's own image cache: a
 * PNG is stored under a key made from everything that decides its bytes, so a
 * rebuild (a newsroom's CI keeping the Astro cache folder between runs) draws
 * only new and changed stories, and a cached image is the same bytes a fresh
 * render would give.
 *
 * key = sha256 of (renderer version, each font file's bytes, title, dek, kicker, period),
 * each field length-prefixed so no two inputs share a key by running together.
 * The version string must change whenever the drawing changes without its inputs
 * changing (canvas or zlib version, site name; the template's own code is
 * hashed into it): see og-image.ts.
 *
 * Files: `<dir>/<key>.png`, where dir is `ogCacheDir()`, i.e.
 * `${ASTRO_CACHE_DIR ?? 'node_modules/.astro'}/og` (the same folder astro.config.mjs
 * gives Astro as cacheDir). Written atomically: to a temporary name in the same
 * folder, then renamed, so a build stopped half-way or another build running at
 * the same time never leaves or reads half a PNG. Nothing is ever evicted: the
 * folder grows by one PNG (≈ 50–60 KB) per distinct title/dek/kicker drawn;
 * delete it to start again.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCacheDir, writeAtomically } from './build-cache.ts';

export interface OgInput {
  title: string;
  dek: string;
  kicker: string;
  /** The period the story covers, shown at the foot ("" or absent: none). */
  period?: string;
}

export interface OgCacheOptions {
  /** Folder of the cached PNGs (created when first needed). */
  dir: string;
  /** Names the renderer: template version, library versions, anything else that changes the bytes. */
  version: string;
  /** The bytes of the font files the renderer draws with. */
  fonts: readonly Uint8Array[];
  /** Draws the PNG on a miss. */
  render: (input: OgInput) => Promise<Uint8Array>;
  /** Draws the PNG on a miss straight into the cache file (`file()`), written atomically; default: render, then write. */
  renderTo?: (input: OgInput, file: string) => Promise<void>;
  /** Told when the cache cannot be written (the image is still returned). Default: console.warn. */
  warn?: (message: string) => void;
}

export interface OgCache {
  /** The cache key of an image: 64 hex digits. */
  key(input: OgInput): string;
  /** The image: the cached bytes on a hit; on a miss, rendered and stored. */
  get(input: OgInput): Promise<Buffer>;
  /**
   * The cached file of the image (to copy, not to read: the section cards), drawn into the cache on a
   * miss. Throws when the cache cannot be written, as there is then no file.
   */
  file(input: OgInput): Promise<string>;
  /** Hits and misses since the cache was made, and the milliseconds spent on each kind (summed over images drawn at the same time). */
  readonly stats: { hits: number; misses: number; readMs: number; drawMs: number };
}

/** The Astro cache folder's `og/` subfolder (ASTRO_CACHE_DIR, else Astro's default, node_modules/.astro). */
export function ogCacheDir(env: Record<string, string | undefined> = process.env): string {
  return buildCacheDir('og', env);
}

function field(hash: Hash, bytes: Uint8Array): void {
  hash.update(`${bytes.byteLength}:`);
  hash.update(bytes);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The IEND chunk every PNG ends with (length 0, type, CRC). */
export const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
/** A whole PNG, start and end: anything else in the folder (damaged by hand, say) is drawn again. */
const isWholePng = (b: Buffer) => b.subarray(0, 8).equals(PNG_SIGNATURE) && b.subarray(-12).equals(PNG_END);

/** A whole PNG on disk, read by its first and last bytes only. */
function isWholePngFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const { size } = fstatSync(fd);
    if (size < PNG_SIGNATURE.length + PNG_END.length) return false;
    // The two ends side by side, as isWholePng reads them.
    const ends = Buffer.alloc(PNG_SIGNATURE.length + PNG_END.length);
    readSync(fd, ends, 0, PNG_SIGNATURE.length, 0);
    readSync(fd, ends, PNG_SIGNATURE.length, PNG_END.length, size - PNG_END.length);
    return isWholePng(ends);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readCached(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

export function createOgCache(options: OgCacheOptions): OgCache {
  const { dir, render, warn = (m: string) => console.warn(m) } = options;
  // The version and the fonts are the same for every image: hashed once, copied per key.
  const base = createHash('sha256');
  field(base, Buffer.from(options.version, 'utf8'));
  base.update(`${options.fonts.length} fonts;`);
  for (const font of options.fonts) field(base, font);

  const stats = { hits: 0, misses: 0, readMs: 0, drawMs: 0 };
  let warned = false;

  const key = ({ title, dek, kicker, period = '' }: OgInput) => {
    const hash = base.copy();
    for (const s of [title, dek, kicker, period]) field(hash, Buffer.from(s, 'utf8'));
    return hash.digest('hex');
  };

  async function get(input: OgInput): Promise<Buffer> {
    const file = path.join(dir, `${key(input)}.png`);
    let started = performance.now();
    // Read at once (a PNG of ≈ 60 KB): the time is the read's own, not the build's other work in between.
    const cached = readCached(file);
    if (cached && isWholePng(cached)) {
      stats.hits++;
      stats.readMs += performance.now() - started;
      return cached;
    }
    stats.misses++;
    started = performance.now();
    const png = Buffer.from(await render(input));
    stats.drawMs += performance.now() - started;
    try {
      await writeAtomically(file, png);
    } catch (error) {
      // A cache is only a speed-up: the build goes on with the image it has drawn.
      if (!warned) warn(`OG image cache: could not write ${dir} (${(error as Error).message}); images are drawn but not cached.`);
      warned = true;
    }
    return png;
  }

  const renderTo = options.renderTo ?? (async (input: OgInput, file: string) => writeAtomically(file, await render(input)));

  async function file(input: OgInput): Promise<string> {
    const file = path.join(dir, `${key(input)}.png`);
    let started = performance.now();
    if (isWholePngFile(file)) {
      stats.hits++;
      stats.readMs += performance.now() - started;
      return file;
    }
    stats.misses++;
    started = performance.now();
    await renderTo(input, file);
    stats.drawMs += performance.now() - started;
    return file;
  }

  return { key, get, file, stats };
}
