/**
 * Real servers for the tests, on free loopback ports: nginx started as
 * `npm run serve:nginx` starts it (scripts/nginx.ts), and Caddy with the build's
 * Caddyfile as Caddy itself adapts it. And a raw HTTP client: no redirects
 * followed, no decompression, so the tests see the bytes a server sends.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { freePort, startNginx } from '../../scripts/nginx.ts';
import { DIST } from './site.ts';

export interface Server {
  name: string;
  origin: string;
  stop(): Promise<void>;
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One GET (or HEAD) to a loopback origin, exactly as sent and received. */
export function get(origin: string, urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  const url = new URL(urlPath, origin);
  if (url.hostname !== '127.0.0.1') throw new Error(`${url} is not on the loopback interface`);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function nginxServer(): Promise<Server> {
  const port = await freePort();
  const nginx = await startNginx({ port });
  const stop = async () => {
    await nginx.stop();
    rmSync(nginx.prefix, { recursive: true, force: true });
  };
  return { name: 'nginx', origin: `http://127.0.0.1:${port}`, stop };
}

/** The build's Caddyfile, adapted to JSON by Caddy, listening on 127.0.0.1 only, with no admin endpoint. */
export function caddyJson(port: number, dir = DIST): Record<string, unknown> {
  const adapted = spawnSync('caddy', ['adapt', '--config', path.join(dir, '_server', 'Caddyfile'), '--adapter', 'caddyfile'], { encoding: 'utf8' });
  if (adapted.error || adapted.status !== 0) throw new Error(`caddy adapt failed (Debian: apt-get install caddy): ${adapted.error?.message ?? adapted.stderr}`);
  const config = JSON.parse(adapted.stdout) as { admin?: unknown; apps: { http: { servers: Record<string, { listen: string[] }> } } };
  const servers = Object.values(config.apps.http.servers);
  if (servers.length !== 1) throw new Error(`the Caddyfile has ${servers.length} servers (want 1)`);
  servers[0]!.listen = [`127.0.0.1:${port}`];
  config.admin = { disabled: true, config: { persist: false } };
  return config;
}

export async function caddyServer(): Promise<Server> {
  const port = await freePort();
  const home = path.resolve('.tmp', `caddy-${port}`);
  mkdirSync(home, { recursive: true });
  const file = path.join(home, 'caddy.json');
  writeFileSync(file, JSON.stringify(caddyJson(port)));
  const child = spawn('caddy', ['run', '--config', file], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, 'data'), XDG_CONFIG_HOME: path.join(home, 'config') },
  });
  let log = '';
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(home, { recursive: true, force: true });
  };
  for (const deadline = Date.now() + 10_000; ; ) {
    if (child.exitCode !== null) throw new Error(`caddy exited with code ${child.exitCode}:\n${log}`);
    try {
      await get(origin, '/');
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`caddy did not answer on ${origin}:\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { name: 'caddy', origin, stop };
}

/** The bytes of a built file. */
export const builtFile = (rel: string, dir = DIST) => readFileSync(path.join(dir, rel));
export const isBuilt = (rel: string, dir = DIST) => existsSync(path.join(dir, rel));
