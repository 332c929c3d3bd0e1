import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStory } from '../../src/checks/check-story.ts';
import { formatProblem } from '../../src/lib/problems.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'story-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const withName = (name: string) => {
  const file = path.join(dir, name);
  copyFileSync('tests/fixtures/valid/port-strike.mdx', file);
  return file;
};

describe('story file names', () => {
  it('refuses a file name that cannot be the page’s address', async () => {
    const lines = (await checkStory(withName('Port Strike.mdx'))).map(formatProblem);
    expect(lines.join('\n')).toContain('file name: "Port Strike.mdx" cannot be the page’s address. Fix: rename the file');
  });
  it('accepts a lowercase, hyphenated name', async () => {
    expect(await checkStory(withName('port-strike-2.mdx'))).toEqual([]);
  });
});
