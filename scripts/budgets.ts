/**
 * Byte budgets of a built site: measures every HTML page in dist/ (or the
 * folder given) with src/lib/budgets.ts and prints a table.
 *
 * Usage: node scripts/budgets.ts [dir] [--summary]    (npm run budgets)
 *   --summary  home, 404 and the median and largest story page, instead of one row per page
 * Exits 1 when a page is over a budget or refers to a missing file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { budgetProblems, formatTable, measurePage, type Loader, type PageFigures } from '../src/lib/budgets.ts';

/** Every HTML page under dir, with its path on the site ("/", "/slug/", "/404.html"). */
export function sitePages(dir: string): { file: string; page: string }[] {
  const out: { file: string; page: string }[] = [];
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) visit(full);
      else if (e.name.endsWith('.html')) {
        const rel = path.relative(dir, full).split(path.sep).join('/');
        out.push({ file: full, page: `/${rel}`.replace(/(^|\/)index\.html$/, '$1') });
      }
    }
  };
  visit(dir);
  return out.sort((a, b) => a.page.localeCompare(b.page));
}

/** Reads same-site URLs from the built folder, the way a static host serves it. */
export function distLoader(dir: string): Loader {
  const root = path.resolve(dir);
  return (url) => {
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return undefined;
    }
    let file = path.join(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) return undefined;
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    return existsSync(file) && statSync(file).isFile() ? readFileSync(file) : undefined;
  };
}

/** Figures for every page of a built site. */
export function measureSite(dir: string): PageFigures[] {
  const load = distLoader(dir);
  return sitePages(dir).map(({ file, page }) => {
    const html = readFileSync(file, 'utf8');
    // Absolute links to the site's own address count as same-site.
    const canonical = /<link[^>]+rel="canonical"[^>]+href="([^"]+)"/.exec(html)?.[1];
    const origin = canonical && URL.canParse(canonical) ? new URL(canonical).origin : 'http://localhost';
    return measurePage(html, new URL(page, origin), load);
  });
}

/** Story pages are every page but the home page and the 404 page. */
export const isStoryPage = (f: PageFigures) => f.page !== '/' && !/^\/404(\.html|\/)$/.test(f.page);

/** Home and 404 as they are; the median and the largest story page, column by column. */
export function summaryRows(all: readonly PageFigures[]): PageFigures[] {
  const stories = all.filter(isStoryPage);
  const others = all.filter((f) => !isStoryPage(f));
  if (!stories.length) return others;
  const pick = (label: string, f: (xs: number[]) => number): PageFigures => {
    const col = (k: 'html' | 'blockingCss' | 'critical' | 'js' | 'total' | 'requests') => f(stories.map((s) => s[k]).sort((a, b) => a - b));
    return {
      page: `${label} of ${stories.length} stories`,
      html: col('html'),
      blockingCss: col('blockingCss'),
      critical: col('critical'),
      js: col('js'),
      total: col('total'),
      requests: col('requests'),
      resources: stories.flatMap((s) => s.resources.filter((r) => r.missing)),
    };
  };
  return [...others, pick('median', (xs) => xs[Math.floor((xs.length - 1) / 2)]!), pick('largest', (xs) => xs.at(-1)!)];
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
  if (!existsSync(path.join(dir, 'index.html'))) {
    console.error(`${path.relative(process.cwd(), dir) || dir}/ has no built site: run "npm run build" first.`);
    process.exit(2);
  }
  const figures = measureSite(dir);
  console.log(`Byte budgets of ${path.relative(process.cwd(), dir) || dir}/ (bytes gzipped, level 6)\n`);
  console.log(formatTable(args.includes('--summary') ? summaryRows(figures) : figures));
  const problems = figures.flatMap((f) => budgetProblems(f));
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n${problems.join('\n')}`);
    process.exit(1);
  }
}
