/**
 * Share pages (/<story>/s/<id>/, src/lib/share.ts) send a reader on to the story at once: a
 * `<meta http-equiv="refresh">` and a one-line script calling location.replace. The gates that
 * judge a page's own markup as a browser shows it (axe and HTML_CodeSniffer, text browsers, the
 * Firefox layout check) load a share page with that redirect held back, or they would audit the
 * story it lands on. Landing itself is tested in tests/e2e/share-pages.spec.ts and firefox.spec.ts.
 */
import type { Page } from '@playwright/test';
import { isSharePath } from '../../src/lib/share.ts';

export { isSharePath };

/** The page's HTML without its redirect; throws if any of it is left. */
export function withoutRedirect(html: string, urlPath: string): string {
  const body = html.replace(/<meta http-equiv="refresh"[^>]*>/, '').replace(/<script type="module">[^<]*location\.replace[^<]*<\/script>/, '');
  if (/http-equiv="refresh"|location\.replace/.test(body)) throw new Error(`${urlPath}: the redirect was not held back`);
  return body;
}

/** For a share page: Playwright serves it without its redirect (a no-op for any other page). */
export async function holdBackRedirect(page: Page, urlPath: string): Promise<void> {
  if (!isSharePath(urlPath)) return;
  await page.route(`**${urlPath}`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: withoutRedirect(await response.text(), urlPath) });
  });
}
