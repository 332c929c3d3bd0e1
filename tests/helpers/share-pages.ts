/**
 * Section share pages (src/lib/share.ts) move on to the story at once, by
 * <meta http-equiv="refresh">. A gate that checks such a page itself (its markup, contrast,
 * requests, words) holds it there: the browser is served the page without that one tag.
 */
import type { Page } from '@playwright/test';
import { isSharePath } from '../../src/lib/share.ts';

export { isSharePath };

/** A share page's HTML without its refresh. */
export const withoutRefresh = (html: string) => html.replace(/<meta http-equiv="refresh"[^>]*>\n?/, '');

export async function holdRefresh(page: Page): Promise<void> {
  await page.route(
    (url) => isSharePath(url.pathname),
    async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-length'];
      delete headers['content-encoding'];
      await route.fulfill({ status: response.status(), headers, body: withoutRefresh(await response.text()) });
    },
  );
}
