/** Output a reader keeps: `npm test > log` must read as plain text. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('test output in a file', () => {
  it('carries no colour codes (npm run test:unit with its output redirected)', () => {
    // As a shell would start it: none of this run's own Vitest variables.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NO_COLOR|FORCE_COLOR|TEST$|NODE_ENV$|MODE$|DEV$|PROD$|SSR$|BASE_URL$)/.test(k)));
    const r = spawnSync('npm', ['run', 'test:unit', '--', 'tests/unit/site.test.ts'], { encoding: 'utf8', env });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Tests\s+\d+ passed/);
    expect(r.stdout + r.stderr).not.toMatch(/\x1b\[/);
  }, 120_000);
});
