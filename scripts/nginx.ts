/** Starts nginx on a build's standalone config in the foreground, with its pid, logs and temp files in .tmp/nginx-<port>/. */
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { NGINX_BROTLI_MODULE, NGINX_STANDALONE_LISTEN, SERVER_CONFIG_DIR } from '../src/lib/headers.ts';
import { DIST, requireDist } from '../tools/built-site.ts';

export { freePort } from './free-port.ts';

export const APT_PACKAGES = 'nginx libnginx-mod-http-brotli-static';

export function findNginx(): string | null {
  if (process.env.NGINX) return existsSync(process.env.NGINX) ? process.env.NGINX : null;
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  const found = which.status === 0 ? which.stdout.trim() : '';
  if (found) return found;
  return existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : null;
}

/** Why nginx cannot run here, with what to install; null when it can. */
export function nginxMissing(): string | null {
  const missing: string[] = [];
  if (!findNginx()) missing.push('nginx is not installed');
  if (!existsSync(NGINX_BROTLI_MODULE)) missing.push(`its brotli module (${NGINX_BROTLI_MODULE}) is not installed`);
  if (!missing.length) return null;
  return `${missing.join(', and ')}. On Debian or Ubuntu: sudo apt-get install ${APT_PACKAGES}`;
}

export interface RunningNginx {
  root: string;
  prefix: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Only the listen line differs, so any number of servers can run from one build. */
export function configForPort(conf: string, port: number): string {
  const listen = `listen ${NGINX_STANDALONE_LISTEN};`;
  if (conf.split(listen).length !== 2) throw new Error(`the nginx config does not have exactly one "${listen}"`);
  return conf.replace(listen, `listen 127.0.0.1:${port};`);
}

export async function startNginx(options: { port: number; dir?: string; stdio?: StdioOptions; timeoutMs?: number }): Promise<RunningNginx> {
  const dir = path.resolve(options.dir ?? DIST);
  const why = nginxMissing();
  if (why) throw new Error(`Cannot serve with nginx: ${why}`);
  requireDist(dir);
  const confFile = path.join(dir, SERVER_CONFIG_DIR, 'nginx', 'nginx.conf');
  if (!existsSync(confFile)) throw new Error(`${path.relative(process.cwd(), confFile)} is missing: run \`npm run build\`.`);
  const conf = readFileSync(confFile, 'utf8');
  const root = /^\s*root "([^"]+)";/m.exec(conf)?.[1];
  if (root !== dir) {
    throw new Error(`${path.relative(process.cwd(), confFile)} serves ${root} (SERVER_ROOT at build time), not ${dir}: build without SERVER_ROOT to serve it here.`);
  }

  const prefix = path.resolve('.tmp', `nginx-${options.port}`);
  mkdirSync(path.join(prefix, 'temp'), { recursive: true });
  const runConf = path.join(prefix, 'nginx.conf');
  writeFileSync(runConf, configForPort(conf, options.port));
  const args = ['-p', `${prefix}/`, '-c', runConf, '-e', path.join(prefix, 'error.log'), '-g', 'daemon off;'];
  // As root, nginx's workers would switch to an unprivileged user, which may not be able to read the build.
  if (process.getuid?.() === 0) args[args.length - 1] += ' user root;';
  const child = spawn(findNginx()!, args, { stdio: options.stdio ?? ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  // Ready when the port accepts a connection; failed when nginx exits first.
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    if (child.exitCode !== null) {
      const log = existsSync(path.join(prefix, 'error.log')) ? readFileSync(path.join(prefix, 'error.log'), 'utf8').trim().split('\n').slice(-5).join('\n') : '';
      throw new Error(`nginx exited with code ${child.exitCode}:\n${stderr || log}`);
    }
    if (await accepts(options.port)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not listen on 127.0.0.1:${options.port} within ${options.timeoutMs ?? 10_000} ms`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { root: dir, prefix, process: child, exited, stop };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
