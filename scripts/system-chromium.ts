/**
 * The system Chromium the browser tests and the audit use: CHROME_PATH when it
 * points at a file, else Debian's /usr/bin/chromium when installed. Undefined
 * means "use Playwright's own browser".
 */
import { existsSync } from 'node:fs';

export function systemChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const candidate of [env.CHROME_PATH, '/usr/bin/chromium']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}
