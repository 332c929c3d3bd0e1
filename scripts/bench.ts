/**
 * Build benchmark (npm run bench): prints figures, is not a test.
 *
 * For each size N it writes N synthetic stories (scripts/bench-stories.ts) into
 * a temporary content folder and times clean builds of the site (no output
 * folder, no Astro cache: "cold"), median of several runs, with the peak memory
 * of the build's process tree. Each run also builds the floor: Astro's default
 * markdown processor with none of our plugins and no pre-check (BENCH_FLOOR=1
 * in astro.config.mjs), on the same stories with the plugins' work done in
 * advance. And a "warm" build: the site again with no output folder, but with
 * the Astro cache folder that run's cold build left (OG images, content layer
 * data store), as a CI that keeps ASTRO_CACHE_DIR sees it when the stories have
 * not changed; its output is checked to be the same bytes as the cold build's.
 * Then the byte budgets of the pages built, the number of nginx location blocks
 * the build wrote (the same at every size), and the time of the frontmatter
 * pre-check on its own.
 *
 * Every build runs with the heap cap scripts/build.ts uses (scripts/node-options.ts).
 *
 * Builds run on a copy of the site's code (astro.config.mjs, package.json,
 * tsconfig.json, src/, public/; node_modules linked) in the OS temp folder, as
 * its own Astro root: Astro writes .astro/content-modules.mjs (the story list)
 * into the root, and a build whose outDir is outside the root puts its
 * prerender chunks in the root's .astro/. So dist/, .astro/ and
 * node_modules/.astro of the project are left alone, and other builds running
 * at the same time cannot swap story lists with the benchmark.
 *
 * Environment:
 *   BENCH_SIZES=1,100,1000   story counts
 *   BENCH_RUNS=3             builds per size and variant (the median is reported)
 *   BENCH_NO_FLOOR=1         skip the floor builds
 *   BENCH_NO_WARM=1          skip the warm-cache builds
 *   BENCH_PROFILE=1          also one build of the largest size under --cpu-prof, summarised
 *   BENCH_KEEP=1             keep the temporary folder (stories, outputs, logs, profiles)
 */
import { execSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { copySite } from './site-copy.ts';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatTable } from '../tools/budgets.ts';
import { checkStories, listStoryFiles } from '../src/checks/check-story.ts';
import { writeStories } from './bench-stories.ts';
import { measureSite, summaryRows } from './budgets.ts';
import { withHeapCap } from './node-options.ts';

/** site: the real build, cold (empty cache). warm: the same, with the cache of that run's site build. floor: see above. */
type Variant = 'site' | 'warm' | 'floor';
const LABEL: Record<Variant, string> = { site: 'site, cold', warm: 'site, warm cache', floor: 'floor, cold' };
interface Run {
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds (user + system) of the build and its children, from /usr/bin/time; NaN without it. */
  cpu: number;
  peakMb: number;
  phases: Phases;
  /** One-minute load average when the run started: other work on the machine. */
  load: number;
}
interface Phases {
  /** Content layer: loading and validating the collection. */
  content: number;
  /** Vite bundling, which compiles every MDX file through the markdown pipeline. */
  bundle: number;
  /** Rendering every route (pages, OG images, feed). */
  render: number;
  /** Of render: the OG images (/og/*.png), summed from the per-route times. */
  og: number;
  /** Of render: the story pages (/<slug>/index.html). */
  pages: number;
  /** After the server config and precompression, the wait for the card pool to finish the section cards ([share-cards] line). */
  cardWait: number;
  /** OG cards drawn and read from the cache, with milliseconds per card of each (the build's [og-report] line). */
  cardsDrawn: number;
  msPerDrawn: number;
  cardsRead: number;
  msPerRead: number;
}

