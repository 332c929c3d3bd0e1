/**
 * remark plugin: everything the story body needs from its frontmatter.
 *
 * - `<Cite ids="a b" />`: checks every id is a source of the story, numbers the
 *   citations (src/lib/citations.ts) and hands the Cite component its `refs`.
 * - The content lint: every paragraph and list item cites a source, unless it
 *   sits inside <Analysis>.
 * - Every source is cited somewhere (body, timeline or key figures); quoted words
 *   listed on a source appear in the body.
 * - `## Heading <Anchor id="x" aliases="old-x" />` gives a section an explicit id that
 *   survives a retitle, plus alias ids that keep old links landing.
 * - Exports `bodyCitations` and `readingMinutes` to the page (remarkPluginFrontmatter).
 *
 * All problems in a file are collected and thrown together as one ContentError.
 */
import path from 'node:path';
import type { Heading, Node, Parent, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { numberCitations, parseIds, toRefs } from '../lib/citations.ts';
import { ID_PATTERN } from '../lib/ids.ts';
import { ContentError, type Problem } from '../lib/problems.ts';
import { countWords, readingMinutes } from '../lib/reading.ts';

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;
interface RawSource {
  id?: unknown;
  publisher?: unknown;
  title?: unknown;
  quotes?: unknown;
}
interface RawFrontmatter {
  sources?: unknown;
  timeline?: unknown;
  figures?: unknown;
  [key: string]: unknown;
}

/** The components a story body can use (the page provides them); Anchor is handled in headings. */
const STORY_COMPONENTS = new Set(['Cite', 'Analysis']);

const isJsx = (node: Node, name?: string): node is Jsx =>
  (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (!name || (node as Jsx).name === name);

function attr(node: Jsx, name: string): string | undefined {
  const a = node.attributes.find((x): x is MdxJsxAttribute => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}

function containsJsx(node: Node, name: string): boolean {
  if (isJsx(node, name)) return true;
  const children = (node as Parent).children;
  return Array.isArray(children) && children.some((c) => containsJsx(c, name));
}

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const start = (text: string) => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 50 ? `${t.slice(0, 50)}…` : t;
};

/** Text compared for quotes: curly and straight quotes, dashes and ellipses alike (SmartyPants may have run). */
export function foldTypography(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]|-{2,3}/g, '-').replace(/…/g, '...').replace(/\s+/g, ' ');
}

export function displayPath(file: VFile): string {
  const p = file.path ?? 'story.mdx';
  return path.isAbsolute(p) ? path.relative(process.cwd(), p) : p;
}

export interface StoryBodyResult {
  bodyCitations: string[][];
  readingMinutes: number;
}

