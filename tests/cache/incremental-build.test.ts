/**
 * The cache never lies (issue 24, item 4): an incremental build, which copies every page whose
 * cacheKey and code are unchanged from the last build, makes the same site as a clean build.
 *
 * A scratch copy of the site with three stories (the real one and the two valid fixtures), one
 * story a front page so that they make paginated front pages too (a real site needs 21), is built
 * once. Then each step below changes it, and it is built again with `node scripts/build.ts`, as
 * `npm run build` does: its own Astro cache kept from build to build, its dist/ replaced, the
 * replaced build lending its .gz/.br files. A fresh copy of the same tree, with no cache and no
 * previous build, is built beside it, and the two folders must hold the same files, byte for byte:
 * none missing, no orphans. The nginx and Caddy configs name the folder they were built into; they
 * are compared with that folder's path replaced by a placeholder.
 *
 * The steps run in order, each on the tree the one before left (a failed step does not stop the
 * ones after it). Two builds a step: a few minutes in all.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySite } from '../../scripts/site-copy.ts';

const ROOT = path.resolve('.tmp', `incremental-build-${process.pid}`);
/** Built incrementally after each step. */
const SITE = path.join(ROOT, 'site');
/** A fresh copy of SITE after each step, built with nothing from an earlier build. */
const CLEAN = path.join(ROOT, 'clean');
const STORIES = 'content/stories';
const STARTING_STORIES = ['content/stories/openai-shifts-partners.mdx', 'tests/fixtures/valid/port-strike.mdx', 'tests/fixtures/valid/at-the-caps.mdx'];
/** A build takes 10–40 s on a busy 2-core machine; a step makes two. */
const TIMEOUT = 600_000;
/** The folder the server configs name (scripts/build.ts: SERVER_ROOT defaults to the output folder). */
const OWN_FOLDER = '<the build folder>';

/** Replaces `from` with `to` in a file of SITE; `from` must occur exactly once, so a step cannot silently change nothing. */
function edit(file: string, from: string, to: string) {
  const text = readFileSync(path.join(SITE, file), 'utf8');
  expect(text.split(from), `"${from}" occurs once in ${file}`).toHaveLength(2);
  writeFileSync(path.join(SITE, file), text.replace(from, to));
}

/** Whether a built file holds `text` (a boolean, so a failure names the file instead of printing the page). */
const holds = (dist: string, file: string, text: string) => readFileSync(path.join(dist, file), 'utf8').includes(text);
/** The build log's line for a page Astro copied from its cache instead of rendering it. */
const restoredLine = (file: string) => new RegExp(`├─ ${file.replaceAll('.', '\\.')} \\(restored\\)`);

interface Step {
  name: string;
  change: () => void;
  /** What the change shows in the incremental build (proof that the step changed something a reader sees). */
  shows: (dist: string, log: string) => void;
}

