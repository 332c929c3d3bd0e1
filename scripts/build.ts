/**
 * Atomic build: build into a fresh folder next to dist/, and only when the
 * build succeeds swap it in. A failed build leaves the previous dist/ exactly
 * as it was, byte for byte, and removes its work folder.
 *
 * Bad content stops the build before Astro starts: every problem in every story, one
 * line each, as `npm run check:content` prints them, then one closing line
 * (src/integrations/story-checks.ts, which the integration also runs for a bare `astro build`).
 *
 * Usage: node scripts/build.ts [--outDir dist]   (OUT_DIR env works too)
 */
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
// The same folder the integration's check uses (astro.config.mjs cacheDir), so Astro then finds every verdict.
const { problems } = await checkStoriesCached(path.resolve(process.env.ASTRO_CACHE_DIR ?? '.cache/astro', 'checks'));
if (problems.length) {
  console.error(`${contentReport(problems)}\n\nBuild failed: ${shown}/ was left as it was.`);
  process.exit(1);
}

const astro = path.resolve('node_modules', 'astro', 'bin', 'astro.mjs');
const child = spawn(process.execPath, [astro, 'build', '--outDir', work], {
  stdio: ['inherit', 'pipe', 'inherit'],
  // The heap cap unless NODE_OPTIONS sets one (scripts/node-options.ts). The server configs point at
  // the folder the build ends up in unless SERVER_ROOT says where the site will live; the build it
  // replaces lends its compressed files to the ones that did not change (precompress.ts).
  env: { ASTRO_TELEMETRY_DISABLED: '1', SERVER_ROOT: outDir, ...process.env, PREVIOUS_BUILD: outDir, NODE_OPTIONS: withHeapCap(process.env.NODE_OPTIONS) },
});
// Astro writes a route's path, and its render time when the render ends; with build.concurrency > 1
// other routes come in between and run together on one line. Each log entry gets its own line, and
// render times, which could no longer be told apart, are left out.
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
// A build that exits 0 without a site (a crash that left nothing to say) must not replace dist/ either.
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
