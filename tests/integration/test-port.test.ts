/**
 * The browser tests' port: TEST_PORT, or a free one picked once by the main Playwright process
 * and inherited by its workers, so two checkouts can run `npm test` at once.
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/free-port.ts';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});
function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => {
      servers.push(s);
      resolve(s);
    });
  });
}

/**
 * Loads playwright.config.ts as Playwright's main process does, then once more in a child
 * process with the environment it leaves (as a worker is started); prints both views.
 */
const LOAD = `
import { execFileSync } from 'node:child_process';
const view = async () => {
  const c = (await import('./playwright.config.ts')).default;
  // The first web server is the site's (astro preview); the second, nginx, has a free port of its own.
  const ws = [c.webServer].flat();
  return { env: process.env.TEST_PORT, baseURL: c.use.baseURL, url: ws[0].url, serverPort: ws[0].env.PORT, nginx: process.env.TEST_NGINX_PORT, nginxPort: ws[1]?.env.PORT };
};
const main = await view();
const worker = process.argv.includes('--worker') ? null : JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', process.argv[1], '--', '--worker'], { encoding: 'utf8' }));
console.log(JSON.stringify(worker ? { main, worker } : main));
`;
interface View {
  env: string;
  baseURL: string;
  url: string;
  nginx?: string;
  nginxPort?: string;
  serverPort: string;
}
function loadConfig(testPort?: string, worker = true): { main: View; worker: View } {
  const env = { ...process.env };
  delete env.TEST_PORT;
  if (testPort) env.TEST_PORT = testPort;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', LOAD, LOAD, ...(worker ? [] : ['--worker'])], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout) as View | { main: View; worker: View };
  return 'main' in out ? out : { main: out, worker: out };
}

describe('freePort', () => {
  it('gives a port a server can listen on, and another one while that one is taken', async () => {
    const a = await freePort();
    expect(a).toBeGreaterThan(0);
    await listen(a);
    const b = await freePort();
    expect(b).not.toBe(a);
    await listen(b);
  });
});

describe('playwright.config.ts', () => {
  it('without TEST_PORT, picks a free port once: the server, the base URL and the workers agree', async () => {
    const { main, worker } = loadConfig();
    const port = Number(main.env);
    expect(port).toBeGreaterThan(0);
    const nginx = Number(main.nginx);
    expect(nginx).toBeGreaterThan(0);
    expect(nginx).not.toBe(port);
    expect(main).toEqual({ env: String(port), baseURL: `http://127.0.0.1:${port}`, url: `http://127.0.0.1:${port}/`, serverPort: String(port), nginx: String(nginx), nginxPort: String(nginx) });
    expect(worker).toEqual(main);
    // The port is free: the test server can take it.
    await listen(port);
  });

  it('a second run while the first one serves picks another port', async () => {
    const first = Number(loadConfig(undefined, false).main.env);
    await listen(first);
    const second = Number(loadConfig(undefined, false).main.env);
    expect(second).not.toBe(first);
  });

  it('uses TEST_PORT when it is set', () => {
    const { main, worker } = loadConfig('4457');
    expect(main).toMatchObject({ env: '4457', baseURL: 'http://127.0.0.1:4457', url: 'http://127.0.0.1:4457/', serverPort: '4457' });
    expect(worker).toEqual(main);
  });
});
