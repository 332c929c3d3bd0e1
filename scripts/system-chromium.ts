/** CHROME_PATH, else Debian's /usr/bin/chromium; undefined means "use Playwright's own browser". */
import { existsSync } from 'node:fs';

export function systemChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const candidate of [env.CHROME_PATH, '/usr/bin/chromium']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}
