/**
 * Validates story files without a full build: the frontmatter against the
 * schema, and (optionally) the MDX body through the same remark/rehype checks
 * the build runs. Used by the build's pre-check and by `npm run check:content`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import type { PluggableList } from 'unified';
import * as yaml from 'js-yaml';
import { VFile } from 'vfile';
import { ID_PATTERN } from '../lib/ids.ts';
import { ContentError, type Problem } from '../lib/problems.ts';
import { lineOfPath, parseFieldPath } from '../lib/yaml-lines.ts';
import { issueToProblems } from '../schemas/errors.ts';
import { storySchema } from '../schemas/story.ts';
import { rehypePlugins, remarkPlugins } from './markdown-plugins.ts';

/** Where stories live; STORIES_DIR overrides it (fixtures, benchmarks). */
export function storiesDir(): string {
  return path.resolve(process.env.STORIES_DIR ?? 'content/stories');
}

export function listStoryFiles(dir = storiesDir()): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => path.join(dir, f));
}

export interface SplitStory {
  frontmatter: Record<string, unknown>;
  /** The body with the frontmatter blanked out, so line numbers match the file. */
  body: string;
  /** The frontmatter as written (it starts on line 2 of the file), to find a field's line. */
  yaml: string;
}

/**
 * Splits a story into frontmatter and body. YAML is read with the core schema:
 * dates stay text, so an impossible date like 2026-02-30 is reported, not rolled over.
 */
export function splitStory(source: string, file: string): { story?: SplitStory; problems: Problem[] } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!m) {
    return { problems: [{ file, line: 1, field: 'frontmatter', message: 'is missing', fix: 'start the file with a --- line, the fields, and another --- line' }] };
  }
  let data: unknown;
  try {
    data = yaml.load(m[1]!, { schema: yaml.CORE_SCHEMA });
  } catch (e) {
    return { problems: [yamlProblem(e as yaml.YAMLException, m[1]!, file)] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { problems: [{ file, line: 2, field: 'frontmatter', message: 'is not a set of fields', fix: 'write one "name: value" per line' }] };
  }
  const blank = m[0].replace(/[^\n]/g, ' ');
  return { story: { frontmatter: data as Record<string, unknown>, body: blank + source.slice(m[0].length), yaml: m[1]! }, problems: [] };
}

/** A YAML error as an editor reads it: the line as written, what is wrong, how to fix it. */
function yamlProblem(err: yaml.YAMLException, frontmatter: string, file: string): Problem {
  const index = err.mark?.line ?? 0;
  const text = (frontmatter.split(/\r?\n/)[index] ?? '').trim();
  const reason = err.reason ?? 'not YAML';
  const [message, fix] = /duplicated mapping key/.test(reason)
    ? ['gives the same field twice', 'keep one of the two lines']
    : /tab characters/.test(reason)
      ? ['is indented with a tab', 'indent with spaces only']
      : [
          `cannot be read (${reason})`,
          'put a value that contains ": " or " #" in double quotes (title: "Strike: day two"), and indent the fields of a list entry evenly',
        ];
  return { file, line: index + 2, field: 'frontmatter', value: text || undefined, message, fix };
}

/**
 * Checks the frontmatter against the schema; every problem at once. Given the
 * frontmatter text, each problem also gets the line of its field.
 */
export function checkFrontmatter(frontmatter: unknown, file: string, yaml?: string): Problem[] {
  const result = storySchema.safeParse(frontmatter, { reportInput: true });
  const problems = result.success ? [] : result.error.issues.flatMap((i) => issueToProblems(i, file));
  return yaml === undefined ? problems : addLines(problems, yaml);
}

/** Gives problems about a frontmatter field ("sources[2].url") the line of that field. */
export function addLines(problems: Problem[], yaml: string): Problem[] {
  return problems.map((p) => {
    if (p.line !== undefined) return p;
    const fieldPath = parseFieldPath(p.field);
    const line = fieldPath && lineOfPath(yaml, fieldPath, 2);
    return line ? { ...p, line } : p;
  });
}

