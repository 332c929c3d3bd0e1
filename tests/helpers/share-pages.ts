/**
 * Section share pages (src/lib/share.ts) move on to the story at once, by
 * <meta http-equiv="refresh">. A gate that checks such a page itself (its markup, contrast,
 * requests, words) holds it there: the browser is served the page without that one tag.
 */
import type { Page } from '@playwright/test';

/** A share page's URL path: /<story>/s/<id>/. */
export const SHARE_PAGE = /^\/[a-z0-9-]+\/s\/[a-z0-9-]+\/(index\.html)?$/;
const REFRESH = /<meta http-equiv="refresh"[^>]*>\n?/;

export async function holdRefresh(page: Page): Promise<void> {
  await page.route(
    (url) => SHARE_PAGE.test(url.pathname),
    async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(REFRESH, '');
      const headers = { ...response.headers() };
      delete headers['content-length'];
      delete headers['content-encoding'];
      await route.fulfill({ status: response.status(), headers, body });
    },
  );
}