const STEPS: Step[] = [
  {
    name: 'edit a paragraph',
    change: () => edit(`${STORIES}/port-strike.mdx`, 'The strike ended on April 13', 'The walkout ended on April 13'),
    shows: (dist, log) => {
      expect(holds(dist, 'port-strike/index.html', 'The walkout ended'), 'the edited page').toBe(true);
      // The cache is in use: the other stories' pages came from it, the edited one did not.
      expect(log).toMatch(restoredLine('/openai-shifts-partners/index.html'));
      expect(log).toMatch(restoredLine('/og/at-the-caps.png'));
      expect(log).not.toMatch(restoredLine('/port-strike/index.html'));
      // And the replaced build lent its compressed files to the ones that did not change.
      expect(log).toMatch(/\([1-9]\d* unchanged since the last build\)/);
    },
  },
  {
    name: 'edit a frontmatter field',
    change: () => edit(`${STORIES}/port-strike.mdx`, 'title: Port strike ends after talks', 'title: Port strike ends after long talks'),
    shows: (dist) => {
      for (const file of ['port-strike/index.html', 'port-strike/s/timeline/index.html', 'rss.xml']) {
        expect(holds(dist, file, 'Port strike ends after long talks'), file).toBe(true);
      }
    },
  },
  {
    name: 'add a story',
    change: () => {
      copyFileSync('tests/fixtures/valid/port-strike.mdx', path.join(SITE, STORIES, 'dock-talks.mdx'));
      edit(`${STORIES}/dock-talks.mdx`, 'title: Port strike ends after talks', 'title: Dock talks end with a new contract');
    },
    shows: (dist) => {
      expect(holds(dist, 'dock-talks/index.html', 'Dock talks end with a new contract'), 'the new story').toBe(true);
      expect(existsSync(path.join(dist, 'page/4/index.html')), 'a fourth front page').toBe(true);
    },
  },
  {
    name: 'delete a story',
    change: () => rmSync(path.join(SITE, STORIES, 'at-the-caps.mdx')),
    shows: (dist) => {
      for (const file of ['at-the-caps/index.html', 'og/at-the-caps.png', 'page/4/index.html']) expect(existsSync(path.join(dist, file)), file).toBe(false);
    },
  },
  {
    name: 'change a component',
    change: () => edit('src/layouts/BaseLayout.astro', 'news, explained, every fact cited.', 'news, explained, with every fact cited.'),
    shows: (dist) => expect(holds(dist, 'port-strike/index.html', 'with every fact cited'), 'the footer').toBe(true),
  },
  {
    // Every page's CSP lists the hashes of all the site's styles: the story page must follow the share page's.
    name: 'change a style that only share pages use',
    change: () => edit('src/pages/[slug]/s/[section].astro', 'max-width: 36rem; margin: 0 auto; padding: 2.5rem', 'max-width: 38rem; margin: 0 auto; padding: 2.5rem'),
    shows: (dist) => expect(holds(dist, 'port-strike/s/timeline/index.html', 'max-width:38rem'), 'the share page').toBe(true),
  },
  {
    name: 'change the site’s name (src/lib/site.ts)',
    change: () => edit('src/lib/site.ts', "SITE_NAME = 'The Explainer'", "SITE_NAME = 'The Weekly Explainer'"),
    shows: (dist) => {
      for (const file of ['port-strike/index.html', 'port-strike/s/timeline/index.html', 'rss.xml']) expect(holds(dist, file, 'The Weekly Explainer'), file).toBe(true);
    },
  },
  {
    name: 'change the site’s address (astro.config.mjs)',
    change: () => edit('astro.config.mjs', "?? 'https://explainers.example.org'", "?? 'https://news.example.net'"),
    shows: (dist) => expect(holds(dist, 'port-strike/index.html', 'https://news.example.net/port-strike/'), 'the canonical URL').toBe(true),
  },
];

/** `node scripts/build.ts` in a copy of the site, with nothing from this shell's environment that a build reads. */
function build(site: string, name: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' };
  for (const key of ['ASTRO_CACHE_DIR', 'STORIES_DIR', 'OUT_DIR', 'SERVER_ROOT', 'PREVIOUS_BUILD', 'SITE_URL', 'CONTACT_EMAIL', 'NODE_ENV']) delete env[key];
  // stdout and stderr into one file, in the order a terminal shows them.
  const log = path.join(ROOT, `${name}.log`);
  const fd = openSync(log, 'w');
  const started = performance.now();
  const r = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: site, stdio: ['ignore', fd, fd], env, timeout: TIMEOUT });
  closeSync(fd);
  const output = readFileSync(log, 'utf8');
  if (r.status !== 0) throw new Error(`the build in ${site} failed (${log}):\n${output.slice(-3000)}`);
  return { output, seconds: (performance.now() - started) / 1000 };
}

