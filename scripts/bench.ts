/** npm run bench: the project against a plain Astro + MDX "floor" site; BENCHMARKS.md describes the method and holds the tables. */
import { execSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeStories, writeTopics } from './bench-stories.ts';
import { withHeapCap } from './node-options.ts';
import { copySite } from './site-copy.ts';

type Site = 'project' | 'floor';
type Kind = 'cold' | 'no-op' | 'edit';
interface Run { seconds: number; peakMb: number; routes: number; rendered: string[]; start: number; bundle: number; pages: number; search: number; precompress: string; load: number }

const project = path.resolve(import.meta.dirname, '..');
const list = (s: string) => s.split(',').map(Number).filter((n) => n > 0);
const sizes = list(process.env.BENCH_SIZES ?? '41,1000').sort((a, b) => a - b);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const concurrencies = list(process.env.BENCH_CONCURRENCY ?? '');
const largest = sizes.at(-1)!;
const work = mkdtempSync(path.join(os.tmpdir(), 'explainer-bench-'));
const roots: Record<Site, string> = { project: path.join(work, 'project'), floor: path.join(work, 'floor') };
const stories = (site: Site, n: number) => path.join(work, `${site}-stories-${n}`);

const FLOOR: Record<string, string> = {
  'package.json': '{ "type": "module" }\n',
  'astro.config.mjs': `import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
export default defineConfig({
  cacheDir: process.env.ASTRO_CACHE_DIR,
  integrations: [mdx()],
  experimental: { incrementalBuild: true },
  // As the project: no warning printed for each MDX file.
  vite: { cacheDir: '.vite', build: { rollupOptions: { onwarn: (w, warn) => w.code === 'MODULE_LEVEL_DIRECTIVE' || warn(w) } } },
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { stories: defineCollection({ loader: glob({ pattern: '*.mdx', base: process.env.STORIES_DIR }) }) };
`,
  'src/pages/[slug].astro': `---
import { getCollection, render } from 'astro:content';
import Box from '../Box.astro';
import Cite from '../Cite.astro';
export async function getStaticPaths() {
  return (await getCollection('stories')).map((entry) => ({ params: { slug: entry.id }, props: { entry }, cacheKey: String(entry.digest) }));
}
const { Content } = await render(Astro.props.entry);
---
<html lang="en"><head><meta charset="utf-8" /><title>{Astro.props.entry.data.title}</title></head>
<body><Content components={{ Cite, Part: Box, Analysis: Box }} /></body></html>
`,
  'src/Cite.astro': '<sup>{Astro.props.refs.map((r) => <a href={`#${r.anchor}`}>{r.n}</a>)}</sup>\n',
  'src/Box.astro': '<section><slot /></section>\n',
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const spread = (xs: number[]) => fmt(median(xs), 2) + (xs.length > 1 ? ` (${fmt(Math.min(...xs), 2)}–${fmt(Math.max(...xs), 2)})` : '');

function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    try {
      for (const t of readdirSync(`/proc/${all[i]}/task`)) {
        for (const c of readFileSync(`/proc/${all[i]}/task/${t}/children`, 'utf8').split(' ')) if (c.trim()) all.push(Number(c));
      }
    } catch {} // gone
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

// Stopping the bench stops the build's whole process tree (scripts/build.ts does not pass a signal on).
let running: number | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const pid of running ? processTree(running).reverse() : []) {
      try {
        process.kill(pid, signal);
      } catch {} // gone
    }
    process.stderr.write(`\nStopped (${signal}); the temp folder is left: ${work}\n`);
    process.exit(1);
  });
}

const TIME = String.raw`([\d.]+m?s|\d+m(?: \d+s)?)`;
function secs(t: string): number {
  const [, m = '0', s = '0', unit] = /^(?:(\d+)m ?)?(?:([\d.]+)(m?s))?$/.exec(t)!;
  return Number(m) * 60 + Number(s) / (unit === 'ms' ? 1000 : 1);
}

