/** Made sure of before `npm test`: installed with apt-get as root, otherwise `npm test` stops with the one command that installs them. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { NGINX_BROTLI_MODULE } from '../src/lib/headers.ts';
import { systemChromium } from './system-chromium.ts';
import { systemFirefox } from './system-firefox.ts';

const onPath = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const NEEDED: Array<[pkg: string, present: () => boolean]> = [
  ['chromium', () => systemChromium() !== undefined],
  ['firefox-esr', () => systemFirefox() !== undefined],
  ['lynx', () => onPath('lynx')],
  ['w3m', () => onPath('w3m')],
  ['default-jre-headless', () => onPath('java')],
  ['poppler-utils', () => onPath('pdftotext')],
  ['nginx', () => onPath('nginx') || existsSync('/usr/sbin/nginx')],
  ['libnginx-mod-http-brotli-static', () => existsSync(NGINX_BROTLI_MODULE)],
  ['caddy', () => onPath('caddy')],
];

const missing = () => NEEDED.filter(([, present]) => !present()).map(([pkg]) => pkg);
let todo = missing();
if (todo.length && process.getuid?.() === 0 && onPath('apt-get')) {
  console.log(`Installing what the tests need: apt-get install ${todo.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args: string[]) => spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;
  if (!apt('update', '-qq') || !apt('install', '-y', '-qq', ...todo)) console.error('apt-get did not finish.');
  todo = missing();
}
if (todo.length) {
  console.error(`The tests need ${todo.join(', ')}. Install them (Debian or Ubuntu) with: sudo apt-get install ${todo.join(' ')}`);
  process.exit(1);
}
console.log(`Browser tests use ${systemChromium()} and ${systemFirefox()}`);
