/**
 * The wrong Node fails fast: `scripts/require-node.mjs` runs first in every npm script and stops
 * with one line naming the version and how to get it; `.npmrc` makes `npm ci` refuse, too.
 *
 * An old Node is faked by preloading a module (node --import) that sets process.version(s), so
 * the script under test is the real one, with no test hook; the system's own old Node is used
 * as well when the machine has one (Debian's /usr/bin/node is 20).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve('scripts/require-node.mjs');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string }; scripts: Record<string, string> };
const tmp = mkdtempSync(path.join(os.tmpdir(), 'require-node-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A module that makes this Node report another version; preloaded with --import. */
function fakeVersion(version: string): string {
  const file = path.join(tmp, `node-${version}.mjs`);
  writeFileSync(
    file,
    `Object.defineProperty(process.versions, 'node', { value: '${version}' });\n` +
      `Object.defineProperty(process, 'version', { value: 'v${version}' });\n`,
  );
  return file;
}

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const e = { ...process.env };
  delete e.npm_lifecycle_event;
  return { ...e, ...extra };
}

function check(version: string | null, extra: NodeJS.ProcessEnv = {}) {
  const args = version ? ['--import', fakeVersion(version), SCRIPT] : [SCRIPT];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: env(extra) });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

/** What an editor must read on a Node that is too old: one line, the version, the ways to get 24. */
function expectTheLine(err: string, version: string) {
  const lines = err.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^Node\\.js 22\\.18 or newer is needed \\(24 recommended\\), but this is Node ${version.replace(/\./g, '\\.')} \\(`));
  expect(lines[0]).toContain('npx -y -p node@24 -c "');
  expect(lines[0]).toContain('npm install --prefix ~/.local/node24 node@24');
  expect(lines[0]).toContain('README.md, "Prerequisites"');
}

describe('scripts/require-node.mjs', () => {
  it('reads the minimum from package.json, which the message names', () => {
    expect(pkg.engines.node).toBe('>=22.18');
    expect(readFileSync('.nvmrc', 'utf8').trim()).toBe('24');
  });

  it('stops an old Node with one line on stderr and exit code 1', () => {
    const r = check('20.19.0');
    expect(r.status).toBe(1);
    expect(r.out).toBe('');
    expectTheLine(r.err, '20.19.0');
  });

  it('draws the line at 22.18.0', () => {
    for (const v of ['18.20.4', '22.12.0', '22.17.9']) {
      const r = check(v);
      expect(r.status, v).toBe(1);
      expectTheLine(r.err, v);
    }
    for (const v of ['22.18.0', '22.21.1', '23.0.0', '24.0.0', '26.1.0']) {
      const r = check(v);
      expect({ v, status: r.status, out: r.out, err: r.err }).toEqual({ v, status: 0, out: '', err: '' });
    }
  });

  it('passes this Node silently', () => {
    expect(check(null)).toEqual({ status: 0, out: '', err: '' });
  });

  it('names the npm command to run again under Node 24', () => {
    expect(check('20.19.0', { npm_lifecycle_event: 'build' }).err).toContain('npx -y -p node@24 -c "npm run build"');
    expect(check('20.19.0', { npm_lifecycle_event: 'test' }).err).toContain('npx -y -p node@24 -c "npm test"');
  });

  it('runs on a real old Node (the system one when it is older than 22.18, else a faked one)', () => {
    const system = '/usr/bin/node';
    const version = existsSync(system) ? spawnSync(system, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim() : '';
    const [major = 0, minor = 0] = version.split('.').map(Number);
    const old = version !== '' && (major < 22 || (major === 22 && minor < 18));
    const r = old ? spawnSync(system, [SCRIPT], { encoding: 'utf8', env: env() }) : spawnSync(process.execPath, ['--import', fakeVersion('20.19.0'), SCRIPT], { encoding: 'utf8', env: env() });
    expect(r.status).toBe(1);
    expectTheLine(r.stderr, old ? version : '20.19.0');
  });
});

describe('npm on an old Node', () => {
  const preload = () => `--import=${fakeVersion('20.19.0')}`;

  it('runs the check first in every npm script', () => {
    for (const [name, command] of Object.entries(pkg.scripts)) {
      expect(command.startsWith('node scripts/require-node.mjs && '), `"${name}": ${command}`).toBe(true);
    }
  });

  // Run for real where a broken check could do no harm (the build writes into a temporary folder);
  // npm start and npm test are covered by the test above: they run the same first command.
  it('npm run build and npm run check:content stop before any work with the one line', () => {
    const out = path.join(tmp, 'site');
    for (const script of ['build', 'check:content']) {
      const r = spawnSync('npm', ['run', script], { encoding: 'utf8', timeout: 120_000, env: env({ NODE_OPTIONS: preload(), OUT_DIR: out }) });
      expect(r.status, script).toBe(1);
      expect(r.stderr, script).toContain('Node.js 22.18 or newer is needed (24 recommended), but this is Node 20.19.0');
      expect(r.stderr, script).toContain(`-c "npm run ${script}"`);
      // Nothing after the check ran: no build, no story check, no stack trace.
      expect(r.stdout + r.stderr, script).not.toMatch(/\[build\]|Checked \d|Unknown file extension|node:internal/);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('npm ci refuses at once, naming the required version (.npmrc engine-strict)', () => {
    expect(readFileSync('.npmrc', 'utf8')).toMatch(/^engine-strict=true$/m);
    const dir = mkdtempSync(path.join(tmp, 'ci-'));
    for (const f of ['package.json', 'package-lock.json', '.npmrc']) copyFileSync(f, path.join(dir, f));
    const r = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8', env: env({ NODE_OPTIONS: preload() }) });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('EBADENGINE');
    expect(r.stderr).toContain('Required: {"node":">=22.18"}');
    expect(existsSync(path.join(dir, 'node_modules'))).toBe(false);
  });
});