/** Compiles the body with the build's checks; returns its problems (syntax errors included). */
export async function checkBody(body: string, frontmatter: Record<string, unknown>, file: string): Promise<Problem[]> {
  const vfile = new VFile({ value: body, path: file, data: { astro: { frontmatter: { ...frontmatter } } } });
  try {
    await compile(vfile, {
      // The same plugins as the build (no string entries in our lists, which is all the cast hides).
      remarkPlugins: remarkPlugins as PluggableList,
      rehypePlugins: rehypePlugins as PluggableList,
    });
    return [];
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    return [syntaxProblem(e as MdxSyntaxError, body, file)];
  }
}

interface MdxSyntaxError {
  line?: number;
  place?: { line?: number; start?: { line?: number } };
  reason?: string;
  ruleId?: string;
  message: string;
}

/** An MDX syntax error as an editor reads it: the line as written, what is wrong in plain words, how to fix it. */
export function syntaxProblem(err: MdxSyntaxError, body: string, file: string): Problem {
  const reason = err.reason ?? err.message;
  // "Expected a closing tag for `<Analysis>` (12:1-12:11)" has its place only in the text.
  const line = err.line ?? err.place?.line ?? err.place?.start?.line ?? Number(/\((\d+):\d+-/.exec(reason)?.[1] ?? NaN);
  const text = Number.isNaN(line) ? '' : (body.split(/\r?\n/)[line - 1] ?? '').trim();
  const [message, fix] = explainSyntax(err.ruleId, reason);
  return {
    file,
    line: Number.isNaN(line) ? undefined : line,
    field: 'MDX syntax',
    value: text || undefined,
    message,
    fix,
  };
}

function explainSyntax(ruleId: string | undefined, reason: string): [message: string, fix: string] {
  const tag = /`<([^>`\s]+)>`/.exec(reason)?.[1];
  if (ruleId === 'end-tag-mismatch' && tag) {
    return [`opens <${tag}> and never closes it`, `add </${tag}> where it ends, or end it with /> (<${tag} … />) if it wraps nothing`];
  }
  if (ruleId === 'unexpected-closing-slash') return ['closes a tag that was never opened', 'remove the closing tag, or open it where it starts'];
  if (ruleId === 'acorn') return ['has braces { } that MDX reads as code', 'write literal braces as \\{ and \\}, or remove them'];
  if (/end of file in expression/.test(reason)) return ['has a { that is never closed', 'close it with }, or write a literal brace as \\{'];
  if (/end of file/.test(reason)) return ['has a tag that is never closed', 'end the tag with /> as in <Cite ids="…" />, or write a literal < as &lt;'];
  const short = reason.replace(/ \(\d+:\d+-\d+:\d+\)/, '').split(', expected')[0]!;
  return [`cannot be read (${short})`, 'close every tag and brace on that line; write a literal { or < as \\{ or &lt;'];
}

export async function validateStoryFile(absPath: string, opts: { body?: boolean } = {}): Promise<Problem[]> {
  const file = path.relative(process.cwd(), absPath);
  const { story, problems } = splitStory(readFileSync(absPath, 'utf8'), file);
  if (!story) return problems;
  const found = checkFrontmatter(story.frontmatter, file, story.yaml);
  // The file name is the page's address: /<name>/.
  const name = path.basename(absPath, '.mdx');
  if (!ID_PATTERN.test(name)) {
    found.push({ file, field: 'file name', value: path.basename(absPath), message: 'cannot be the page’s address', fix: 'rename the file with lowercase letters, digits and hyphens only, like openai-shifts-partners.mdx' });
  }
  if (opts.body !== false) found.push(...addLines(await checkBody(story.body, story.frontmatter, file), story.yaml));
  // In the order of the file; problems without a line (a missing field) first.
  return found.map((p, i) => ({ p, i })).sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i).map(({ p }) => p);
}

export async function validateStories(dir = storiesDir(), opts: { body?: boolean } = {}): Promise<Problem[]> {
  const all: Problem[] = [];
  for (const f of listStoryFiles(dir)) all.push(...(await validateStoryFile(f, opts)));
  return all;
}
