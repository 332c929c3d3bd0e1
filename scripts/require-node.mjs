// Plain JavaScript on purpose: on a Node too old to run TypeScript, the other scripts would die with "Unknown file extension .ts".
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const range = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).engines.node;
const min = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(range);
if (!min) {
  console.error('scripts/require-node.mjs reads engines.node as ">=MAJOR.MINOR", but package.json says ' + JSON.stringify(range));
  process.exit(1);
}
let recommended = '24';
try {
  recommended = readFileSync(new URL('.nvmrc', root), 'utf8').trim().replace(/^v/, '') || recommended;
} catch {} // No .nvmrc: keep the default.

const want = [Number(min[1]), Number(min[2]), Number(min[3] || 0)];
const have = process.versions.node.split('.').map(Number);
// The first part that differs decides; all equal is new enough.
const ok = !(have.map((n, i) => n - want[i]).find((d) => d !== 0) < 0);

if (!ok) {
  const installed = existsSync(new URL('node_modules/.package-lock.json', root));
  const event = process.env.npm_lifecycle_event || 'start';
  const command = (installed ? '' : 'npm ci && ') + (event === 'start' || event === 'test' ? 'npm ' : 'npm run ') + event;
  console.error(
    'Node.js ' + want.slice(0, 2).join('.') + ' or newer is needed (' + recommended + ' recommended), but this is Node ' +
      process.versions.node + ' (' + process.execPath + '). Get Node ' + recommended + ' without nvm: ' +
      'npx -y -p node@' + recommended + ' -c "' + command + '" runs this command with it, or ' +
      'npm install --prefix ~/.local/node' + recommended + ' node@' + recommended +
      ' and put ~/.local/node' + recommended + '/node_modules/.bin first on PATH (README.md, "Prerequisites").',
  );
  process.exit(1);
}