const project = path.resolve(import.meta.dirname, '..');
const sizes = (process.env.BENCH_SIZES ?? '1,100,1000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const variants: Variant[] = (['site', 'floor', 'warm'] as const).filter(
  (v) => !(v === 'floor' && process.env.BENCH_NO_FLOOR === '1') && !(v === 'warm' && process.env.BENCH_NO_WARM === '1'),
);
/** Table order: the two site builds, then the floor. */
const shown: Variant[] = (['site', 'warm', 'floor'] as const).filter((v) => variants.includes(v));
const work = mkdtempSync(path.join(os.tmpdir(), 'explainer-bench-'));
/** The Astro root the builds run in: a copy of the site's code. */
const root = path.join(work, 'site');
const astroBin = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

const copyBenchSite = () => copySite(root, { project });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const progress = (s: string) => process.stderr.write(`${s}\n`);

/** Every process in the tree under pid (Linux /proc). */
function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${all[i]}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        for (const c of readFileSync(`/proc/${all[i]}/task/${t}/children`, 'utf8').split(' ')) if (c.trim()) all.push(Number(c));
      } catch {
        /* gone */
      }
    }
  }
  return all;
}
function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Phase times from Astro's build log, in seconds. */
export function parsePhases(log: string): Phases {
  const clean = log.replace(/\x1b\[[0-9;]*m/g, '');
  // "850ms", "12.5s", or over a minute "2m 54s".
  const secs = (v: string, unit: string) => (/m /.test(v) ? Number(v.split('m ')[0]) * 60 + Number(v.split('m ')[1]) : Number(v) / (unit === 'ms' ? 1000 : 1));
  const completed = [...clean.matchAll(/Completed in ((?:\d+m )?[\d.]+)(ms|s)/g)].map((m) => secs(m[1]!, m[2]!));
  const vite = [...clean.matchAll(/\[vite\] ✓ built in ([\d.]+)(ms|s)/g)].map((m) => secs(m[1]!, m[2]!));
  const renderMatch = /generating static routes[\s\S]*?Completed in ((?:\d+m )?[\d.]+)(ms|s)/.exec(clean);
  const routes = (re: RegExp) => [...clean.matchAll(re)].reduce((sum, m) => sum + secs(m[1]!, m[2]!), 0);
  const og = /OG images: (\d+) drawn \(([\d.]+) ms each[^)]*\), (\d+) read from the cache \(([\d.]+) ms each/.exec(clean);
  return {
    cardsDrawn: og ? Number(og[1]) : NaN,
    msPerDrawn: og ? Number(og[2]) : NaN,
    cardsRead: og ? Number(og[3]) : NaN,
    msPerRead: og ? Number(og[4]) : NaN,
    content: completed[0] ?? NaN,
    bundle: vite.reduce((a, b) => a + b, 0),
    render: renderMatch ? secs(renderMatch[1]!, renderMatch[2]!) : NaN,
    og: routes(/├─ \/og\/[^ ]+\.png \(\+([\d.]+)(ms|s)\)/g),
    pages: routes(/├─ \/(?!og\/)[^ /]+\/index\.html \(\+([\d.]+)(ms|s)\)/g),
    cardWait: Number(/waited ([\d.]+) s for the card pool/.exec(clean)?.[1] ?? NaN),
  };
}

/**
 * One build with no output folder; returns wall time, peak memory of the process tree, and the phases.
 * Cold (no cacheDir given): a new, empty Astro cache folder, deleted afterwards unless keepCache.
 * Warm: the given cache folder, as a previous build left it.
 */
async function build(
  storiesDir: string,
  variant: Variant,
  tag: string,
  { nodeArgs = [], cacheDir: warmCache, keepCache = false }: { nodeArgs?: string[]; cacheDir?: string; keepCache?: boolean } = {},
): Promise<Run & { outDir: string; cacheDir: string }> {
  // Inside the root: Astro puts the prerender chunks next to an outDir there, not in .astro/.
  const outDir = path.join(root, 'bench-out', tag);
  const cacheDir = warmCache ?? path.join(work, `cache-${tag}`);
  rmSync(outDir, { recursive: true, force: true });
  if (!warmCache) rmSync(cacheDir, { recursive: true, force: true });
  const logFile = path.join(work, `${tag}.log`);
  const timeFile = path.join(work, `${tag}.time`);
  const fd = openSync(logFile, 'w');
  const load = os.loadavg()[0]!;
  const started = performance.now();
  // GNU time reports the CPU time of the whole tree (esbuild included), which other work on the machine barely changes.
  const command = [process.execPath, ...nodeArgs, astroBin, 'build', '--outDir', outDir];
  const timed = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%U %S', '-o', timeFile, ...command] : command;
  const child = spawn(timed[0]!, timed.slice(1), {
    cwd: root,
    stdio: ['ignore', fd, fd],
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      STORIES_DIR: storiesDir,
      ASTRO_CACHE_DIR: cacheDir,
      BENCH_FLOOR: variant === 'floor' ? '1' : '0',
      // One server root for every build, so the nginx and Caddy configs of a warm build can equal the cold one's.
      SERVER_ROOT: '/srv/explainer',
      // The same heap cap as scripts/build.ts.
      NODE_OPTIONS: withHeapCap(process.env.NODE_OPTIONS),
    },
  });
  let peakKb = 0;
  const poll = setInterval(() => {
    if (!child.pid) return;
    peakKb = Math.max(peakKb, processTree(child.pid).reduce((sum, p) => sum + rssKb(p), 0));
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(poll);
  closeSync(fd);
  const log = readFileSync(logFile, 'utf8');
  if (code !== 0) {
    console.error(`Build ${tag} failed (exit ${code}); the end of its log (${logFile}):\n${log.split('\n').slice(-30).join('\n')}`);
    process.exit(1);
  }
  if (!keepCache) rmSync(cacheDir, { recursive: true, force: true });
  const [user, sys] = existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number) : [NaN, NaN];
  return { seconds, cpu: user! + sys!, peakMb: existsSync('/proc/self/status') ? peakKb / 1024 : NaN, phases: parsePhases(log), load, outDir, cacheDir };
}

/** Files that differ between two output folders (missing on either side, or other bytes): relative paths. */
export function differingFiles(a: string, b: string): string[] {
  const list = (dir: string) => new Set(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))));
  const [left, right] = [list(a), list(b)];
  const differ: string[] = [];
  for (const f of new Set([...left, ...right])) {
    if (!left.has(f) || !right.has(f) || !readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f)))) differ.push(f);
  }
  return differ.sort();
}

