import { defineConfig, devices } from '@playwright/test';
import { freePort } from './scripts/free-port.ts';
import { systemChromium } from './scripts/system-chromium.ts';

const chromiumPath = systemChromium();

// Picked once in the main process and inherited by the workers, so all of them test the same server.
process.env.TEST_PORT ??= String(await freePort());
const PORT = Number(process.env.TEST_PORT);
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
    // Sharing and privacy checks again, behind nginx as production serves the site.
    {
      name: 'nginx',
      testMatch: /(share|gate-privacy)\.spec\.ts$/,
      // What nginx changes is what it sends: the headers (the CSP tests), the feed and sitemaps, and
      // the address a share link copies. Where anchors land and which requests a page makes do not depend on it.
      grep: /content security policy|well-formed XML|Copy link copies/,
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${NGINX_PORT}` },
    },
  ],
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
