/** Schema issues as problems an editor can act on, never a raw zod dump; schema messages read "what is wrong | how to fix it". */
import type { z } from 'astro/zod';
import { formatPath, type Problem } from '../lib/problems.ts';

const ENTRY: Record<string, string> = { sources: 'source', timeline: 'timeline entry', figures: 'key figure', terms: 'term', changes: 'change' };

function container(path: readonly PropertyKey[]): string {
  if (path.length <= 1) return 'the frontmatter';
  const list = path.at(-3);
  return typeof path.at(-2) === 'number' && typeof list === 'string' && ENTRY[list] ? `that ${ENTRY[list]}` : `"${String(path.at(-2))}"`;
}

/** zod's wording when a rule has none of its own (never shown raw: it gets a fix). */
function split(message: string): [string, string | undefined] {
  const [what, how] = message.split(' | ');
  return [what ?? message, how];
}

export function issueToProblems(issue: z.core.$ZodIssue & { input?: unknown }, file: string): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    const [what, how] = split(issue.message);
    return issue.keys.map((key) => ({
      file,
      field: formatPath([...issue.path, key]),
      message: what.startsWith('is not a field') ? what : 'is not a known field',
      fix: how ?? 'check its spelling or remove it',
    }));
  }
  return [issueToProblem(issue, file)];
}

export function issueToProblem(issue: z.core.$ZodIssue & { input?: unknown }, file: string): Problem {
  const field = formatPath(issue.path) || 'frontmatter';
  const missing = issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
  const [what, how] = split(issue.message);
  if (missing) {
    const name = String(issue.path.at(-1) ?? 'field');
    // The schema's own advice says what to write there ("write the publisher").
    const advice = how ? ` and ${how}` : '';
    return { file, field, message: 'is missing', fix: `add a "${name}:" line to ${container(issue.path)}${advice}` };
  }
  return {
    file,
    field,
    value: issue.input,
    message: how ? what : 'is not valid here',
    fix: how ?? (issue.code === 'unrecognized_keys' ? 'remove the unknown field or fix its spelling' : `correct the value (${what})`),
  };
}
