/** The build, check:content and the dev server all call checkStory, so an editor meets the same checks, in the same words, everywhere. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { ID_PATTERN } from '../lib/ids.ts';
import { contentReport, type Problem } from '../lib/problems.ts';
import { issueToProblems } from '../schemas/errors.ts';
import { storySchema } from '../schemas/story.ts';
import { list, RULES, type Finding, type RawSource, type RawStory } from './rules.ts';
import { displayPath, readStory, type StoryFile } from './story-file.ts';

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

type StoryMessage = VFileMessage & { finding?: Finding };

interface StoryData {
  story?: RawStory;
}

/** Runs the rules; any problem stops the compile with a StoryCheckError (the checker catches it and reads the list). */
export function remarkStoryChecks() {
  return (tree: Root, file: VFile) => {
    const data = file.data as StoryData;
    // Read once per file: the transforms after the checks (remark-story.ts) take it from here too.
    const story = (data.story ??= (file.path ? (readStory(file.path).story?.frontmatter as RawStory | undefined) : undefined) ?? {});
    const sources = new Map(list<RawSource>(story.sources).filter((s) => typeof s?.id === 'string').map((s) => [s.id as string, s]));
    for (const [ruleId, rule] of Object.entries(RULES)) {
      rule(tree, {
        story,
        sources,
        report(at, finding) {
          const message = file.message(finding.message, { place: at?.position, ruleId, source: 'story' }) as StoryMessage;
          message.finding = finding;
        },
      });
    }
    const problems = problemsOf(file);
    if (problems.length) throw new StoryCheckError(problems);
  };
}

export function problemsOf(file: VFile): Problem[] {
  const shown = displayPath(file.path ?? 'story.mdx');
  return (file.messages as StoryMessage[])
    .filter((m) => m.source === 'story' && m.finding)
    .map((m) => ({ file: shown, line: m.line ?? undefined, ...m.finding! }));
}

/** Its message is the problems and nothing else (no stack unless DEBUG), located at the first, so Astro prints no `:0:0`. */
export class StoryCheckError extends Error {
  readonly problems: Problem[];
  readonly loc?: { file: string; line: number; column: number };
  constructor(problems: Problem[]) {
    super(contentReport(problems));
    this.name = 'StoryCheckError';
    this.problems = problems;
    const first = problems.find((p) => p.line) ?? problems[0];
    if (first) this.loc = { file: path.resolve(first.file), line: first.line ?? 1, column: 1 };
    if (!process.env.DEBUG) this.stack = '';
  }
}

export function frontmatterProblems(story: Pick<StoryFile, 'file' | 'frontmatter'> & Partial<Pick<StoryFile, 'lineOf'>>): Problem[] {
  const result = storySchema.safeParse(story.frontmatter, { reportInput: true });
  if (result.success) return [];
  return result.error.issues.flatMap((issue) =>
    issueToProblems(issue, story.file).map((p) => {
      const keys = issue.code === 'unrecognized_keys' ? [...issue.path, p.field.split('.').at(-1)!] : issue.path;
      const at = keys.filter((k): k is string | number => typeof k === 'string' || typeof k === 'number');
      // A missing field of a list entry is reported on the entry's line.
      const line = story.lineOf?.(at) ?? (at.length > 1 ? story.lineOf?.(at.slice(0, -1)) : undefined);
      return line ? { ...p, line } : p;
    }),
  );
}

export async function bodyProblems(story: Pick<StoryFile, 'file' | 'frontmatter' | 'body'>): Promise<Problem[]> {
  const file = new VFile({ value: story.body, path: story.file, data: { story: story.frontmatter } satisfies StoryData });
  // Loaded late to avoid an import cycle.
  const { checkRemarkPlugins } = await import('../integrations/markdown-plugins.ts');
  const processor = unified().use(remarkParse).use(remarkMdx).use(checkRemarkPlugins as PluggableList);
  try {
    await processor.run(processor.parse(file), file);
    return [];
  } catch (e) {
    if (e instanceof StoryCheckError) return e.problems;
    return [syntaxProblem(e as MdxSyntaxError, story.body, story.file)];
  }
}

export function headProblems(absPath: string, story: StoryFile): Problem[] {
  const found = frontmatterProblems(story);
  // The file name is the page's address.
  const name = path.basename(absPath, '.mdx');
  if (!ID_PATTERN.test(name)) {
    found.push({ file: story.file, field: 'file name', value: path.basename(absPath), message: 'cannot be the page’s address', fix: 'rename the file with lowercase letters, digits and hyphens only, like openai-shifts-partners.mdx' });
  }
  return found;
}

export const PLACEHOLDER = /replace[ -]with/i;

/** YAML comments aside. */
export function placeholderProblems(story: Pick<StoryFile, 'file' | 'frontmatter'>, source: string): Problem[] {
  if (story.frontmatter.draft === true) return [];
  return source.split(/\r?\n/).flatMap((text, i) =>
    PLACEHOLDER.test(text) && !/^\s*#/.test(text)
      ? [{ file: story.file, line: i + 1, field: 'placeholder', value: text.trim().slice(0, 80), message: 'is the new-story template’s text, not the story’s', fix: 'write the story’s own words there, or keep draft: true until it is ready' }]
      : [],
  );
}

/** In the order of the file (problems without a line first). */
export async function checkStory(absPath: string): Promise<Problem[]> {
  const { story, problems } = readStory(absPath);
  if (!story) return problems;
  const found = [...headProblems(absPath, story), ...placeholderProblems(story, readFileSync(absPath, 'utf8'))];
  // A rule that names a frontmatter field ("sources[2].id") gets the line of that field.
  for (const p of await bodyProblems(story)) found.push(p.line ? p : { ...p, line: story.lineOf(fieldPath(p.field)) });
  return found.map((p, i) => ({ p, i })).sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i).map(({ p }) => p);
}

/** "sources[2].quotes[0]" → ["sources", 2, "quotes", 0]; a place in the body ("body link") gives no path. */
function fieldPath(field: string): (string | number)[] {
  return /^[a-z]\w*(\[\d+\]|\.[a-z]\w*)*$/i.test(field) ? [...field.matchAll(/[^.[\]]+/g)].map((m) => (/^\d+$/.test(m[0]) ? Number(m[0]) : m[0])) : [];
}

export async function checkStories(files = listStoryFiles()): Promise<Problem[]> {
  const all: Problem[] = [];
  for (const f of files) all.push(...(await checkStory(f)));
  return all;
}

interface MdxSyntaxError {
  line?: number;
  place?: { line?: number; start?: { line?: number } };
  reason?: string;
  ruleId?: string;
  message: string;
}

export function syntaxProblem(err: MdxSyntaxError, body: string, file: string): Problem {
  const reason = err.reason ?? err.message;
  // "Expected a closing tag for `<Analysis>` (12:1-12:11)" has its place only in the text.
  const line = err.line ?? err.place?.line ?? err.place?.start?.line ?? Number(/\((\d+):\d+-/.exec(reason)?.[1] ?? NaN);
  const text = Number.isNaN(line) ? '' : (body.split(/\r?\n/)[line - 1] ?? '').trim();
  const [message, fix] = explainSyntax(err.ruleId, reason);
  return { file, line: Number.isNaN(line) ? undefined : line, field: 'MDX syntax', value: text || undefined, message, fix };
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
