/** Byte budgets of a built site (npm run budgets [dir] [--summary]): exits 1 when a page is over one or refers to a missing file. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { builtPages, fileFor } from '../tools/built-site.ts';
import { budgetProblems, formatBudgets, formatTable, measurePage, type Loader, type PageFigures } from '../tools/budgets.ts';
import { isSharePath } from '../src/lib/share.ts';

export function distLoader(dir: string): Loader {
  return (url) => {
    const file = fileFor(url.pathname, dir);
    return file === null ? undefined : readFileSync(path.join(dir, file));
  };
}

export function measureSite(dir: string): PageFigures[] {
  const load = distLoader(dir);
  return builtPages(dir).map((page) => {
    const html = readFileSync(path.join(dir, fileFor(page, dir)!), 'utf8');
    // Absolute links to the site's own address count as same-site.
    const canonical = /<link[^>]+rel="canonical"[^>]+href="([^"]+)"/.exec(html)?.[1];
    const origin = canonical && URL.canParse(canonical) ? new URL(canonical).origin : 'http://localhost';
    return measurePage(html, new URL(page, origin), load);
  });
}

// The other lists (/topics/…, /stories/…) are held to the further front pages' budgets.
export const isFrontPage = (f: PageFigures) => /^\/(page\/\d+|topics(\/[a-z0-9-]+)?(\/\d+)?|stories(\/\d+)?)\/$/.test(f.page);
export const isSharePage = (f: PageFigures) => isSharePath(f.page);
export const isStoryPage = (f: PageFigures) => !['/', '/about/', '/search/'].includes(f.page) && !isFrontPage(f) && !isSharePage(f) && !/^\/404(\.html|\/)$/.test(f.page);

export function summaryRows(all: readonly PageFigures[]): PageFigures[] {
  const stories = all.filter(isStoryPage);
  const fronts = all.filter(isFrontPage);
  const shares = all.filter(isSharePage);
  const others = all.filter((f) => !isStoryPage(f) && !isFrontPage(f) && !isSharePage(f));
  // The further front pages (20 stories each) as one row: the largest of them, column by column.
  if (fronts.length) others.push(pickOf(fronts, `largest of ${fronts.length} further front pages, topic and A–Z pages`, (xs) => xs.at(-1)!));
  if (shares.length) others.push(pickOf(shares, `largest of ${shares.length} share pages`, (xs) => xs.at(-1)!));
  if (!stories.length) return others;
  const pick = (label: string, f: (xs: number[]) => number) => pickOf(stories, `${label} of ${stories.length} stories`, f);
  return [...others, pick('median', (xs) => xs[Math.floor((xs.length - 1) / 2)]!), pick('largest', (xs) => xs.at(-1)!)];
}

function pickOf(pages: readonly PageFigures[], label: string, f: (xs: number[]) => number): PageFigures {
  const col = (k: Exclude<keyof PageFigures, 'page' | 'resources'>) => f(pages.map((p) => p[k]).sort((a, b) => a - b));
  const keys = ['html', 'firstHtml', 'blockingCss', 'critical', 'js', 'fontFiles', 'fontBytes', 'firstView', 'total', 'requests'] as const;
  return {
    page: label,
    ...(Object.fromEntries(keys.map((k) => [k, col(k)])) as Record<(typeof keys)[number], number>),
    resources: pages.flatMap((p) => p.resources.filter((r) => r.missing)),
  };
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
  console.log(`\nThe budgets (tools/budgets.ts, BUDGETS):\n${formatBudgets()}`);
  const problems = figures.flatMap((f) => budgetProblems(f));
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n${problems.join('\n')}`);
    process.exit(1);
  }
}
