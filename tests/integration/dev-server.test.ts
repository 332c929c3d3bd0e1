/**
 * The dev server checks a story as it is on disk when its page renders: a
 * frontmatter typo made while it runs shows in the browser (status 500, the
 * error overlay's data) with the same line `npm run check:content` prints, and
 * the right field names, not the old page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, describe, expect, it } from 'vitest';
import { systemChromium } from '../../scripts/system-chromium.ts';
import { freePort } from '../../scripts/free-port.ts';
import { checkStory } from '../../src/checks/check-story.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { VALID_DIR } from '../helpers/fixtures.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dev-server-'));
const stories = path.join(tmp, 'stories');
const story = path.join(stories, 'port-strike.mdx');
let dev: ChildProcess | undefined;
afterAll(() => {
  dev?.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
});

async function get(url: string, tries = 180): Promise<Response> {
  for (let i = 0; ; i++) {
    try {
      return await fetch(url);
    } catch (e) {
      if (i >= tries) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

describe('npm run dev', () => {
  it('serves drafts with their banner, share pages and cards, and shows a frontmatter typo made while it runs in the browser, in check:content’s words', async () => {
    mkdirSync(stories, { recursive: true });
    copyFileSync(path.join(VALID_DIR, 'port-strike.mdx'), story);
    writeFileSync(path.join(stories, 'harbour-talks.mdx'), readFileSync(story, 'utf8').replace(/^---\n/, '---\ndraft: true\n'));
    const port = await freePort();
    // As an editor's shell has it: none of Vitest's own variables (NODE_ENV=test, VITEST…).
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|TEST$|TZ$)/.test(k)));
    dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      env: { ...env, STORIES_DIR: stories, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    });
    const url = `http://127.0.0.1:${port}/port-strike/`;
    // The first requests may come before Astro has read the stories.
    let good = await get(url);
    for (let i = 0; i < 60 && good.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 500));
      good = await get(url);
    }
    expect(good.status).toBe(200);
    expect(await good.text()).toContain('Port strike ends after talks');
    // A draft renders here, marked as one (a build leaves it out: drafts.test.ts).
    const draft = await get(`http://127.0.0.1:${port}/harbour-talks/`);
    expect(draft.status).toBe(200);
    expect(await draft.text()).toMatch(/class="draft-banner"[^>]*><strong[^>]*>Draft<\/strong>/);
    // Copy link gives a section's share address: it answers in dev too, with its card.
    const share = await get(`http://127.0.0.1:${port}/port-strike/s/what-happened/`);
    expect(share.status).toBe(200);
    expect(await share.text()).toContain('url=/port-strike/#what-happened');
    const card = await get(`http://127.0.0.1:${port}/og/port-strike/what-happened.png`);
    expect([card.status, card.headers.get('content-type')]).toEqual([200, 'image/png']);

    // The editor misspells "published" and a topic.
    writeFileSync(story, readFileSync(story, 'utf8').replace(/^published:/m, 'publised:').replace('[cloud-computing]', '[cloud-computng]'));
    const expected = (await checkStory(story)).map(formatProblem);
    expect(expected.join('\n')).toContain('publised: is not a field of a story');
    expect(expected.join('\n')).toContain('published: is missing');
    expect(expected.join('\n')).toContain('topics[0]: "cloud-computng" is not a topic. Fix: use one of: amazon, cloud-computing, microsoft, openai');

    let status = 0;
    for (let i = 0; i < 40 && status !== 500; i++) {
      await new Promise((r) => setTimeout(r, 500));
      status = (await get(url)).status;
    }
    expect(status, 'the page shows the problem, not the old story').toBe(500);

    // What the editor sees: Vite's error overlay, in a real browser.
    const browser = await chromium.launch({ executablePath: systemChromium(), args: ['--disable-background-networking', '--no-first-run'] });
    try {
      const page = await browser.newPage();
      await page.goto(url);
      const overlay = page.locator('vite-error-overlay');
      await overlay.waitFor({ state: 'attached', timeout: 30_000 });
      const shown = await overlay.evaluate((el) => el.shadowRoot?.textContent ?? '');
      for (const line of expected) expect(shown).toContain(line.slice(line.indexOf(' · ') + 3));
      expect(shown).not.toMatch(/\*\*\*\*:|is not a date string/);
    } finally {
      await browser.close();
    }
  }, 240_000);
});
