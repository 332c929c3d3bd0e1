/** Lighthouse audit of the built site (npm run audit): exits 1 when a page loses a point (the limits: docs/testing.md). */
import { startPreview } from './serve.ts';
import { systemChromium } from './system-chromium.ts';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { requireDist, sitemapPaths } from '../tools/built-site.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const PORT = Number(arg('--port') ?? process.env.AUDIT_PORT ?? 4360);
const JSON_DIR = path.resolve(arg('--json-dir') ?? '.tmp/lighthouse');
const CHROME = systemChromium();
const CATEGORIES = [
  { id: 'performance', label: 'Performance', min: 1 },
  { id: 'accessibility', label: 'Accessibility', min: 0.98 },
  { id: 'best-practices', label: 'Best practices', min: 0.98 },
  { id: 'seo', label: 'SEO', min: 0.98 },
] as const;

interface LhAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
}
interface LhResult {
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, LhAudit>;
  runWarnings: string[];
}

function runLighthouse(url: string): LhResult {
  const bin = path.resolve('node_modules', 'lighthouse', 'cli', 'index.js');
  const result = spawnSync(
    process.execPath,
    [
      bin,
      url,
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      '--form-factor=mobile',
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
    ],
    { env: { ...process.env, ...(CHROME ? { CHROME_PATH: CHROME } : {}) }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`lighthouse failed on ${url}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as LhResult;
}

requireDist();
const pages = [...new Set(['/', ...sitemapPaths()])];
let stop = () => {};
process.on('exit', () => stop());

let failed = false;
try {
  const preview = await startPreview(PORT);
  stop = () => void preview.stop();
  const origin = preview.origin;
  mkdirSync(JSON_DIR, { recursive: true });
  const rows: string[][] = [];
  const losses: string[] = [];
  for (const page of pages) {
    process.stderr.write(`lighthouse ${page} …\n`);
    const lhr = runLighthouse(origin + page);
    writeFileSync(path.join(JSON_DIR, `${page.replace(/\W+/g, '_').replace(/^_|_$/g, '') || 'home'}.json`), JSON.stringify(lhr));
    const row = [page];
    for (const c of CATEGORIES) {
      const score = lhr.categories[c.id]?.score ?? 0;
      row.push(score.toFixed(2));
      if (score < c.min) {
        failed = true;
        row[row.length - 1] += ' ✗';
      }
      for (const ref of lhr.categories[c.id]?.auditRefs ?? []) {
        const a = lhr.audits[ref.id];
        if (a && ref.weight > 0 && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable') {
          losses.push(`${page}  ${c.label}: ${a.title} (${a.id}, score ${a.score}${a.displayValue ? `, ${a.displayValue}` : ''})`);
        }
      }
    }
    for (const w of lhr.runWarnings) losses.push(`${page}  warning: ${w}`);
    // Layout shift: 0 to three decimals. A word that changes line when the typeface swaps in can still move by ~0.0001.
    const clsAudit = lhr.audits['cumulative-layout-shift'];
    const cls = clsAudit?.numericValue ?? NaN;
    row.push(`${clsAudit?.displayValue ?? '?'} (${cls.toPrecision(2)})`);
    if (clsAudit?.displayValue !== '0') {
      failed = true;
      row[row.length - 1] += ' ✗';
    }
    rows.push(row);
  }

  const header = ['Page', ...CATEGORIES.map((c) => c.label), 'CLS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(`\nLighthouse (mobile preset), ${new Date().toISOString().slice(0, 10)}, ${pages.length} pages`);
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log(`\nThresholds: performance 1.00; accessibility, best practices, SEO 0.98; CLS shown as 0. Reports: ${path.relative(process.cwd(), JSON_DIR)}/`);
  if (losses.length) console.log(`\nPoints lost:\n${losses.map((l) => `  ${l}`).join('\n')}`);
  console.log(failed ? '\nAUDIT FAILED' : '\nAudit passed');
} catch (e) {
  console.error((e as Error).message);
  failed = true;
} finally {
  stop();
}
process.exit(failed ? 1 : 0);
