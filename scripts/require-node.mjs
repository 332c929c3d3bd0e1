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
let ok = true;
for (let i = 0; i < 3; i++) {
  if (have[i] !== want[i]) {
    ok = have[i] > want[i];
    break;
  }
}

if (!ok) {
  const installed = existsSync(new URL('node_modules/.package-lock.json', root));
  const command = (installed ? '' : 'npm ci && ') + npmCommand(process.env.npm_lifecycle_event || 'start');
  console.error(
    'Node.js ' + want.slice(0, 2).join('.') + ' or newer is needed (' + recommended + ' recommended), but this is Node ' +
      process.versions.node + ' (' + process.execPath + '). Get Node ' + recommended + ' without nvm: ' +
      'npx -y -p node@' + recommended + ' -c "' + command + '" runs this command with it, or ' +
      'npm install --prefix ~/.local/node' + recommended + ' node@' + recommended +
      ' and put ~/.local/node' + recommended + '/node_modules/.bin first on PATH (README.md, "Prerequisites").',
  );
  process.exit(1);
}

function npmCommand(event) {
  return event === 'start' || event === 'test' ? 'npm ' + event : 'npm run ' + event;
}
