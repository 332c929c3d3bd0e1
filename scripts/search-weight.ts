/**
 * What a reader's first search downloads: opens /search/?q=<word> on a served build in Chromium and
 * adds up everything Pagefind fetches for it (pagefind.js, its worker and WebAssembly, the index
 * chunks, the results' fragments), each gzipped as tools/budgets.ts measures text. Against
 * SEARCH_FIRST_QUERY (150 KB). For the 1,000-story bench build, pick a word one story has
 * (searchWord in scripts/bench-stories.ts).
 *   node scripts/search-weight.ts [word] [site address]     (defaults: Bedrock, http://127.0.0.1:4321)
 */
import { chromium } from '@playwright/test';
import { SEARCH_FIRST_QUERY, transferSize } from '../tools/budgets.ts';
import { systemChromium } from './system-chromium.ts';

const [word = 'Bedrock', site = 'http://127.0.0.1:4321'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: systemChromium() });
const page = await browser.newPage();
const sizes: Promise<number>[] = [];
page.on('response', (r) => {
  const { pathname } = new URL(r.url());
  if (pathname.startsWith('/pagefind/')) sizes.push(r.body().then((b) => transferSize(b, pathname)));
});
await page.goto(new URL(`/search/?q=${encodeURIComponent(word)}`, site).href);
await page.locator('#search-results li, #search-status:text-matches("No explainer")').first().waitFor({ timeout: 30_000 });
const found = await page.locator('#search-results li').count();
const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
await browser.close();
console.log(`first search for "${word}": ${found} result(s), ${sizes.length} files from /pagefind/, ${bytes.toLocaleString('en-US')} bytes gzipped (budget ${SEARCH_FIRST_QUERY.toLocaleString('en-US')})`);
process.exit(bytes <= SEARCH_FIRST_QUERY ? 0 : 1);
