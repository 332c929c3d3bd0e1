/** The broken-story fixtures: each says, in `# expect:` comments at its top, the lines an editor must see. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const BROKEN_DIR = path.resolve('tests/fixtures/broken');
export const VALID_DIR = path.resolve('tests/fixtures/valid');

/** The `# expect:` lines of a fixture: each is the start of one reported line, in order. */
export function expectations(abs: string): string[] {
  return [...readFileSync(abs, 'utf8').matchAll(/^# expect: (.+)$/gm)].map((m) => m[1]!);
}
