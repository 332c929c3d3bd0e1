/** `npm run check:content` (scripts/check-content.ts), run as an editor or a pre-commit hook runs it. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listStoryFiles } from '../../src/checks/check-story.ts';
import { BROKEN_DIR, VALID_DIR, expectations } from '../helpers/fixtures.ts';

function checkContent(...args: string[]) {
  const env = { ...process.env };
  delete env.STORIES_DIR;
  const r = spawnSync(process.execPath, ['scripts/check-content.ts', ...args], { encoding: 'utf8', env });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run check:content', () => {
  it('prints every problem of every broken fixture, one line each, then a summary, and exits 1', () => {
    const { status, out, err } = checkContent('tests/fixtures/broken');
    expect(err).toBe('');
    expect(status).toBe(1);
    const lines = out.trimEnd().split('\n');
    const expected = listStoryFiles(BROKEN_DIR).flatMap(expectations);
    // One line per problem, a blank line, the summary.
    expect(lines).toHaveLength(expected.length + 2);
    for (const e of expected) expect(lines.some((l) => l.startsWith(e)), e).toBe(true);
    const files = listStoryFiles(BROKEN_DIR).length;
    expect(lines.at(-1)).toMatch(new RegExp(`^Checked ${files} stories in [\\d.]+s: ${expected.length} problems in ${files} files\\.`));
  });

  // How fast it is, is the benchmark's business (npm run bench), not a timed test's.
  it('checks the real stories and exits 0 when there is no problem', () => {
    const { status, out } = checkContent();
    expect(out).toMatch(/^Checked \d+ stor(y|ies) in [\d.]+s: no problems\.\n$/);
    expect(status).toBe(0);
  });

  it('checks just the files and folders it is given', () => {
    const one = checkContent(path.join('tests/fixtures/broken', 'url-http.mdx'), 'tests/fixtures/valid');
    expect(one.status).toBe(1);
    expect(one.out).toContain('tests/fixtures/broken/url-http.mdx:13 · sources[0].url: "http://port.example.org/news/strike-ends" is not an https:// web address.');
    expect(one.out).toContain(`Checked ${1 + listStoryFiles(VALID_DIR).length} stories`);
    expect(one.out).toContain('1 problem in 1 file.');

    expect(checkContent('tests/fixtures/valid').status).toBe(0);
  });

  it('says so when a path does not exist, instead of passing', () => {
    const { status, out } = checkContent('content/storiez');
    expect(status).toBe(1);
    expect(out).toContain('content/storiez · path: does not exist. Fix: give the path of a story (.mdx) or of a folder of stories');
  });
});
