/**
 * The Firefox the browser tests drive through puppeteer-core (WebDriver BiDi):
 * FIREFOX_PATH when it points at a file, else Debian's firefox-esr. Playwright's
 * own Firefox is a patched build it downloads, which these machines cannot.
 */
import { existsSync } from 'node:fs';

export function systemFirefox(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const candidate of [env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}