/** Self time of a V8 .cpuprofile, grouped by what the code belongs to. */
export function profileGroups(profile: { nodes: { id: number; callFrame: { url: string; functionName: string } }[]; samples: number[]; timeDeltas: number[] }): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const groups = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id);
    const group = frame ? groupOf(frame.url, frame.functionName) : '?';
    groups.set(group, (groups.get(group) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return groups;
}
function groupOf(url: string, fn: string): string {
  if (!url) return fn === '(garbage collector)' ? 'V8: garbage collection' : fn === '(idle)' ? 'idle (waiting: I/O, esbuild, workers)' : fn === '(program)' ? 'V8: native / compiler' : `native: ${fn}`;
  if (url.startsWith('node:')) return 'Node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) {
    if (/^(micromark|mdast-|remark-|@mdx-js|unified|vfile|unist-|markdown-table|ccount|decode-named|character-|parse-entities|longest-streak|zwitch|trim-lines|stringify-entities)/.test(pkg)) return 'markdown: parse + remark (micromark, mdast, @mdx-js)';
    if (/^(hast-|rehype-|property-information|html-void|space-separated|comma-separated|github-slugger|web-namespaces)/.test(pkg)) return 'markdown: rehype (hast)';
    if (/^(acorn|estree-|esast-|estree-walker|astring|recma-|periscopic|is-reference|source-map|@jridgewell)/.test(pkg)) return 'MDX to JavaScript (acorn, estree, source maps)';
    if (/^(vite|rollup|@rollup|rolldown|@rolldown|esbuild|magic-string|es-module-lexer|picomatch|tinyglobby|fdir)/.test(pkg)) return 'bundling (vite, rollup)';
    if (/^(@napi-rs|sharp|@img)/.test(pkg)) return 'OG images (canvas, sharp)';
    if (/^(zod|@astrojs\/internal-helpers)$/.test(pkg)) return 'validation (zod)';
    if (/^(js-yaml|yaml)$/.test(pkg)) return 'YAML';
    if (/^(qrcode|dijkstrajs|pngjs)$/.test(pkg)) return 'QR codes';
    if (pkg === 'astro' || pkg.startsWith('@astrojs/')) return `astro (${/astro\/dist\/([^/]+)/.exec(url)?.[1] ?? pkg})`;
    return `other package: ${pkg}`;
  }
  if (url.includes(`${root}/bench-out/`) || url.includes(`${root}/.astro/`)) {
    // Vite bundles our src/ code into chunks (the cards are drawn in worker threads, which the profile does not see).
    return 'built page code (components, bundled)';
  }
  if (url.includes('/src/')) return `our code: ${url.slice(url.indexOf('/src/') + 1)}`;
  return `other: ${path.basename(url)}`;
}

