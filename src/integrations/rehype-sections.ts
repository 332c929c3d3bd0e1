/**
 * rehype plugins for section anchors.
 *
 * `rehypeCheckHeadingIds` (before rehype-slug): two headings must not end up
 * with the same id, and no heading id may take a timeline, source or citation
 * anchor. rehype-slug would quietly rename the second one "x-1", and links
 * people shared would land on the wrong section.
 *
 * `rehypeSections` (after rehype-slug): alias ids become empty anchors inside
 * the heading, so old links still land; each h2 and what follows it are
 * wrapped in a <section>.
 */
import { slug } from 'github-slugger';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { pageOwnerOf } from '../lib/ids.ts';
import { ContentError, type Problem } from '../lib/problems.ts';
import { displayPath } from './remark-story.ts';

const HEADING = /^h[1-6]$/;
const isHeading = (n: RootContent | ElementContent): n is Element => n.type === 'element' && HEADING.test(n.tagName);

/** Every heading, wherever it is: inside elements and inside MDX components such as <Analysis>. */
function eachHeading(tree: { children?: unknown[] }, fn: (h: Element) => void) {
  for (const child of (tree.children ?? []) as (RootContent | ElementContent)[]) {
    if (isHeading(child)) fn(child);
    else if ('children' in child && Array.isArray(child.children)) eachHeading(child as { children: unknown[] }, fn);
  }
}

/** Alias ids the remark plugin left on a heading (from <Anchor aliases="…" />). */
const aliasesOf = (h: Element): string[] => (typeof h.properties.dataAliases === 'string' ? h.properties.dataAliases.split(' ').filter(Boolean) : []);

function reservedIds(file: VFile): Map<string, string> {
  const fm = (file.data as { astro?: { frontmatter?: { timeline?: unknown; sources?: unknown } } }).astro?.frontmatter ?? {};
  const reserved = new Map<string, string>();
  const arr = (v: unknown) => (Array.isArray(v) ? v : []);
  arr(fm.timeline).forEach((e: { id?: unknown }, i) => typeof e?.id === 'string' && reserved.set(e.id, `timeline[${i}].id`));
  arr(fm.sources).forEach((s: { id?: unknown }, i) => typeof s?.id === 'string' && reserved.set(`source-${s.id}`, `sources[${i}].id`));
  return reserved;
}

export function rehypeCheckHeadingIds() {
  return (tree: Root, file: VFile) => {
    const problems: Problem[] = [];
    const where = displayPath(file);
    const reserved = reservedIds(file);
    const seen = new Map<string, string>();
    const claim = (id: string, what: string, line: number | undefined) => {
      const owner = seen.get(id) ?? reserved.get(id) ?? pageOwnerOf(id);
      if (owner) {
        problems.push({
          file: where,
          line,
          field: 'heading id',
          value: id,
          message: `for ${what} is already taken by ${owner}`,
          fix: 'retitle one heading, or give it its own id with <Anchor id="…" /> at the end of the heading',
        });
      } else seen.set(id, what);
    };
    eachHeading(tree, (h) => {
      const text = toString(h).trim();
      const line = h.position?.start.line;
      const id = typeof h.properties.id === 'string' ? h.properties.id : slug(text);
      claim(id, `heading "${text}"`, line);
      const aliases = aliasesOf(h);
      for (const alias of aliases) claim(alias, `an alias of "${text}"`, line);
    });
    if (problems.length) throw new ContentError(problems);
  };
}

export function rehypeSections() {
  return (tree: Root) => {
    eachHeading(tree, (h) => {
      const aliases = aliasesOf(h);
      delete h.properties.dataAliases;
      if (aliases.length) {
        h.children.unshift(...aliases.map((id): Element => ({ type: 'element', tagName: 'span', properties: { id, className: ['alias-anchor'] }, children: [] })));
      }
    });
    const out: RootContent[] = [];
    let current: Element | null = null;
    for (const child of tree.children) {
      if (child.type === 'element' && child.tagName === 'h2') {
        current = { type: 'element', tagName: 'section', properties: { className: ['section'], dataSection: String(child.properties.id ?? '') }, children: [] };
        out.push(current);
      }
      if (current) current.children.push(child as ElementContent);
      else out.push(child);
    }
    tree.children = out;
  };
}

/**
 * Options for rehype-autolink-headings: the heading's own text links to it (no
 * wrapper, no symbol-only link), so reader modes keep every heading and text
 * browsers show just its words. `data-copy` names the link for the copy button.
 */
export const autolinkOptions = {
  behavior: 'wrap' as const,
  test: ['h2', 'h3'],
  properties: (h: Readonly<Element>) => ({
    className: ['anchor-link'],
    dataCopy: `section: ${toString(h as Element).trim()}`,
  }),
};
