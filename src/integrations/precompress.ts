/** Servers never compress on the fly; an unchanged file reuses the previous build's pair, as recompressing would take most of a build. */
import { readdirSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export const PRECOMPRESSED = /\.(html|css|js|mjs|xml|svg)$/;
export const BROTLI_QUALITY = 6;
export const GZIP_LEVEL = 9;
const gz = promisify(gzip);
const br = promisify(brotliCompress);

const compress = (data: Buffer) =>
  Promise.all([
    gz(data, { level: GZIP_LEVEL }),
    br(data, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
  ]);

async function reuse(file: string, data: Buffer, dir: string, previous: string | undefined): Promise<boolean> {
  if (!previous) return false;
  const before = path.join(previous, path.relative(dir, file));
  try {
    if (!(await readFile(before)).equals(data)) return false;
    await Promise.all([copyFile(`${before}.gz`, `${file}.gz`), copyFile(`${before}.br`, `${file}.br`)]);
    return true;
  } catch {
    return false;
  }
}

/** skip: a folder not served, such as the server configs. */
export async function precompressFolder(dir: string, { previous, skip }: { previous?: string | undefined; skip?: string } = {}): Promise<{ files: number; reused: number; ms: number }> {
  const start = performance.now();
  const queue = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => PRECOMPRESSED.test(f) && !(skip && f.startsWith(`${skip}${path.sep}`)));
  const files = queue.length;
  let reused = 0;
  // Four at a time: libuv's thread pool compresses them in parallel.
  const worker = async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const file = path.join(dir, f);
      const data = await readFile(file);
      if (await reuse(file, data, dir, previous)) reused++;
      else await compress(data).then(([g, b]) => Promise.all([writeFile(`${file}.gz`, g), writeFile(`${file}.br`, b)]));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return { files, reused, ms: performance.now() - start };
}
