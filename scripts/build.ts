/** Atomic build (node scripts/build.ts [--outDir dist]): a failed build leaves the previous dist/ exactly as it was. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { contentReport } from '../src/lib/problems.ts';
import { checkStoriesCached } from '../src/integrations/story-checks.ts';
import { withHeapCap } from './node-options.ts';

const argIndex = process.argv.indexOf('--outDir');
const outDir = path.resolve(argIndex > 0 ? process.argv[argIndex + 1]! : (process.env.OUT_DIR ?? 'dist'));
const stamp = `${process.pid}-${Date.now()}`;
const work = path.resolve('.tmp', `build-${stamp}`);
const old = path.resolve('.tmp', `old-${stamp}`);
mkdirSync(path.dirname(work), { recursive: true });

const shown = path.relative(process.cwd(), outDir) || outDir;
// The same folder the integration's check uses, so Astro then finds every verdict.
const { problems } = await checkStoriesCached(path.resolve(process.env.ASTRO_CACHE_DIR ?? '.cache/astro', 'checks'));
if (problems.length) {
  console.error(`${contentReport(problems)}\n\nBuild failed: ${shown}/ was left as it was.`);
  process.exit(1);
}

const astro = path.resolve('node_modules', 'astro', 'bin', 'astro.mjs');
const child = spawn(process.execPath, [astro, 'build', '--outDir', work], {
  stdio: ['inherit', 'pipe', 'inherit'],
  // The heap cap: scripts/node-options.ts. The previous build lends its compressed files to unchanged ones.
  env: { ASTRO_TELEMETRY_DISABLED: '1', SERVER_ROOT: outDir, ...process.env, PREVIOUS_BUILD: outDir, NODE_OPTIONS: withHeapCap(process.env.NODE_OPTIONS) },
});
// Astro writes a route's path, then its render time when the render ends: at build.concurrency > 1 routes ran
// together on a line. Each log entry gets a line; render times, no longer attributable, are left out.
let atLineStart = true;
child.stdout.on('data', (d: Buffer) => {
  const text = String(d)
    .replace(/ \(\+[\d.]+m?s\) ?\n?/g, '')
    .replace(/(^|[^\n])(?=\d\d:\d\d:\d\d )/g, (_, before: string) => (before ? `${before}\n` : atLineStart ? '' : '\n'));
  if (text) {
    process.stdout.write(text);
    atLineStart = text.endsWith('\n');
  }
});
const [status] = (await once(child, 'close')) as [number | null];
// A build that exits 0 without a site must not replace dist/ either.
if (status !== 0 || !existsSync(path.join(work, 'index.html'))) {
  rmSync(work, { recursive: true, force: true });
  console.error(`\nBuild failed: ${shown}/ was left as it was.`);
  process.exit(1);
}
mkdirSync(path.dirname(outDir), { recursive: true });
if (existsSync(outDir)) renameSync(outDir, old);
renameSync(work, outDir);
rmSync(old, { recursive: true, force: true });
console.log(`Built into ${shown}/`);
