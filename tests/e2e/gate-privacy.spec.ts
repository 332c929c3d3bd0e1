/**
 * Quality gates in the browser, on every built page: no request leaves the
 * site's origin (no web fonts, analytics, embeds or beacons from elsewhere),
 * and the page loads without a single Content-Security-Policy violation while
 * the policy is really enforced.
 */
import { expect, test, type Page } from '@playwright/test';
import { pagesToBrowse } from '../helpers/site.ts';
import { holdRefresh } from '../helpers/share-pages.ts';

// The pages to browse, and the search page with its results (they come from Pagefind's files, over WebAssembly).
const PAGES = [...pagesToBrowse(), '/search/?q=Bedrock'];

/** Loads a page as a reader would: to the end, in screen and print media, waiting for the network to settle. */
async function readThrough(page: Page, path: string) {
  // A share page is checked as itself (the story it moves on to has its own test).
  await holdRefresh(page);
  const response = await page.goto(path, { waitUntil: 'networkidle' });
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(r));
    }
  });
  await page.emulateMedia({ media: 'print' });
  await page.waitForLoadState('networkidle');
  await page.emulateMedia({ media: 'screen' });
  await page.waitForLoadState('networkidle');
  return response;
}

test.describe('privacy', () => {
  // Without the CSP, so the test sees what the markup would fetch even if the
  // policy were loosened; anything off-site is recorded, then aborted.
  test.use({ bypassCSP: true });
  for (const path of PAGES) {
    test(`${path}: every request stays on the site, and nothing is embedded`, async ({ page, context, baseURL }) => {
      const origin = new URL(baseURL!).origin;
      const requests: string[] = [];
      context.on('request', (r) => requests.push(`${r.method()} ${r.resourceType()} ${r.url()}`));
      page.on('websocket', (ws) => requests.push(`websocket ${ws.url()}`));
      await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient')));
      await readThrough(page, path);

      const offsite = requests.filter((r) => {
        const url = r.split(' ').at(-1)!;
        return !url.startsWith('data:') && !url.startsWith('blob:') && (!URL.canParse(url) || new URL(url).origin !== origin);
      });
      expect(offsite, `requests that left ${origin}:\n${offsite.join('\n')}`).toEqual([]);
      const sending = requests.filter((r) => !r.startsWith('GET '));
      expect(sending, 'only GET requests: nothing sends data (beacons, analytics)').toEqual([]);
      expect(requests.length).toBeGreaterThan(0);

      const page_ = await page.evaluate(() => ({
        embeds: [...document.querySelectorAll('iframe, frame, embed, object, portal, fencedframe')].map((e) => e.outerHTML.slice(0, 120)),
        hints: [...document.querySelectorAll<HTMLLinkElement>('link[rel~="preconnect"], link[rel~="dns-prefetch"], link[rel~="prefetch"], link[rel~="prerender"], link[rel~="preload"], link[rel~="modulepreload"]')]
          .filter((l) => new URL(l.href, location.href).origin !== location.origin)
          .map((l) => l.outerHTML),
        fonts: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
        cookies: document.cookie,
        storage: localStorage.length + sessionStorage.length,
      }));
      expect(page_.embeds, 'no iframes, embeds or objects').toEqual([]);
      expect(page_.hints, 'no resource hints to other origins (they leak the visit through DNS)').toEqual([]);
      expect(page.frames(), 'no frames besides the page').toHaveLength(1);
      expect(page_.cookies, 'no cookies').toBe('');
      expect(page_.storage, 'nothing in local or session storage').toBe(0);
      expect(context.serviceWorkers(), 'no service workers').toEqual([]);
      console.log(`privacy ${path}: ${requests.length} requests, all to ${origin}; fonts loaded: ${page_.fonts.join(', ') || 'none (system fonts)'}`);
    });
  }
});

test.describe('content security policy', () => {
  for (const path of PAGES) {
    test(`${path}: loads with no CSP violation, and the policy is enforced`, async ({ page }) => {
      const reports: string[] = [];
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
        });
      });
      page.on('console', (m) => {
        if (/content security policy|refused to/i.test(m.text())) reports.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => reports.push(`page error: ${e.message}`));
      const response = await readThrough(page, path);
      const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      const all = [...violations, ...reports];
      expect(all, `CSP violations or page errors on ${path}:\n${all.join('\n')}`).toEqual([]);

      // The controls. An inline script injected now must be refused, and reported by the <meta>
      // (the page's hashes are there; the CSP header, where the server sends one, governs no
      // scripts). A <base> to another origin must be refused and reported by each policy in
      // force: the <meta>, and the header where the server sends one (nginx does).
      const header = response?.headers()['content-security-policy'];
      if (header) expect(header, 'the site-wide CSP header').toMatch(/frame-ancestors 'none'/);
      const ran = await page.evaluate(async () => {
        const w = window as unknown as { __csp: string[]; __ran?: boolean };
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.head.append(s);
        await new Promise((r) => setTimeout(r, 50));
        const script = w.__csp.length;
        const base = document.createElement('base');
        base.href = 'https://example.invalid/';
        document.head.append(base);
        await new Promise((r) => setTimeout(r, 50));
        return { ran: w.__ran === true, script, base: w.__csp.length - script, baseKept: document.baseURI.startsWith(location.origin) };
      });
      expect(ran, 'the CSP refuses an injected inline script and an injected <base>').toEqual({ ran: false, script: 1, base: header ? 2 : 1, baseKept: true });
    });
  }
});