/** A clean build of the tree SITE holds now: a fresh copy, with no Astro cache and no earlier dist/. */
function buildClean(name: string) {
  rmSync(CLEAN, { recursive: true, force: true });
  copySite(CLEAN, { project: SITE, withContent: true });
  return build(CLEAN, name);
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** A built file's bytes; a server config's with the folder it names (its own) replaced by a placeholder. */
function contents(dist: string, file: string): Buffer {
  const bytes = readFileSync(path.join(dist, file));
  return file.startsWith(`_server${path.sep}`) ? Buffer.from(bytes.toString('utf8').replaceAll(dist, OWN_FOLDER)) : bytes;
}

/** Where two versions of a file first differ, with a little of each for a text file. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.subarray(0, 4000).includes(0)) return `differs from byte ${i} (${a.length} bytes incremental, ${b.length} clean)`;
  const around = (x: Buffer) => JSON.stringify(x.subarray(Math.max(0, i - 40), i + 80).toString('utf8'));
  return `differs from byte ${i}: incremental ${around(a)}, clean ${around(b)}`;
}

/** Every way the incremental build differs from the clean one, one line each: none when they are the same site. */
function differences(incremental: string, clean: string): string[] {
  const inc = filesUnder(incremental);
  const cl = filesUnder(clean);
  const found = [...inc.filter((f) => !cl.includes(f)).map((f) => `${f}: only in the incremental build (an orphan)`), ...cl.filter((f) => !inc.includes(f)).map((f) => `${f}: missing from the incremental build`)];
  for (const file of inc.filter((f) => cl.includes(f))) {
    const [a, b] = [contents(incremental, file), contents(clean, file)];
    if (!a.equals(b)) found.push(`${file}: ${firstDifference(a, b)}`);
  }
  return found;
}

/** How many pages and endpoints the build copied from its cache, of all it wrote. */
function restoredCount(log: string): string {
  return `${log.match(/\(restored\)/g)?.length ?? 0} of ${log.match(/├─/g)?.length ?? 0} restored`;
}

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe('the comparison of two builds', () => {
  it('names each orphan, each missing file and each file that differs, and reads a server config with its own folder normalised', () => {
    const [a, b] = [path.join(ROOT, 'compare-a'), path.join(ROOT, 'compare-b')];
    for (const dir of [a, b]) rmSync(dir, { recursive: true, force: true });
    const write = (dir: string, file: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    };
    for (const dir of [a, b]) {
      write(dir, 'same.html', '<p>same</p>');
      write(dir, '_server/Caddyfile', `root * "${dir}"`);
    }
    write(a, 'page.html', '<p>restored</p>');
    write(b, 'page.html', '<p>rendered</p>');
    write(a, 'gone/index.html', 'a deleted story');
    write(b, 'new/index.html', 'an added story');

    expect(differences(a, b)).toEqual([
      'gone/index.html: only in the incremental build (an orphan)',
      'new/index.html: missing from the incremental build',
      'page.html: differs from byte 5: incremental "<p>restored</p>", clean "<p>rendered</p>"',
    ]);
  });
});

describe('an incremental build makes the same site as a clean build', () => {
  beforeAll(() => {
    rmSync(ROOT, { recursive: true, force: true });
    copySite(SITE);
    mkdirSync(path.join(SITE, STORIES), { recursive: true });
    for (const story of STARTING_STORIES) copyFileSync(story, path.join(SITE, STORIES, path.basename(story)));
    edit('src/lib/front-page.ts', 'STORIES_PER_PAGE = 20', 'STORIES_PER_PAGE = 1');
    build(SITE, '0-first');
    // Every kind of page is there to be restored, or wrongly not replaced.
    for (const file of ['index.html', 'page/2/index.html', 'about/index.html', '404.html', 'port-strike/index.html', 'port-strike/s/timeline/index.html', 'og/port-strike.png', 'og/port-strike/timeline.png', 'og/page.home.png', 'feed-icon.png', 'rss.xml', 'rss.xml.br', 'sitemap-0.xml', 'robots.txt', '_headers', '_server/nginx/server.conf', '_server/Caddyfile']) {
      expect(existsSync(path.join(SITE, 'dist', file)), file).toBe(true);
    }
  }, TIMEOUT);

  STEPS.forEach((step, i) => {
    it(`after: ${step.name}`, () => {
      step.change();

      const incremental = build(SITE, `${i + 1}-incremental`);
      const clean = buildClean(`${i + 1}-clean`);
      console.log(`${step.name}: ${restoredCount(incremental.output)}; incremental ${incremental.seconds.toFixed(1)} s, clean ${clean.seconds.toFixed(1)} s`);

      expect(differences(path.join(SITE, 'dist'), path.join(CLEAN, 'dist'))).toEqual([]);
      step.shows(path.join(SITE, 'dist'), incremental.output);
    }, TIMEOUT);
  });
});
