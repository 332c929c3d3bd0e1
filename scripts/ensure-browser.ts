/**
 * Makes sure the browser tests have a Chromium: a system one (CHROME_PATH or
 * /usr/bin/chromium) when present, otherwise Playwright's own, installed on
 * first run when missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { systemChromium } from './system-chromium.ts';

const system = systemChromium();
if (system) {
  console.log(`Browser tests use ${system}`);
} else if (existsSync(chromium.executablePath())) {
  console.log(`Browser tests use Playwright's Chromium at ${chromium.executablePath()}`);
} else {
  console.log('No Chromium found: installing Playwright’s own (first run only)…');
  execFileSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'install', 'chromium'], { stdio: 'inherit' });
}
