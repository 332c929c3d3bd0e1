import { defineConfig, devices } from '@playwright/test';
import { freePort } from './scripts/free-port.ts';
import { systemChromium } from './scripts/system-chromium.ts';

/** A system Chromium (CHROME_PATH, or Debian's /usr/bin/chromium) when there is one; else Playwright's own. */
const chromiumPath = systemChromium();

/**
 * The port the site is served on for the tests: TEST_PORT, or a free one the system picks, so
 * two checkouts can run `npm test` at once. Playwright loads this file in its main process and
 * again in each worker: the main process picks the port once and puts it in TEST_PORT, which the
 * workers inherit, so all of them test the same server.
 */
process.env.TEST_PORT ??= String(await freePort());
const PORT = Number(process.env.TEST_PORT);
/** nginx serving the same build with the generated config (scripts/serve-nginx.ts), on a free port of its own (TEST_NGINX_PORT). */
process.env.TEST_NGINX_PORT ??= String(await freePort());
const NGINX_PORT = Number(process.env.TEST_NGINX_PORT);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /firefox\.spec\.ts$/ },
    // Firefox ESR through puppeteer-core (WebDriver BiDi): the spec launches it itself, so this project starts no Chromium.
    { name: 'firefox-esr', testMatch: /firefox\.spec\.ts$/ },
    // Sharing and the privacy checks again, behind nginx as production serves the site:
    // its headers (the CSP header as well as the <meta>), precompressed files, 404 and redirects.
    {
      name: 'nginx',
      testMatch: /(share|gate-privacy)\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${NGINX_PORT}` },
    },
  ],
  // The suite tests the built site in dist/ (npm test builds it first).
  webServer: [
    {
      command: `node scripts/serve.ts`,
      env: { PORT: String(PORT) },
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: `node scripts/serve-nginx.ts`,
      env: { PORT: String(NGINX_PORT) },
      url: `http://127.0.0.1:${NGINX_PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
    },
  ],
});
