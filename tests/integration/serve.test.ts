/**
 * `node scripts/serve.ts` (what `npm start` and `npm run preview` end with) serves dist/ and prints
 * its address once, the address it really answers on, even when the port asked for is taken.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/free-port.ts';
import { requireDist } from '../helpers/site.ts';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** Runs serve.ts until it prints an address that answers, then stops it; returns all it printed. */
function serve(port: number): Promise<{ out: string; url: string; status: number }> {
  const child = spawn(process.execPath, ['scripts/serve.ts'], { env: { ...process.env, PORT: String(port), FORCE_COLOR: '0', NO_COLOR: '1' } });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`serve.ts printed no address in 45 s:\n${out}${err}`));
    }, 45_000);
    child.on('exit', () => clearTimeout(timer));
    child.stdout.on('data', async (d: Buffer) => {
      out += d;
      const url = /Serving dist\/ on (http:\S+)/.exec(out)?.[1];
      if (!url || child.killed) return;
      try {
        const { status } = await fetch(url);
        child.kill('SIGTERM');
        // Whatever else it prints before it stops counts too.
        child.on('exit', () => resolve({ out, url, status }));
      } catch (e) {
        child.kill('SIGTERM');
        reject(e as Error);
      }
    });
  });
}

describe('scripts/serve.ts', () => {
  it('prints the address once, and the site answers there', async () => {
    requireDist();
    const port = await freePort();
    const { out, url, status } = await serve(port);
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    expect(status).toBe(200);
    expect(out.split(`127.0.0.1:${port}`)).toHaveLength(2);
    expect(out.trim()).toBe(`Serving dist/ on ${url}  (Ctrl+C to stop)`);
  });

  it('when the port is taken, prints the address it does serve on', async () => {
    requireDist();
    const taken = await freePort();
    await new Promise<void>((resolve) => {
      const s = createServer().listen(taken, '127.0.0.1', () => resolve());
      servers.push(s);
    });
    const { out, url, status } = await serve(taken);
    expect(url).not.toContain(`:${taken}/`);
    expect(status).toBe(200);
    expect(out).toContain(`Port ${taken} is in use`);
    expect(out.match(/http:\/\//g)).toHaveLength(1);
  });
});