async function build(site: Site, n: number, tag: string, cacheDir: string, outDir: string): Promise<Run> {
  const logFile = path.join(work, 'logs', `${tag}.log`);
  const fd = openSync(logFile, 'w');
  const command = site === 'project' ? ['scripts/build.ts', '--outDir', outDir] : ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir];
  const load = os.loadavg()[0]!;
  const started = performance.now();
  const child = spawn(process.execPath, command, {
    cwd: roots[site],
    stdio: ['ignore', fd, fd],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', STORIES_DIR: stories(site, n), TOPICS_DIR: path.join(work, 'topics'), ASTRO_CACHE_DIR: cacheDir, NODE_OPTIONS: withHeapCap(process.env.NODE_OPTIONS) },
  });
  running = child.pid;
  let peakKb = 0;
  const poll = setInterval(() => (peakKb = Math.max(peakKb, processTree(child.pid!).reduce((sum, p) => sum + rssKb(p), 0))), 50);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  running = undefined;
  clearInterval(poll);
  closeSync(fd);
  const log = readFileSync(logFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  if (code !== 0) {
    console.error(`Build ${tag} failed (exit ${code}); the end of ${logFile}:\n${log.split('\n').slice(-30).join('\n')}`);
    process.exit(1);
  }
  // Each route's line: "├─ /path" then " (restored)", or the time it took to render.
  const routes = log.split('├─ ').slice(1);
  const run: Run = {
    seconds,
    peakMb: peakKb / 1024,
    load,
    routes: routes.length,
    rendered: routes.filter((r) => !/^\S+ \(restored\)/.test(r)).map((r) => /^(\/\S+?)(?:\d\d:\d\d:\d\d)?(?=\s|$)/.exec(r)?.[1] ?? r),
    start: secs(new RegExp(`Collecting build info[\\s\\S]*?✓ Completed in ${TIME}`).exec(log)?.[1] ?? '0s'),
    bundle: [...log.matchAll(new RegExp(`\\[vite\\] ✓ built in ${TIME}`, 'g'))].reduce((sum, m) => sum + secs(m[1]!), 0),
    pages: secs(new RegExp(`generating static routes[\\s\\S]*?✓ Completed in ${TIME}`).exec(log)?.[1] ?? '0s'),
    search: Number(/search index: \d+ pages read in (\d+) ms/.exec(log)?.[1] ?? 0) / 1000,
    precompress: ((m) => (m ? `${fmt(Number(m[2]) / 1000, 2)} (${fmt(Number(m[3]))} of ${fmt(Number(m[1]))})` : ''))(/(\d+) files precompressed in (\d+) ms \((\d+) unchanged/.exec(log)),
  };
  process.stderr.write(`${tag}: ${fmt(seconds, 2)} s, peak ${fmt(run.peakMb)} MB, ${run.routes - run.rendered.length} of ${run.routes} restored, load ${fmt(load, 1)}\n`);
  return run;
}

const locations = (outDir: string) => readFileSync(path.join(outDir, '_server/nginx/server.conf'), 'utf8').match(/^\s*location /gm)?.length ?? 0;

const results = new Map<string, Run[]>();
const add = (key: string, run: Run) => results.set(key, [...(results.get(key) ?? []), run]);
const nginx = new Map<number, number>();

async function series(site: Site, n: number, label: string, edit = true): Promise<void> {
  const [cacheDir, outDir] = [path.join(work, `cache-${label}`), path.join(work, `out-${label}`)];
  const file = path.join(stories(site, n), readdirSync(stories(site, n)).sort()[Math.floor(n / 2)]!);
  const original = readFileSync(file, 'utf8');
  for (let r = 1; r <= runs; r++) {
    const tag = (kind: Kind) => `${label}-${kind}-${r}`;
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    add(`${label} cold`, await build(site, n, tag('cold'), cacheDir, outDir));
    if (site === 'project') nginx.set(n, locations(outDir));
    add(`${label} no-op`, await build(site, n, tag('no-op'), cacheDir, outDir));
    if (!edit) continue;
    // One word of the body (after the frontmatter's closing ---), the same in both variants.
    writeFileSync(file, original.replace(/(\n---\n[\s\S]*?) the /, '$1 this '));
    add(`${label} edit`, await build(site, n, tag('edit'), cacheDir, outDir));
    writeFileSync(file, original);
  }
}

function header(): string[] {
  const version = (pkg: string) => JSON.parse(readFileSync(path.join(project, 'node_modules', pkg, 'package.json'), 'utf8')).version as string;
  const git = (args: string) => execSync(`git ${args}`, { cwd: project, encoding: 'utf8' }).trim();
  const dirty = git('status --porcelain --untracked-files=no') ? ' + uncommitted changes' : '';
  return [
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${fmt(os.totalmem() / 2 ** 30, 1)} GB memory, ${os.type()} ${os.release()}`,
    `- Node ${process.version}, astro ${version('astro')}, @astrojs/mdx ${version('@astrojs/mdx')}, commit ${git('rev-parse --short HEAD')}${dirty}`,
    `- Sizes ${sizes.join(', ')}; ${runs} ${runs === 1 ? 'run' : 'runs'} of each build (median, min–max); heap cap NODE_OPTIONS=${withHeapCap(process.env.NODE_OPTIONS)}`,
  ];
}

function codeLines(): number {
  const files = execSync('git ls-files', { cwd: project, encoding: 'utf8' }).split('\n');
  const code = files.filter((f) => /\.(ts|mjs|js|astro)$/.test(f) && (/^(src|scripts|tools)\//.test(f) || !f.includes('/')));
  return code.reduce((sum, f) => sum + (readFileSync(path.join(project, f), 'utf8').match(/\n/g)?.length ?? 0), 0);
}

if (import.meta.main) {
  const out = [...header(), ''];
  process.stderr.write(`${out.join('\n')}Working in ${work}\n`);
  mkdirSync(path.join(work, 'logs'));
  copySite(roots.project, { project });
  for (const [file, text] of Object.entries(FLOOR)) {
    mkdirSync(path.dirname(path.join(roots.floor, file)), { recursive: true });
    writeFileSync(path.join(roots.floor, file), text);
  }
  symlinkSync(path.join(project, 'node_modules'), path.join(roots.floor, 'node_modules'));

  writeTopics(path.join(work, 'topics'));
  for (const n of [...new Set([1, ...sizes])]) writeStories(stories('project', n), n, 'site');
  for (const n of sizes) writeStories(stories('floor', n), n, 'floor');
  if (!sizes.includes(1)) {
    const single = path.join(work, 'out-project-1');
    await build('project', 1, 'project-1-cold', path.join(work, 'cache-project-1'), single);
    nginx.set(1, locations(single));
  }
  for (const n of sizes) for (const site of ['project', 'floor'] as const) await series(site, n, `${site}-${n}`);
  if (concurrencies.length) {
    const config = path.join(roots.project, 'astro.config.mjs');
    const original = readFileSync(config, 'utf8');
    if (!/concurrency: \d+/.test(original)) throw new Error('astro.config.mjs has no `concurrency: <n>` to change');
    for (const c of concurrencies) {
      writeFileSync(config, original.replace(/concurrency: \d+/, `concurrency: ${c}`));
      await series('project', largest, `concurrency-${c}`, false);
    }
    writeFileSync(config, original);
  }

  const get = (key: string) => results.get(key)!;
  const med = (key: string, k: 'seconds' | 'start' | 'bundle' | 'pages' | 'search' = 'seconds') => median(get(key).map((x) => x[k]));
  const peak = (label: string) => Math.max(...(['cold', 'no-op', 'edit'] as const).flatMap((k) => (results.get(`${label} ${k}`) ?? []).map((x) => x.peakMb)));
  const row = (label: string, kind: Kind) => {
    const rs = get(`${label} ${kind}`);
    const restored = [...new Set(rs.map((x) => `${fmt(x.routes - x.rendered.length)} of ${fmt(x.routes)}`))].join('; ');
    return `${spread(rs.map((x) => x.seconds))} | ${fmt(Math.max(...rs.map((x) => x.peakMb)))} MB | ${restored} | ${(['start', 'bundle', 'pages', 'search'] as const).map((k) => fmt(med(`${label} ${kind}`, k), 1)).join(' / ')} | ${rs.at(-1)!.precompress} | ${rs.map((x) => fmt(x.load, 1)).join(', ')} |`;
  };
  const COLUMNS = 'seconds | peak memory | pages restored | start / bundle / pages / search, s | precompress s (reused) | load at start |';
  out.push(`| stories | site | build | ${COLUMNS}`, '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const n of sizes) for (const site of ['project', 'floor']) for (const kind of ['cold', 'no-op', 'edit'] as const) out.push(`| ${fmt(n)} | ${site} | ${kind === 'edit' ? 'one story edited' : kind} | ${row(`${site}-${n}`, kind)}`);
  out.push(
    '',
    'Seconds: wall clock, median (min–max). Peak memory: largest RSS sum of the process tree (MiB). Restored: "(restored)" in',
    'Astro\'s log, of all routes. Stages (medians, Astro\'s log): start ("Collecting build info… Completed in": integrations,',
    'content check, sync), bundle (Vite\'s "built in": every MDX file compiled), pages ("generating static routes… Completed in"),',
    'search (the Pagefind index of every story page, after the pages); the rest is Node starting, and after Astro the sitemap,',
    'server configs, precompression and swap. Precompress (last run):',
    'seconds, and files whose .gz/.br came from the build replaced. Load: 1-minute load average at each start (2 cores).',
    '',
    '| stories | edited, project ÷ floor | no-op, project ÷ floor | cold, project ÷ floor | peak memory, project ÷ floor | project no-op ÷ cold | project edited ÷ cold | floor no-op ÷ cold | floor edited ÷ cold |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const n of sizes) {
    const ratio = (a: string, b: string) => fmt(med(a) / med(b), 2);
    const [p, f] = [`project-${n}`, `floor-${n}`];
    out.push(`| ${fmt(n)} | ${ratio(`${p} edit`, `${f} edit`)} | ${ratio(`${p} no-op`, `${f} no-op`)} | ${ratio(`${p} cold`, `${f} cold`)} | ${fmt(peak(p) / peak(f), 2)} | ${ratio(`${p} no-op`, `${p} cold`)} | ${ratio(`${p} edit`, `${p} cold`)} | ${ratio(`${f} no-op`, `${f} cold`)} | ${ratio(`${f} edit`, `${f} cold`)} |`);
  }
  for (const n of sizes) {
    const always = new Set(get(`project-${n} no-op`).at(-1)!.rendered);
    const edited = get(`project-${n} edit`).at(-1)!.rendered.filter((r) => !always.has(r));
    out.push('', `One story edited, ${fmt(n)} stories: a word of bench-story-${String(Math.floor(n / 2)).padStart(4, '0')}; the project rendered ${edited.join(', ')} besides the ${always.size} routes it renders every build.`);
  }
  for (const n of sizes) {
    const cold = get(`project-${n} cold`).at(-1)!;
    const archive = cold.rendered.filter((r) => /^\/(topics|stories|search)\//.test(r)).length;
    out.push('', `The archive, ${fmt(n)} stories: ${fmt(archive)} of the ${fmt(cold.routes)} routes (topic pages and feeds, the A–Z list, /search/), and the search index, ${['cold', 'no-op', 'edit'].map((k) => `${fmt(med(`project-${n} ${k}`, 'search'), 1)} s ${k}`).join(', ')}.`);
  }
  out.push('', `nginx \`location\` blocks in _server/nginx/server.conf: ${[...nginx].sort((a, b) => a[0] - b[0]).map(([n, c]) => `${fmt(c)} at ${fmt(n)} ${n === 1 ? 'story' : 'stories'}`).join(', ')}.`);
  out.push(`Code outside tests/ (tracked .ts, .mjs, .js, .astro in src/, scripts/, tools/ and the root, lines): ${fmt(codeLines())}.`);
  if (concurrencies.length) {
    out.push('', `build.concurrency, project, ${fmt(largest)} stories:`, '', `| concurrency | build | ${COLUMNS}`, '| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const c of concurrencies) for (const kind of ['cold', 'no-op'] as const) out.push(`| ${c} | ${kind} | ${row(`concurrency-${c}`, kind)}`);
  }
  console.log(out.join('\n'));
  if (process.env.BENCH_KEEP === '1') process.stderr.write(`Kept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}
