/**
 * Astro integration: after the build, writes a .gz and a .br beside each HTML, CSS,
 * JS, XML and SVG file, so that nginx (gzip_static, brotli_static) and Caddy
 * (precompressed) send them as they are and never compress on the fly.
 * gzip at level 9; brotli at quality 6. Measured on 1,500-word story pages (63 kB), CPU time a
 * page: quality 6 takes 3.0 ms for 12.29 kB, quality 8 4.2 ms for 12.28 kB, quality 9 26.8 ms for
 * 12.26 kB (0.2% less for 9× the time), quality 11 about 100 ms for 11.0 kB; gzip 9 takes 1.2 ms for
 * 13.57 kB (BENCHMARKS.md, "Precompression").
 *
 * The compressed files are kept by content in `${ASTRO_CACHE_DIR ?? 'node_modules/.astro'}/precompress/`
 * (named by the sha256 of the file's bytes, the two settings and the zlib and brotli versions), so a rebuild compresses only
 * the files that changed: a hit is the same bytes the compressor would give. Files under 16 KB are
 * kept together in one pack file (CACHED_FROM_BYTES).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { buildCacheDir, writeAtomically } from '../lib/build-cache.ts';
import { listFiles } from '../lib/built-site.ts';
import { SERVER_CONFIG_DIR } from '../lib/headers.ts';

export const PRECOMPRESSED = /\.(html|css|js|mjs|xml|svg)$/;
export const BROTLI_QUALITY = 6;
export const GZIP_LEVEL = 9;
const gz = promisify(gzip);
const br = promisify(brotliCompress);

export interface PrecompressStats {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
  ms: number;
}

/** The folder of the kept compressed files, beside the cards' `og/`. */
export function precompressCacheDir(env: Record<string, string | undefined> = process.env): string {
  return buildCacheDir('precompress', env);
}

const compress = (data: Buffer) =>
  Promise.all([
    gz(data, { level: GZIP_LEVEL }),
    br(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  ]);

/**
 * Below this size a file's compressed bytes are kept in one pack file for the whole site
 * (`small-<settings>.pack`), read once and written once a build, instead of two files each: for
 * the 10,000 small section share pages of a 1,000-story site, a look-up and two atomic writes
 * apiece cost more than the compression they saved.
 */
export const CACHED_FROM_BYTES = 16 * 1024;

/** The settings and library versions the compressed bytes depend on. */
const SETTINGS = `gzip ${GZIP_LEVEL}, zlib ${process.versions.zlib}; brotli ${BROTLI_QUALITY} text, ${process.versions.brotli}`;

/** A pack of small files' compressed bytes: each record is the sha256 of the input, then the gzip and brotli bytes with their lengths. */
export function readPack(file: string): Map<string, [Buffer, Buffer]> {
  const out = new Map<string, [Buffer, Buffer]>();
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return out;
  }
  // A pack cut short or damaged keeps the records it holds whole.
  for (let o = 0; o + 40 <= data.length; ) {
    const gzLength = data.readUInt32BE(o + 32);
    if (o + 40 + gzLength > data.length) break;
    const brLength = data.readUInt32BE(o + 36 + gzLength);
    const end = o + 40 + gzLength + brLength;
    if (end > data.length) break;
    out.set(data.subarray(o, o + 32).toString('hex'), [data.subarray(o + 36, o + 36 + gzLength), data.subarray(o + 40 + gzLength, end)]);
    o = end;
  }
  return out;
}

export function packBytes(entries: Iterable<[string, [Buffer, Buffer]]>): Buffer {
  const parts: Buffer[] = [];
  for (const [key, [gz, br]] of entries) {
    const head = Buffer.alloc(36);
    Buffer.from(key, 'hex').copy(head);
    head.writeUInt32BE(gz.length, 32);
    const mid = Buffer.alloc(4);
    mid.writeUInt32BE(br.length);
    parts.push(head, gz, mid, br);
  }
  return Buffer.concat(parts);
}

/** The .gz and .br of these bytes: kept ones if cacheDir has them, else compressed and kept. */
async function compressCached(data: Buffer, cacheDir: string | undefined): Promise<[Buffer, Buffer]> {
  if (!cacheDir) return compress(data);
  const base = path.join(cacheDir, createHash('sha256').update(`${SETTINGS}\0`).update(data).digest('hex'));
  try {
    return await Promise.all([readFile(`${base}.gz`), readFile(`${base}.br`)]);
  } catch {
    const [g, b] = await compress(data);
    try {
      await Promise.all([writeAtomically(`${base}.gz`, g), writeAtomically(`${base}.br`, b)]);
    } catch {
      // A cache is only a speed-up.
    }
    return [g, b];
  }
}

export async function precompressFolder(dir: string, cacheDir?: string): Promise<PrecompressStats> {
  const start = performance.now();
  const files = listFiles(dir).filter((f) => PRECOMPRESSED.test(f) && !f.startsWith(`${SERVER_CONFIG_DIR}/`));
  const stats: PrecompressStats = { files: files.length, bytes: 0, gzipBytes: 0, brotliBytes: 0, ms: 0 };
  // Small files: from the pack of the last build, else compressed, each distinct content once
  // (a share page and its alias ids' have the same bytes); the pack then holds this build's.
  const packFile = cacheDir && path.join(cacheDir, `small-${createHash('sha256').update(SETTINGS).digest('hex').slice(0, 16)}.pack`);
  const packed = packFile ? readPack(packFile) : new Map<string, [Buffer, Buffer]>();
  const same = new Map<string, Promise<[Buffer, Buffer]>>();
  let fresh = 0;
  const once = (data: Buffer) => {
    if (data.length >= CACHED_FROM_BYTES) return compressCached(data, cacheDir);
    const key = createHash('sha256').update(data).digest('hex');
    let done = same.get(key);
    if (!done) {
      const kept = packed.get(key);
      if (!kept) fresh++;
      same.set(key, (done = kept ? Promise.resolve(kept) : compress(data)));
    }
    return done;
  };
  // Four at a time: libuv's thread pool compresses them in parallel.
  const queue = [...files];
  const worker = async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const file = path.join(dir, f);
      const data = await readFile(file);
      const [g, b] = await once(data);
      await Promise.all([writeFile(`${file}.gz`, g), writeFile(`${file}.br`, b)]);
      stats.bytes += data.length;
      stats.gzipBytes += g.length;
      stats.brotliBytes += b.length;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  if (packFile && (fresh > 0 || same.size !== packed.size)) {
    const entries = await Promise.all([...same].map(async ([key, done]) => [key, await done] as [string, [Buffer, Buffer]]));
    // A cache is only a speed-up.
    await writeAtomically(packFile, packBytes(entries)).catch(() => {});
  }
  stats.ms = performance.now() - start;
  return stats;
}

export function precompress(): AstroIntegration {
  return {
    name: 'precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const s = await precompressFolder(fileURLToPath(dir), precompressCacheDir());
        const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
        logger.info(`${s.files} files precompressed in ${s.ms.toFixed(0)} ms: ${kb(s.bytes)} → gzip ${kb(s.gzipBytes)}, brotli ${kb(s.brotliBytes)}`);
      },
    },
  };
}
