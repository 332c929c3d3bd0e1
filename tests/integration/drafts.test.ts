/**
 * Drafts (`draft: true`): a build leaves them out everywhere a reader could find them; the dev
 * server's test (dev-server.test.ts) shows one renders there with its banner.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_DIR } from '../helpers/fixtures.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'drafts-'));
const stories = path.join(tmp, 'stories');
const out = path.join(tmp, 'dist');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file of the build, and every text file's words, in one string. */
let files: string[] = [];
let text = '';
beforeAll(() => {
  mkdirSync(stories);
  copyFileSync(path.join(VALID_DIR, 'port-strike.mdx'), path.join(stories, 'port-strike.mdx'));
  const draft = readFileSync(path.join(VALID_DIR, 'port-strike.mdx'), 'utf8').replace(/^---\n/, '---\ndraft: true\n').replace(/^title: .*$/m, 'title: Harbour talks resume in secret');
  writeFileSync(path.join(stories, 'harbour-talks.mdx'), draft);
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', out], { encoding: 'utf8', env: { ...process.env, STORIES_DIR: stories, ASTRO_CACHE_DIR: path.join(tmp, 'cache') } });
  expect(r.status, r.stderr).toBe(0);
  files = readdirSync(out, { recursive: true, encoding: 'utf8' });
  text = files.filter((f) => /\.(html|xml|txt)$/.test(f)).map((f) => readFileSync(path.join(out, f), 'utf8')).join('\n');
}, 180_000);

describe('a draft in a build', () => {
  it('has no page, share page or card', () => {
    expect(existsSync(path.join(out, 'port-strike', 'index.html')), 'the published story is built').toBe(true);
    expect(files.filter((f) => f.includes('harbour-talks'))).toEqual([]);
  });

  // It shares its topic with the published story: so not in that topic's page, feed or count, nor in its related list.
  it('is in no feed, sitemap, front page, topic page, A–Z list or related list', () => {
    expect(text).toContain('/port-strike/');
    expect(text).not.toContain('harbour-talks');
    expect(text).not.toContain('Harbour talks resume in secret');
  });
});