/** Checks and transforms a story body in place; returns problems instead of throwing. */
export function processStoryBody(tree: Root, frontmatter: RawFrontmatter, file: string): { problems: Problem[]; result: StoryBodyResult } {
  const problems: Problem[] = [];
  const sources = list<RawSource>(frontmatter.sources);
  const byId = new Map(sources.filter((s) => typeof s?.id === 'string').map((s) => [s.id as string, s]));
  const known = [...byId.keys()].join(', ');
  const cites: { node: Jsx; ids: string[] }[] = [];
  const line = (n: Node) => n.position?.start.line;

  const walk = (node: Node, inAnalysis: boolean, inListItem: boolean) => {
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      // MDX runs {…} as code when the page renders: "{TODO}" would crash the build, "{1+1}" print 2.
      const code = (node as Node & { value: string }).value;
      if (code.replace(/\/\*[\s\S]*?\*\//g, '').trim()) {
        problems.push({ file, line: line(node), field: 'body {…}', value: start(`{${code}}`), message: 'is code, not text', fix: 'write a literal brace as \\{ or remove the braces; a note to editors can be a comment, {/* … */}' });
      }
      return;
    }
    if (isJsx(node) && node.name && !/^[A-Z]|\./.test(node.name)) {
      problems.push({ file, line: line(node), field: 'body HTML', value: `<${node.name}>`, message: 'is raw HTML, which stories cannot use', fix: 'write it in Markdown (links as [text](https://…)); embeds and images from other sites are not allowed' });
      return;
    }
    if (isJsx(node) && node.name && !STORY_COMPONENTS.has(node.name)) {
      problems.push(
        node.name === 'Anchor'
          ? { file, line: line(node), field: 'body <Anchor>', value: attr(node, 'id') ?? '', message: 'is not at the end of a heading', fix: 'move it to the end of a ## heading line: ## Title <Anchor id="…" />' }
          : { file, line: line(node), field: 'body component', value: `<${node.name}>`, message: 'is not one stories can use', fix: 'use <Cite ids="…" /> or <Analysis>…</Analysis> (check the spelling)' },
      );
    }
    if (isJsx(node, 'Cite')) {
      const raw = attr(node, 'ids');
      const ids = parseIds(raw ?? '');
      if (ids.length === 0) {
        problems.push({ file, line: line(node), field: 'body <Cite>', value: raw ?? '', message: 'names no source', fix: 'write <Cite ids="source-id" /> with one or more source ids' });
      }
      const good = ids.filter((id) => {
        if (byId.has(id)) return true;
        problems.push({ file, line: line(node), field: 'body <Cite ids>', value: id, message: 'is not a source of this story', fix: `use one of: ${known || '(no sources listed)'}, or add the source to "sources"` });
        return false;
      });
      cites.push({ node, ids: good });
      return;
    }
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const url = (node as Node & { url: string }).url;
      if (!/^(https:\/\/[^\s/]+\.[^\s]*|#[^\s]*|\/(?!\/)[^\s]*)$/.test(url)) {
        problems.push({ file, line: line(node), field: `body ${node.type === 'image' ? 'image' : 'link'}`, value: url, message: 'is not an https:// address or a link within the site', fix: 'link to the page’s https:// address, or to a section with #id' });
      }
    }
    if (node.type === 'table' && !inAnalysis) {
      (node as Parent).children.slice(1).forEach((row) => {
        if (!containsJsx(row, 'Cite')) {
          problems.push({ file, line: line(row), field: 'body table row', value: start(toString(row)), message: 'cites no source', fix: 'add <Cite ids="source-id" /> to a cell of the row, or wrap the table in <Analysis>' });
        }
      });
    }
    if (node.type === 'heading') {
      const heading = node as Heading;
      const marker = heading.children.find((c) => isJsx(c, 'Anchor')) as Jsx | undefined;
      if (marker) {
        heading.children = heading.children.filter((c) => c !== marker);
        const id = attr(marker, 'id');
        if (!id || !ID_PATTERN.test(id)) {
          problems.push({ file, line: line(marker), field: 'heading <Anchor id>', value: id ?? '', message: 'is not a valid id', fix: 'use lowercase letters, digits and hyphens, like id="the-memo"' });
        } else {
          const aliases = parseIds(attr(marker, 'aliases') ?? '');
          heading.data = { ...heading.data, hProperties: { ...(heading.data?.hProperties ?? {}), id, dataAliases: aliases.join(' ') || undefined } };
        }
        // Trailing space before the marker is not part of the title.
        const last = heading.children.at(-1);
        if (last?.type === 'text') last.value = last.value.trimEnd();
      }
      for (const child of heading.children) {
        if (containsJsx(child, 'Cite')) {
          problems.push({ file, line: line(child), field: 'heading <Cite>', value: start(toString(heading)), message: 'puts a citation in a heading', fix: 'cite in the text under the heading, not in the heading itself' });
        } else walk(child, inAnalysis, true);
      }
      return;
    }
    if (isJsx(node, 'Analysis')) {
      inAnalysis = true;
    } else if (!inAnalysis && node.type === 'listItem' && !inListItem) {
      if (!containsJsx(node, 'Cite')) {
        problems.push({ file, line: line(node), field: 'body list item', value: start(toString(node)), message: 'cites no source', fix: 'add <Cite ids="source-id" /> to it, or wrap it in <Analysis> if it is the newsroom’s own analysis' });
      }
      inListItem = true;
    } else if (!inAnalysis && !inListItem && node.type === 'paragraph') {
      const words = toString(node).trim();
      if (words && !containsJsx(node, 'Cite')) {
        problems.push({ file, line: line(node), field: 'body paragraph', value: start(words), message: 'cites no source', fix: 'add <Cite ids="source-id" /> to it, or wrap it in <Analysis> if it is the newsroom’s own analysis' });
      }
    }
    const children = (node as Parent).children;
    if (Array.isArray(children)) for (const c of children) walk(c, inAnalysis, inListItem);
  };
  walk(tree, false, false);

  const content = tree.children.filter((c) => c.type !== 'mdxjsEsm' && c.type !== 'yaml');
  const bodyText = toString(tree);
  if (content.length === 0 || !bodyText.trim()) {
    problems.push({ file, line: 1, field: 'body', message: 'is empty', fix: 'write the story below the closing --- of the frontmatter' });
  }

  // Every source is cited somewhere.
  const cited = new Set(cites.flatMap((c) => c.ids));
  for (const e of [...list<{ sources?: unknown }>(frontmatter.timeline), ...list<{ sources?: unknown }>(frontmatter.figures)]) {
    for (const id of list<string>(e?.sources)) cited.add(id);
  }
  sources.forEach((s, i) => {
    if (typeof s?.id === 'string' && !cited.has(s.id)) {
      problems.push({ file, field: `sources[${i}].id`, value: s.id, message: 'is never cited', fix: `cite it with <Cite ids="${s.id}" /> where the story uses it, or remove the source` });
    }
  });

  // Quoted words listed on a source appear in the body exactly.
  const flat = foldTypography(bodyText);
  sources.forEach((s, i) =>
    list<string>(s?.quotes).forEach((q, k) => {
      if (typeof q === 'string' && !flat.includes(foldTypography(q))) {
        problems.push({ file, field: `sources[${i}].quotes[${k}]`, value: q, message: 'does not appear word for word in the body', fix: 'copy the quoted words exactly as the body prints them' });
      }
    }),
  );

  // Number the body's citations (the body comes first in reading order).
  const numbered = numberCitations(cites.map((c) => ({ ids: c.ids })));
  const names = new Map([...byId].map(([id, s]) => [id, { publisher: String(s.publisher ?? ''), title: String(s.title ?? '') }]));
  cites.forEach((c, i) => {
    const refs = toRefs(numbered.sites[i]!, names);
    c.node.attributes = [{ type: 'mdxJsxAttribute', name: 'refs', value: JSON.stringify(refs) }];
  });

  return {
    problems,
    result: { bodyCitations: cites.map((c) => c.ids), readingMinutes: readingMinutes(countWords(bodyText)) },
  };
}

/** The unified plugin. Throws a ContentError listing every problem in the file. */
export default function remarkStory() {
  return (tree: Root, file: VFile) => {
    const data = file.data as { astro?: { frontmatter?: RawFrontmatter } };
    data.astro ??= {};
    const frontmatter = (data.astro.frontmatter ??= {});
    const { problems, result } = processStoryBody(tree, frontmatter, displayPath(file));
    if (problems.length) throw new ContentError(problems);
    frontmatter.bodyCitations = result.bodyCitations;
    frontmatter.readingMinutes = result.readingMinutes;
  };
}
