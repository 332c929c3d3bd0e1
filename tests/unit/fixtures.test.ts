/**
 * The broken-story fixtures in tests/fixtures/broken: each is a whole story
 * file with one problem (several-problems.mdx has five), validated on its own
 * exactly as `npm run check:content` and the build's pre-check do. Each file
 * says at its top, in `# expect:` comments, the lines an editor must see.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStory, listStoryFiles } from '../../src/checks/check-story.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { BROKEN_DIR as BROKEN, VALID_DIR as VALID, expectations } from '../helpers/fixtures.ts';

const rel = (abs: string) => path.relative(process.cwd(), abs);

/** Every case issue 7 lists, and the fixture that covers it. */
const CASES: [string, string][] = [
  ['an unknown source id in the body', 'unknown-source-in-body'],
  ['an unknown source id in the timeline', 'unknown-source-in-timeline'],
  ['an unknown source id in key figures', 'unknown-source-in-figures'],
  ['a source never cited', 'source-never-cited'],
  ['duplicate source ids', 'duplicate-source-ids'],
  ['duplicate timeline ids', 'duplicate-timeline-ids'],
  ['a javascript: URL', 'url-javascript'],
  ['a data: URL', 'url-data'],
  ['an http: URL', 'url-http'],
  ['the impossible date 2026-02-30', 'date-feb-30'],
  ['2026-02-30 written without quotes', 'date-feb-30-unquoted'],
  ['2026-13-01 written without quotes', 'date-month-13-unquoted'],
  ['a day where the precision is a month', 'day-where-precision-is-month'],
  ['a date after the build date', 'date-in-future'],
  ['a timeline out of order', 'timeline-out-of-order'],
  ['a missing title', 'missing-title'],
  ['a missing dek', 'missing-dek'],
  ["a missing source's publisher", 'missing-publisher'],
  ['an empty body', 'empty-body'],
  ['broken MDX syntax (an unclosed tag)', 'mdx-unclosed-tag'],
  ['two sections with the same heading id', 'duplicate-heading-id'],
  ['an uncited paragraph', 'uncited-paragraph'],
  // The explainer format.
  ['a short version without the other side (and no otherSide)', 'no-other-side'],
  ['a short-version part with an unknown label', 'part-unknown-label'],
  ['a labelled part outside the short version', 'part-outside-short-version'],
  ['text in the short version outside its parts', 'text-outside-parts'],
  ['a short version too long for the printed brief', 'short-version-too-long'],
  ['a source without a kind', 'source-without-kind'],
  ['a source of an unknown kind', 'source-kind-unknown'],
  ['an unknown term id in the body', 'unknown-term'],
  ['a term never used', 'unused-term'],
  ['a term with no definition and no definedBy: none', 'term-without-definition'],
  ['a change dated after the story was updated', 'change-after-updated'],
  ['a change of an unknown kind', 'change-kind-unknown'],
  ['more key figures than the brief holds', 'too-many-figures'],
  // The editor's path.
  ['a link to another site that is not a source', 'off-site-link'],
  ['<Cite id=…> instead of ids', 'cite-with-id'],
  ['an unknown topic id', 'topic-unknown'],
];

const fixtures = listStoryFiles(BROKEN);

describe('broken-story fixtures', () => {
  it('cover every case the issue lists, with at least 15 fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
    const names = fixtures.map((f) => path.basename(f, '.mdx'));
    for (const [, name] of CASES) expect(names).toContain(name);
  });

  it.each(fixtures.map((f) => [path.basename(f), f]))('%s fails with the lines it expects, and only those', async (_name, abs) => {
    const file = rel(abs);
    const expected = expectations(abs);
    expect(expected.length, 'the fixture says what it expects').toBeGreaterThan(0);
    const problems = await checkStory(abs);
    const lines = problems.map(formatProblem);
    expect(lines).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(lines[i]!.slice(0, e.length)).toBe(e));

    for (const [i, p] of problems.entries()) {
      const line = lines[i]!;
      // Names the file, and the field or the line.
      expect(line.startsWith(`${file}:`) || line.startsWith(`${file} · `)).toBe(true);
      expect(p.field).not.toBe('');
      // The bad value, except when the problem is that something is not there, or the field's own name.
      if (!/^is (missing|empty)$|^is not a field/.test(p.message)) expect(line).toContain(`"${String(p.value ?? '').slice(0, 20)}`);
      // One line, one fix, and no raw zod or stack trace wording.
      expect(line).not.toContain('\n');
      expect(line).toMatch(/\. Fix: [^.]\S* \S+/);
      expect(line.split('. Fix: ')).toHaveLength(2);
      expect(line).not.toMatch(/Invalid input|expected \w+, received|ZodError|^\s+at /);
    }
  });

  it('several-problems.mdx reports its frontmatter and body problems together, in file order', async () => {
    const problems = await checkStory(path.join(BROKEN, 'several-problems.mdx'));
    expect(problems.map((p) => p.field)).toEqual(['dek', 'sources[1].url', 'timeline[1].date', 'figures[0].sources[0]', 'body paragraph']);
  });

  it('a valid story file passes', async () => {
    const valid = listStoryFiles(VALID);
    expect(valid.length).toBeGreaterThan(0);
    for (const f of valid) expect((await checkStory(f)).map(formatProblem)).toEqual([]);
  });
});
