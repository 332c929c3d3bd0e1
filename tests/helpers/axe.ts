/**
 * axe-core, run in the page itself: the same engine, rules and results as @axe-core/playwright,
 * without its set-up for frames (a second page for a final pass), which the site has none of and
 * which took most of the gate's time. Evaluated by Playwright, so the page's CSP does not refuse it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function axe(page: Page, tags: readonly string[]): Promise<AxeResults> {
  await page.evaluate(`${AXE_SOURCE};window.axe = axe;`);
  return page.evaluate((values) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values } }), [...tags]);
}
