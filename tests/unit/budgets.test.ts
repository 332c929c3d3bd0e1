/**
 * Byte budgets of the built site (issue 8), on every page of dist/: the home
 * page, every story page and the 404 page. `npm test` builds dist/ first;
 * the measuring rules are in tools/budgets.ts, the figures in `npm run budgets`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, budgetProblems } from '../../tools/budgets.ts';
const LIMITS = BUDGETS.map((b) => `${b.what} ≤ ${b.limit} ${b.unit}`).join('; ');
import { isStoryPage, measureSite } from '../../scripts/budgets.ts';

const dist = path.resolve(process.env.BUDGETS_DIR ?? 'dist');
const built = existsSync(path.join(dist, 'index.html'));

describe(`byte budgets of ${path.relative(process.cwd(), dist) || dist}/`, () => {
  it('has a built site to measure', () => {
    if (!built) throw new Error(`${dist} has no built site: run "npm run build" first (npm test does it before the unit tests)`);
  });
  if (!built) return;

  const pages = measureSite(dist);

  it('has the home page and at least one story page', () => {
    expect(pages.map((p) => p.page)).toContain('/');
    expect(pages.filter(isStoryPage).length).toBeGreaterThan(0);
  });

  it.each(pages.map((p) => [p.page, p] as const))(
    `%s: ${LIMITS}`,
    (_page, figures) => {
      const problems = budgetProblems(figures);
      expect(problems, `\n${problems.join('\n')}\n(npm run budgets prints the figures of every page)`).toEqual([]);
    },
  );
});
