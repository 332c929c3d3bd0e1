/**
 * Quiet output: no warning the project can remove on `npm ci`, `npm start`, `npm test` or
 * `npm run dev` (the rest of it is tested where it lives: serve.ts prints its address once, in
 * serve.test.ts; `npm run check` fails on any TypeScript hint, with --minimumFailingSeverity).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/free-port.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'quiet-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
const TELEMETRY_NOTICE = 'Astro collects anonymous usage data';

/**
 * Starts a dev server with a fresh Astro config folder (where Astro remembers that it showed its
 * telemetry notice) and without ASTRO_TELEMETRY_DISABLED in the environment; returns what it
 * printed once it gives its address, then stops it.
 */
async function devOutput(command: string, args: string[], name: string): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, `config-${name}`), ASTRO_CACHE_DIR: path.join(tmp, `cache-${name}`), FORCE_COLOR: '0', NO_COLOR: '1' };
  delete env.ASTRO_TELEMETRY_DISABLED;
  // As on an editor's machine: under CI (CI=true), Astro never shows its notice at all (ci-info reads CI=false as not CI).
  env.CI = 'false';
  const child = spawn(command, args, { env, detached: true });
  let out = '';
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the dev server gave no address in 150 s:\n${out}`));
    }, 150_000);
    const read = (d: Buffer) => {
      out += d;
      if (/Local\s+http:/.test(out)) {
        clearTimeout(timer);
        stop();
        child.on('exit', () => resolve(out));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
  });
}

describe('quiet output', () => {
  it('npm ci runs no install script that package.json has not approved (no install-scripts warning)', () => {
    const r = spawnSync('npm', ['install-scripts', 'ls'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('No packages with unreviewed install scripts.');
    expect(r.status).toBe(0);
  });

  it('every npm script that runs Astro itself turns its telemetry off', () => {
    const astro = Object.entries(scripts).filter(([, command]) => /(^|\s)astro\s/.test(command));
    expect(astro.map(([name]) => name).sort()).toEqual(['check', 'dev']);
    for (const [name, command] of astro) expect(command, name).toMatch(/ASTRO_TELEMETRY_DISABLED=1 astro /);
  });

  it('npm run dev shows no telemetry notice, where Astro on its own would', async () => {
    const [a, b] = [await freePort(), await freePort()];
    const bare = await devOutput(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(a)], 'bare');
    expect(bare).toContain(TELEMETRY_NOTICE);
    const dev = await devOutput('npm', ['run', 'dev', '--', '--port', String(b)], 'npm');
    expect(dev).toContain(`Local    http://127.0.0.1:${b}/`);
    expect(dev).not.toContain(TELEMETRY_NOTICE);
  }, 320_000);
});
