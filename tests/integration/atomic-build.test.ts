/**
 * Atomic builds: `node scripts/build.ts` (what `npm run build` and `npm start`
 * run) replaces its output folder only when the build succeeds. A build that
 * fails, on bad content or inside Astro itself, leaves the previous site byte
 * for byte, and the editor reads one line per problem, not a stack trace.
 *
 * Every build here has its own output folder and Astro cache under .tmp/, so
 * it never touches dist/ or the shared cache.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySite } from '../../scripts/site-copy.ts';
import { BROKEN_DIR, expectations } from '../helpers/fixtures.ts';

const ROOT = path.resolve('.tmp', `atomic-build-${process.pid}`);
const OUT = path.join(ROOT, 'site');
const REAL_STORY = path.resolve('content/stories/openai-shifts-partners.mdx');
const TIMEOUT = 240_000;

let builds = 0;
function build(name: string, storiesDir?: string, cwd = process.cwd()) {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: path.join(ROOT, `cache-${name}`), FORCE_COLOR: '0', NO_COLOR: '1' };
  delete env.STORIES_DIR;
  delete env.OUT_DIR;
  if (storiesDir) env.STORIES_DIR = storiesDir;
  // stdout and stderr into one file, in the order a terminal shows them.
  const log = path.join(ROOT, `build-${name}-${++builds}.log`);
  mkdirSync(ROOT, { recursive: true });
  const fd = openSync(log, 'w');
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', OUT], { cwd, stdio: ['ignore', fd, fd], env, timeout: TIMEOUT });
  closeSync(fd);
  return { status: r.status, output: readFileSync(log, 'utf8') };
}

/** A folder of stories: the real one, plus the given fixture files. */
function storiesWith(name: string, ...fixtures: string[]): string {
  const dir = path.join(ROOT, `stories-${name}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(REAL_STORY, path.join(dir, path.basename(REAL_STORY)));
  for (const f of fixtures) copyFileSync(path.join(BROKEN_DIR, f), path.join(dir, f));
  return dir;
}

/** Every file under `dir`, with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const OUT_REL = path.relative(process.cwd(), OUT);

/**
 * What an editor reads of a refused build: the count, one line per problem, and that the
 * site was left alone. Nothing else: no "unhandled error" preamble, no stack trace, no ":0:0".
 */
function lastReport(output: string): string[] {
  const at = output.lastIndexOf('Story content has ');
  expect(at, 'the build ends with the list of problems').toBeGreaterThanOrEqual(0);
  const report = output.slice(at).trimEnd().split('\n');
  expect(report.at(-1)).toBe(`Build failed: ${OUT_REL}/ was left as it was.`);
  expect(report.at(-2)).toBe('');
  const lines = report.slice(1, -2);
  expect(report[0]).toBe(`Story content has ${lines.length === 1 ? '1 problem' : `${lines.length} problems`}; nothing was published:`);
  for (const line of lines) expect(line).toMatch(/^\S+\.mdx(:\d+)? · .+\. Fix: \S.*$/);
  expect(output).not.toMatch(/:0:0|unhandled error/);
  expect(output.slice(0, at).trim(), 'nothing before the problems').toBe('');
  return lines;
}

/** The fixture's `# expect:` lines, in order, and nothing else. */
function expectLines(lines: string[], expectedLines: string[]) {
  expect(lines).toHaveLength(expectedLines.length);
  expectedLines.forEach((e, i) => expect(lines[i]!.slice(0, e.length)).toBe(e));
}

/** Content problems found before Astro starts: nothing from Astro, no stack trace, no schema dump; exit 1, as check:content. */
function expectStoppedByPreCheck(status: number | null, output: string) {
  expect(status).toBe(1);
  expect(output).not.toContain('[content] Syncing content');
  expect(output).not.toMatch(/Stack trace:|^\s+at .+:\d+:\d+\)?$|node_modules/m);
  expect(output).not.toMatch(/ZodError|InvalidContentEntryDataError|does not match collection schema|Invalid input/);
}

/** Where a fixture sits in a folder of stories made by `storiesWith`. */
const copied = (name: string, fixture: string) => path.join(path.relative(process.cwd(), ROOT), `stories-${name}`, fixture);
const expected = (name: string, fixture: string) =>
  expectations(path.join(BROKEN_DIR, fixture)).map((e) => e.replace(`tests/fixtures/broken/${fixture}`, copied(name, fixture)));

describe('atomic build', () => {
  let before: Record<string, string>;

  beforeAll(() => {
    rmSync(ROOT, { recursive: true, force: true });
    const first = build('good');
    expect(first.output).toContain('Built into');
    expect(first.status).toBe(0);
    // A file no build writes: it stays only as long as this folder is never replaced.
    writeFileSync(path.join(OUT, 'previous-site.txt'), 'the last good site\n');
    before = snapshot(OUT);
    expect(Object.keys(before)).toContain('index.html');
  }, TIMEOUT);

  afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

  it('refuses stories with frontmatter and body problems (an unknown topic among them) before Astro starts, lists them all, and keeps the site', () => {
    const { status, output } = build('several', storiesWith('several', 'several-problems.mdx', 'topic-unknown.mdx'));
    expectStoppedByPreCheck(status, output);
    expectLines(lastReport(output), [...expected('several', 'several-problems.mdx'), ...expected('several', 'topic-unknown.mdx')]);
    expect(snapshot(OUT)).toEqual(before);
  }, TIMEOUT);

  it('refuses an unquoted impossible date before Astro reads it (Astro would roll 2026-02-30 over to March 2)', () => {
    const { status, output } = build('unquoted', storiesWith('unquoted', 'date-feb-30-unquoted.mdx'));
    expectStoppedByPreCheck(status, output);
    expectLines(lastReport(output), expected('unquoted', 'date-feb-30-unquoted.mdx'));
    expect(snapshot(OUT)).toEqual(before);
  }, TIMEOUT);

  it('refuses broken MDX syntax before Astro compiles it, with the readable line, and keeps the site', () => {
    const { status, output } = build('syntax', storiesWith('syntax', 'mdx-unclosed-tag.mdx'));
    expectStoppedByPreCheck(status, output);
    expectLines(lastReport(output), expected('syntax', 'mdx-unclosed-tag.mdx'));
    expect(snapshot(OUT)).toEqual(before);
  }, TIMEOUT);

  it('refuses an uncited paragraph with the same rules the compile runs, and keeps the site', () => {
    const { status, output } = build('uncited', storiesWith('uncited', 'uncited-paragraph.mdx'));
    expectStoppedByPreCheck(status, output);
    expectLines(lastReport(output), expected('uncited', 'uncited-paragraph.mdx'));
    expect(snapshot(OUT)).toEqual(before);
  }, TIMEOUT);

  it('keeps the site when the build fails while Astro writes pages, and removes the half-built work folder', () => {
    // A copy of the site with one more page, which fails as it renders: by then Astro has
    // written other files into the work folder. The page says what it saw there.
    const site = copySite(path.join(ROOT, 'failing-site'), { withContent: true });
    writeFileSync(
      path.join(site, 'src/pages/zz-fails.astro'),
      `---
import { readdirSync } from 'node:fs';
const work = readdirSync('.tmp').filter((d) => d.startsWith('build-'));
const files = work.flatMap((d) => readdirSync('.tmp/' + d, { recursive: true }));
console.log('work folders: ' + work.map((d) => '.tmp/' + d).join(' ') + ' with ' + files.length + ' files');
throw new Error('this page fails on purpose');
---
`,
    );
    const { status, output } = build('late', undefined, site);
    expect(status).not.toBe(0);
    expect(output).toContain('this page fails on purpose');
    expect(output).not.toContain('Story content has'); // not a content problem: nothing to list
    // Built from the copy, so the folder is named relative to it.
    expect(output.trimEnd()).toMatch(new RegExp(`Build failed: \\S*${path.basename(OUT)}/ was left as it was\\.$`));
    expect(snapshot(OUT)).toEqual(before);
    const seen = /work folders: (\S+) with (\d+) files/.exec(output);
    expect(seen, 'the failing page saw the work folder').not.toBeNull();
    expect(Number(seen![2]), 'Astro had written files into it').toBeGreaterThan(0);
    expect(existsSync(path.join(site, seen![1]!)), 'the failed build removed it').toBe(false);
  }, TIMEOUT);

  it('replaces the site when a build succeeds, its log listing one route a line', () => {
    const { status, output } = build('good');
    expect(status, output).toBe(0);
    const routes = output.split('\n').filter((l) => l.includes('├─'));
    expect(routes.length, output).toBeGreaterThan(10);
    for (const line of routes) expect(line).toMatch(/^\d\d:\d\d:\d\d +├─ \/\S+( \((restored|cached)\))?$/);
    const after = snapshot(OUT);
    expect(after).toHaveProperty(['index.html']);
    expect(after).not.toHaveProperty(['previous-site.txt']);
  }, TIMEOUT);
});