function machine(): string[] {
  const cpus = os.cpus();
  const astro = JSON.parse(readFileSync(path.join(project, 'node_modules', 'astro', 'package.json'), 'utf8')).version as string;
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: project, encoding: 'utf8' }).trim();
    if (execSync('git status --porcelain --untracked-files=no', { cwd: project, encoding: 'utf8' }).trim()) commit += ' + uncommitted changes';
  } catch {
    /* not a checkout */
  }
  return [
    `Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Machine: ${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${fmt(os.totalmem() / 2 ** 30, 1)} GB memory, ${os.type()} ${os.release()}`,
    `Node ${process.version}, astro ${astro}, commit ${commit}`,
    `Runs: ${runs} per size and build (median), sizes ${sizes.join(', ')}`,
  ];
}

// ---- main ----
if (import.meta.main) {
  const header = machine();
  copyBenchSite();
  progress(`${header.join('\n')}\nWorking in ${work}\n`);
  const results = new Map<string, Run[]>();
  const budgets = new Map<number, string>();
  const nginxLocations = new Map<number, number>();
  const warmChecks: string[] = [];
  const key = (n: number, v: Variant) => `${n}:${v}`;

  for (const n of sizes) {
    const dirs = { site: path.join(work, `stories-${n}`), floor: path.join(work, `floor-${n}`) };
    writeStories(dirs.site, n, 'site');
    if (variants.includes('floor')) writeStories(dirs.floor, n, 'floor');
    for (let r = 1; r <= runs; r++) {
      // Order per run: site (cold; its cache kept), floor (cold), warm (the site build's cache).
      let siteCache: string | undefined;
      let siteOut: string | undefined;
      for (const v of variants) {
        const run = await build(dirs[v === 'floor' ? 'floor' : 'site'], v, `${v}-${n}-${r}`, v === 'site' ? { keepCache: variants.includes('warm') } : v === 'warm' ? { cacheDir: siteCache } : {});
        progress(`N=${n} ${v} run ${r}/${runs}: ${fmt(run.seconds, 2)} s, peak ${fmt(run.peakMb)} MB`);
        results.set(key(n, v), [...(results.get(key(n, v)) ?? []), run]);
        if (v === 'site') {
          siteCache = run.cacheDir;
          siteOut = run.outDir;
          if (r === runs) {
            budgets.set(n, formatTable(summaryRows(measureSite(run.outDir))));
            nginxLocations.set(n, readFileSync(path.join(run.outDir, '_server', 'nginx', 'server.conf'), 'utf8').match(/^\s*location\s/gm)?.length ?? 0);
          }
          continue; // kept for the warm build's comparison (and, last run, the budgets)
        }
        if (v === 'warm') {
          // The cache must not change the site: the warm output is the cold output, byte for byte.
          const differ = differingFiles(siteOut!, run.outDir);
          warmChecks.push(`${fmt(n)} ${n === 1 ? 'story' : 'stories'}, run ${r}: ${differ.length ? `${differ.length} files differ (${differ.slice(0, 5).join(', ')}…)` : 'identical'}`);
          if (differ.length) progress(`  warm output differs from cold in ${differ.length} files: ${differ.slice(0, 5).join(', ')}`);
          rmSync(run.cacheDir, { recursive: true, force: true });
        }
        rmSync(run.outDir, { recursive: true, force: true });
      }
      if (siteOut && r !== runs) rmSync(siteOut, { recursive: true, force: true });
      if (siteCache) rmSync(siteCache, { recursive: true, force: true });
    }
  }

  const out: string[] = [...header, ''];
  out.push('Builds with no output folder, heap capped as scripts/build.ts does (NODE_OPTIONS=' + withHeapCap(process.env.NODE_OPTIONS) + ').');
  out.push('Cold: empty Astro cache. Warm: the Astro cache folder the same run\'s cold site build left (OG images, content');
  out.push('data store), stories unchanged. seconds: wall clock, median (min–max); CPU: user + system seconds of the build tree,');
  out.push('median; ms per story: median wall seconds ÷ N; ÷ floor: median wall seconds ÷ the floor\'s; peak memory: largest');
  out.push('RSS sum of the build tree over the runs; load: 1-minute load average at the start of each run (2 cores: above 2');
  out.push('means other work shared the machine). The last five columns are medians from Astro\'s log: start-up and content');
  out.push('layer, Vite bundling (compiles the MDX), rendering all routes, and of that the OG images and the story pages');
  out.push('(per-route times summed: routes render several at a time, so these can exceed render); then the wait, at the end,');
  out.push('for the pool to finish the section cards (drawn while pages render and precompression runs). Cards: OG images');
  out.push('drawn / read from the cache, and ms per card of each (drawn: a worker\'s own drawing time; read: cache lookup and read).', '');
  out.push('| stories | build | seconds | CPU s | ms per story | ÷ floor | peak memory | load | start + content | bundle | render | OG images | pages | card wait | cards drawn | ms per card drawn | cards from cache | ms per card read |');
  out.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const n of sizes) {
    const floorRuns = results.get(key(n, 'floor'));
    for (const v of shown) {
      const rs = results.get(key(n, v))!;
      const secs = rs.map((x) => x.seconds);
      const m = median(secs);
      const ph = (k: keyof Phases) => fmt(median(rs.map((x) => x.phases[k])), 2);
      const ratio = floorRuns ? fmt(m / median(floorRuns.map((x) => x.seconds)), 2) : '';
      out.push(
        `| ${fmt(n)} | ${LABEL[v]} | ${fmt(m, 2)} (${fmt(Math.min(...secs), 2)}–${fmt(Math.max(...secs), 2)}) | ${fmt(median(rs.map((x) => x.cpu)), 2)} | ${fmt((m * 1000) / n, 1)} | ${ratio} | ${fmt(Math.max(...rs.map((x) => x.peakMb)))} MB | ${rs.map((x) => fmt(x.load, 1)).join(', ')} | ${ph('content')} | ${ph('bundle')} | ${ph('render')} | ${ph('og')} | ${ph('pages')} | ${ph('cardWait')} | ${fmt(median(rs.map((x) => x.phases.cardsDrawn)))} | ${ph('msPerDrawn')} | ${fmt(median(rs.map((x) => x.phases.cardsRead)))} | ${ph('msPerRead')} |`,
      );
    }
  }
  out.push('', 'site: the real configuration (unified pipeline, remark/rehype plugins, pre-check). floor: BENCH_FLOOR=1, Astro\'s default');
  out.push('markdown processor, no plugins, no pre-check, same stories with citations numbered in advance.');
  if (warmChecks.length) out.push('', `Warm output against the same run's cold output: ${warmChecks.join('; ')}.`);
  out.push('');
  out.push('Growth and floor ratio (marginal ms per story: extra median time ÷ extra stories from the previous size)', '');
  out.push(`| stories | cold ÷ floor, wall | cold ÷ floor, CPU | warm ÷ floor, wall | warm ÷ floor, CPU | marginal ms per story, cold | marginal, warm | marginal, floor |`);
  out.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  sizes.forEach((n, i) => {
    const floorRuns = results.get(key(n, 'floor'));
    const ratio = (v: Variant, k: 'seconds' | 'cpu') => {
      const rs = results.get(key(n, v));
      return floorRuns && rs ? fmt(median(rs.map((x) => x[k])) / median(floorRuns.map((x) => x[k])), 2) : '';
    };
    const prev = sizes[i - 1];
    const marginal = (v: Variant) => {
      if (prev === undefined || !results.get(key(n, v))) return '';
      const a = median(results.get(key(prev, v))!.map((x) => x.seconds));
      const b = median(results.get(key(n, v))!.map((x) => x.seconds));
      return fmt(((b - a) * 1000) / (n - prev), 1);
    };
    out.push(`| ${fmt(n)} | ${ratio('site', 'seconds')} | ${ratio('site', 'cpu')} | ${ratio('warm', 'seconds')} | ${ratio('warm', 'cpu')} | ${marginal('site')} | ${marginal('warm')} | ${marginal('floor')} |`);
  });

  // The build's content check on its own (it runs before Astro starts): frontmatter and body.
  const largest = sizes.at(-1)!;
  await checkStories(listStoryFiles(path.join(work, `stories-${sizes[0]}`)));
  const t0 = performance.now();
  const problems = await checkStories(listStoryFiles(path.join(work, `stories-${largest}`)));
  const precheck = (performance.now() - t0) / 1000;
  out.push('', `Content check (src/checks/check-story.ts, run by src/integrations/story-checks.ts) alone: ${fmt(precheck, 2)} s for ${fmt(largest)} stories, ${fmt((precheck * 1000) / largest, 2)} ms each${problems.length ? ` (${problems.length} problems!)` : ''}`);

  out.push('', `nginx location blocks (_server/nginx/server.conf): ${sizes.map((n) => `${nginxLocations.get(n)} at ${fmt(n)} ${n === 1 ? 'story' : 'stories'}`).join(', ')}.`);
  for (const n of sizes) out.push('', `Byte budgets, ${fmt(n)} ${n === 1 ? 'story' : 'stories'} (bytes gzipped):`, '', '```', budgets.get(n)!, '```');

  if (process.env.BENCH_PROFILE === '1') {
    const profDir = path.join(work, 'profile');
    progress(`Profiling one build of ${largest} stories…`);
    const run = await build(path.join(work, `stories-${largest}`), 'site', `profile-${largest}`, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=500'] });
    const groups = new Map<string, number>();
    for (const f of readdirSync(profDir).filter((x) => x.endsWith('.cpuprofile'))) {
      for (const [g, ms] of profileGroups(JSON.parse(readFileSync(path.join(profDir, f), 'utf8')))) groups.set(g, (groups.get(g) ?? 0) + ms);
    }
    const total = [...groups.values()].reduce((a, b) => a + b, 0);
    out.push('', `CPU profile, one build of ${fmt(largest)} stories under --cpu-prof (${fmt(run.seconds, 1)} s wall; self time by what the code belongs to):`, '');
    out.push('| where | seconds | share |', '| --- | ---: | ---: |');
    for (const [g, ms] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 25)) out.push(`| ${g} | ${fmt(ms / 1000, 2)} | ${fmt((100 * ms) / total, 1)}% |`);
    rmSync(run.outDir, { recursive: true, force: true });
  }

  console.log(out.join('\n'));
  if (process.env.BENCH_KEEP === '1') progress(`\nKept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
