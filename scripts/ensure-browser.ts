/**
 * Makes sure the browser tests have what they drive: a Chromium (a system one,
 * CHROME_PATH or /usr/bin/chromium, when present; otherwise Playwright's own,
 * installed on first run when missing), and the other engines and tools the
 * gates run: Firefox ESR, the text browsers lynx and w3m, Java (for the W3C
 * checker) and poppler's pdfinfo/pdftotext. Those come from the system's
 * packages (`.ci/run` installs them with apt); a missing one stops `npm test`
 * at once with the command that installs it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { systemChromium } from './system-chromium.ts';
import { systemFirefox } from './system-firefox.ts';

const system = systemChromium();
if (system) {
  console.log(`Browser tests use ${system}`);
} else if (existsSync(chromium.executablePath())) {
  console.log(`Browser tests use Playwright's Chromium at ${chromium.executablePath()}`);
} else {
  console.log('No Chromium found: installing Playwright’s own (first run only)…');
  execFileSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'install', 'chromium'], { stdio: 'inherit' });
}

const onPath = (cmd: string) => spawnSync(cmd, ['-version'], { stdio: 'ignore' }).error === undefined;
const tools: Array<[what: string, found: string | undefined, debian: string]> = [
  ['Firefox', systemFirefox(), 'firefox-esr'],
  ['lynx', onPath('lynx') ? 'lynx' : undefined, 'lynx'],
  ['w3m', onPath('w3m') ? 'w3m' : undefined, 'w3m'],
  ['Java', onPath('java') ? 'java' : undefined, 'default-jre-headless'],
  ['pdftotext', onPath('pdftotext') ? 'pdftotext' : undefined, 'poppler-utils'],
];
const missing = tools.filter(([, found]) => !found);
if (missing.length) {
  console.error(`The tests also need ${missing.map(([what]) => what).join(', ')}. On Debian: apt-get install ${missing.map(([, , pkg]) => pkg).join(' ')}`);
  process.exit(1);
}
console.log(`Also: Firefox at ${systemFirefox()}, lynx, w3m, Java, pdftotext`);
