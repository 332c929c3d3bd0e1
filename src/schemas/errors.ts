/**
 * Turns schema issues into problems an editor can act on: one plain sentence
 * per problem, naming the field and the bad value, never a raw zod dump.
 * Schema messages are written "what is wrong | how to fix it".
 */
import type { z } from 'astro/zod';
import { formatPath, type Problem } from '../lib/problems.ts';

export function issueToProblem(issue: z.core.$ZodIssue & { input?: unknown }, file: string): Problem {
  const field = formatPath(issue.path) || 'frontmatter';
  const missing = issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
  if (missing) {
    const name = String(issue.path.at(-1) ?? 'field');
    return { file, field, message: 'is missing', fix: `add "${name}:" ${issue.path.length > 1 ? 'to that entry' : 'to the frontmatter'}` };
  }
  const [what, how] = issue.message.split(' | ');
  return {
    file,
    field,
    value: issue.input,
    message: what ?? issue.message,
    fix: how ?? (issue.code === 'unrecognized_keys' ? 'remove the unknown field or fix its spelling' : 'correct the value'),
  };
}
