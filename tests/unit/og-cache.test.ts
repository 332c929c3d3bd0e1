/** The OG image cache: content-addressed, written atomically, same bytes as a fresh render. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createOgCache, ogCacheDir, type OgInput } from '../../src/lib/og-cache.ts';
import { OG_DEFAULT_KICKER, OG_RENDERER_VERSION, ogFontData, renderOgImage } from '../../src/lib/og-image.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'og-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const freshDir = () => path.join(tmp, `cache-${++n}`);

/** A stand-in renderer: a tiny valid PNG (signature … IEND) that names its input. */
const PNG_START = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const fakePng = (i: OgInput) => Buffer.concat([PNG_START, Buffer.from(JSON.stringify(i)), PNG_END]);
const fonts = [Buffer.from('font 400 bytes'), Buffer.from('font 700 bytes')];
const story: OgInput = { title: 'Why the river flooded', dek: 'Three causes, one week.', kicker: 'Explainer' };

function cache(options: { dir?: string; version?: string; fonts?: Buffer[] } = {}) {
  const render = vi.fn(async (i: OgInput) => fakePng(i));
  const warn = vi.fn();
  const c = createOgCache({ dir: options.dir ?? freshDir(), version: options.version ?? 'v1', fonts: options.fonts ?? fonts, render, warn });
  return { c, render, warn };
}

describe('OG image cache', () => {
  it('draws an image once: a second call with the same inputs reads it back', async () => {
    const dir = freshDir();
    const { c, render } = cache({ dir });
    const first = await c.get(story);
    const second = await c.get({ ...story });
    expect(render).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
    expect(c.stats).toMatchObject({ hits: 1, misses: 1 });
    // A new build (a new cache object over the same folder) does not draw it either.
    const next = cache({ dir });
    expect(await next.c.get(story)).toEqual(first);
    expect(next.render).not.toHaveBeenCalled();
  });

  it('keys by title, dek and kicker, unambiguously', () => {
    const { c } = cache();
    const k = c.key(story);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(c.key({ ...story })).toBe(k);
    expect(c.key({ ...story, title: 'Why the river flooded again' })).not.toBe(k);
    expect(c.key({ ...story, dek: 'Two causes.' })).not.toBe(k);
    expect(c.key({ ...story, kicker: 'Analysis' })).not.toBe(k);
    // Fields do not run into each other.
    expect(c.key({ title: 'ab', dek: 'c', kicker: '' })).not.toBe(c.key({ title: 'a', dek: 'bc', kicker: '' }));
  });

  it('a changed font or renderer version gives a different key', () => {
    const k = cache().c.key(story);
    expect(cache({ fonts: [fonts[0]!, Buffer.from('font 700 bytes, hinted')] }).c.key(story)).not.toBe(k);
    expect(cache({ fonts: [fonts[1]!, fonts[0]!] }).c.key(story)).not.toBe(k);
    expect(cache({ version: 'v2' }).c.key(story)).not.toBe(k);
    expect(cache().c.key(story)).toBe(k);
  });

  it('draws again after a change, and keeps both images', async () => {
    const dir = freshDir();
    const { c, render } = cache({ dir });
    await c.get(story);
    const changed = await c.get({ ...story, title: 'A new title' });
    expect(render).toHaveBeenCalledTimes(2);
    expect(changed).toEqual(fakePng({ ...story, title: 'A new title' }));
    expect(readdirSync(dir).sort()).toEqual([`${c.key(story)}.png`, `${c.key({ ...story, title: 'A new title' })}.png`].sort());
  });

  it('writes <dir>/<key>.png that round-trips, and leaves no temporary files', async () => {
    const dir = freshDir();
    const { c } = cache({ dir });
    const png = await c.get(story);
    const file = path.join(dir, `${c.key(story)}.png`);
    expect(readFileSync(file)).toEqual(png);
    expect(readFileSync(file)).toEqual(fakePng(story));
    expect(readdirSync(dir)).toEqual([`${c.key(story)}.png`]);
  });

  it('draws again over a damaged file', async () => {
    const dir = freshDir();
    const { c } = cache({ dir });
    const png = await c.get(story);
    const file = path.join(dir, `${c.key(story)}.png`);
    writeFileSync(file, png.subarray(0, 20));
    const again = cache({ dir });
    expect(await again.c.get(story)).toEqual(png);
    expect(again.render).toHaveBeenCalledTimes(1);
    expect(readFileSync(file)).toEqual(png);
  });

  it('still returns the image when the folder cannot be written, and says so once', async () => {
    const notAFolder = path.join(tmp, 'a-file');
    writeFileSync(notAFolder, '');
    const { c, warn } = cache({ dir: path.join(notAFolder, 'og') });
    expect(await c.get(story)).toEqual(fakePng(story));
    expect(await c.get({ ...story, title: 'Another' })).toEqual(fakePng({ ...story, title: 'Another' }));
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('lives in the Astro cache folder', () => {
    expect(ogCacheDir({ ASTRO_CACHE_DIR: '/ci/cache' })).toBe(path.resolve('/ci/cache/og'));
    expect(ogCacheDir({})).toBe(path.resolve('node_modules/.astro/og'));
  });

  it('with the real renderer: a cached image is byte for byte a fresh render', async () => {
    const dir = freshDir();
    const real = () => createOgCache({ dir, version: OG_RENDERER_VERSION, fonts: ogFontData(), render: ({ title, dek, kicker }) => renderOgImage(title, dek, kicker) });
    const input = { ...story, kicker: OG_DEFAULT_KICKER };
    const fresh = await renderOgImage(input.title, input.dek);
    const miss = await real().get(input);
    const second = real();
    const hit = await second.get(input);
    expect(second.stats).toMatchObject({ hits: 1, misses: 0 });
    expect(miss.equals(fresh)).toBe(true);
    expect(hit.equals(fresh)).toBe(true);
    expect(OG_RENDERER_VERSION).toMatch(/@napi-rs\/canvas \d+\.\d+\.\d+; zlib \d+\.\d+/);
  });
});
