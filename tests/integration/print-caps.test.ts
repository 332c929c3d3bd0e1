/**
 * The content check caps what the printed brief carries (PRINT_CAPS in
 * src/checks/rules.ts), so any story within the caps prints on one page. The
 * proof: the valid fixtures, one of them at every cap (at-the-caps.mdx), built
 * in a folder of their own and printed in Chromium on Letter and A4.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveBuilt } from '../../tools/built-site.ts';
import { systemChromium } from '../../scripts/system-chromium.ts';
import { PRINT_CAPS } from '../../src/checks/rules.ts';
import { parseStory } from '../../src/checks/story-file.ts';
import { listStoryFiles } from '../../src/checks/check-story.ts';
import { briefParts, missingParts, PAPERS, pdfPages, pdfText, printBrief } from '../helpers/brief.ts';
import { VALID_DIR } from '../helpers/fixtures.ts';
import { readFileSync } from 'node:fs';

const ROOT = path.resolve('.tmp', `print-caps-${process.pid}`);
const SITE = path.join(ROOT, 'site');
let browser: Browser;
let server: Awaited<ReturnType<typeof serveBuilt>>;

beforeAll(async () => {
  const env = { ...process.env, STORIES_DIR: VALID_DIR, ASTRO_CACHE_DIR: path.join(ROOT, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' };
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', SITE], { env, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`the build of the fixtures failed:\n${r.stdout}\n${r.stderr}`);
  server = await serveBuilt(SITE);
  browser = await chromium.launch({ executablePath: systemChromium(), args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(ROOT, { recursive: true, force: true });
});

describe('the printed brief at the caps', () => {
  it('the at-the-caps fixture is at every cap', () => {
    const { story } = parseStory(readFileSync(path.join(VALID_DIR, 'at-the-caps.mdx'), 'utf8'), 'at-the-caps.mdx');
    const fm = story!.frontmatter as { sources: unknown[]; timeline: { title: string }[]; figures: unknown[] };
    expect([fm.sources.length, fm.timeline.length, fm.figures.length]).toEqual([PRINT_CAPS.sources, PRINT_CAPS.timeline, PRINT_CAPS.figures]);
    expect(Math.max(...fm.timeline.map((e) => e.title.length))).toBeGreaterThanOrEqual(PRINT_CAPS.timelineTitle - 3);
  });

  for (const file of listStoryFiles(VALID_DIR)) {
    const slug = path.basename(file, '.mdx');
    for (const paper of PAPERS) {
      it(`${slug} prints on one ${paper.format} page with every part`, async () => {
        const page = await browser.newPage();
        try {
          await page.emulateMedia({ media: 'print' });
          await page.goto(`${server.origin}/${slug}/`);
          const parts = await briefParts(page);
          const pdf = await printBrief(page, `fixture-${slug}`, paper);
          expect(pdfPages(pdf)).toBe(1);
          expect(missingParts(pdfText(pdf), parts)).toEqual([]);
        } finally {
          await page.close();
        }
      }, 60_000);
    }
  }
});
