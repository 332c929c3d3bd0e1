import { defineConfig, devices } from '@playwright/test';
import { systemChromium } from './scripts/system-chromium.ts';

/** A system Chromium (CHROME_PATH, or Debian's /usr/bin/chromium) when there is one; else Playwright's own. */
const chromiumPath = systemChromium();
const PORT = Number(process.env.TEST_PORT ?? 4322);

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
  ],
  // The suite tests the built site in dist/ (npm test builds it first).
  webServer: {
    command: `node scripts/serve.ts`,
    env: { PORT: String(PORT) },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
  },
});
