/**
 * Validates story files without a full build: the frontmatter against the
 * schema, and (optionally) the MDX body through the same remark/rehype checks
 * the build runs. Used by the build's pre-check and by `npm run check:content`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import * as yaml from 'js-yaml';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import { ContentError, type Problem } from '../lib/problems.ts';
import { issueToProblem } from '../schemas/errors.ts';
import { storySchema } from '../schemas/story.ts';
import { rehypeCheckHeadingIds } from './rehype-sections.ts';
import remarkStory from './remark-story.ts';

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
    const err = e as yaml.YAMLException;
    return {
      problems: [{ file, line: (err.mark?.line ?? 0) + 2, field: 'frontmatter', value: err.reason, message: 'is not valid YAML', fix: 'check the indentation and quotes on that line' }],
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { problems: [{ file, line: 2, field: 'frontmatter', message: 'is not a set of fields', fix: 'write one "name: value" per line' }] };
  }
  const blank = m[0].replace(/[^\n]/g, ' ');
  return { story: { frontmatter: data as Record<string, unknown>, body: blank + source.slice(m[0].length) }, problems: [] };
}

export function checkFrontmatter(frontmatter: unknown, file: string): Problem[] {
  const result = storySchema.safeParse(frontmatter, { reportInput: true });
  return result.success ? [] : result.error.issues.map((i) => issueToProblem(i, file));
}

/** Compiles the body with the build's checks; returns its problems (syntax errors included). */
export async function checkBody(body: string, frontmatter: Record<string, unknown>, file: string): Promise<Problem[]> {
  const vfile = new VFile({ value: body, path: file, data: { astro: { frontmatter: { ...frontmatter } } } });
  try {
    await compile(vfile, {
      remarkPlugins: [remarkGfm, remarkStory],
      rehypePlugins: [rehypeCheckHeadingIds, rehypeSlug],
    });
    return [];
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    const err = e as { line?: number; place?: { line?: number; start?: { line?: number } }; reason?: string; message: string };
    const line = err.line ?? err.place?.line ?? err.place?.start?.line;
    return [{ file, line, field: 'MDX syntax', value: err.reason ?? err.message, message: 'cannot be read', fix: 'close every tag and brace on that line; write a literal { or < as \\{ or &lt;' }];
  }
}

export async function validateStoryFile(absPath: string, opts: { body?: boolean } = {}): Promise<Problem[]> {
  const file = path.relative(process.cwd(), absPath);
  const { story, problems } = splitStory(readFileSync(absPath, 'utf8'), file);
  if (!story) return problems;
  const found = checkFrontmatter(story.frontmatter, file);
  if (opts.body !== false) found.push(...(await checkBody(story.body, story.frontmatter, file)));
  return found;
}

export async function validateStories(dir = storiesDir(), opts: { body?: boolean } = {}): Promise<Problem[]> {
  const all: Problem[] = [];
  for (const f of listStoryFiles(dir)) all.push(...(await validateStoryFile(f, opts)));
  return all;
}
