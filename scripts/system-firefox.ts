/** FIREFOX_PATH, else Debian's firefox-esr: Playwright's own Firefox is a patched build these machines cannot download. */
import { existsSync } from 'node:fs';

export function systemFirefox(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const candidate of [env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}
