/** The story body's rules: each reads the MDX tree and frontmatter and reports through `ctx.report`; none changes the tree. */
import { slug } from 'github-slugger';
import type { Heading, Node, Parent, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { parseIds } from '../lib/citations.ts';
import { ID_PATTERN, pageOwnerOf, PART_IDS, type PartLabel } from '../lib/ids.ts';
import { textFragmentUrl } from '../lib/text-fragment.ts';

export type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

/** The frontmatter as written (rules run even when the schema found problems, so read it defensively). */
export interface RawSource {
  id?: unknown;
  url?: unknown;
  quotes?: unknown;
}
export interface RawStory {
  sources?: unknown;
  timeline?: unknown;
  figures?: unknown;
  [field: string]: unknown;
}

/** What a rule reports: completes "<field>: <value> <message>. Fix: <fix>". */
export interface Finding {
  field: string;
  value?: unknown;
  message: string;
  fix: string;
}

export interface RuleContext {
  story: RawStory;
  sources: ReadonlyMap<string, RawSource>;
  report(at: Node | undefined, finding: Finding): void;
}

export type Rule = (tree: Root, ctx: RuleContext) => void;

export const STORY_COMPONENTS: ReadonlySet<string> = new Set(['Cite', 'Analysis', 'Part', 'Term']);

export const PART_LABELS = Object.keys(PART_IDS) as PartLabel[];

/** What the printed brief holds on one page (tests/e2e/print.spec.ts prints a story at every cap). */
export const PRINT_CAPS = { shortVersionWords: 150, figures: 4, timeline: 8, sources: 8, timelineTitle: 60 } as const;

export const isJsx = (node: Node, name?: string): node is Jsx =>
  (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (!name || (node as Jsx).name === name);

export function attr(node: Jsx, name: string): string | undefined {
  const a = node.attributes.find((x): x is MdxJsxAttribute => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}

export function contains(node: Node, name: string): boolean {
  let found = false;
  visit(node, (n) => {
    if (isJsx(n, name)) found = true;
    return found ? false : undefined;
  });
  return found;
}

export const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

export const start = (text: string) => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 50 ? `${t.slice(0, 50)}…` : t;
};

/** Curly and straight quotes, dashes and ellipses alike: SmartyPants may have run. */
export function foldTypography(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]|-{2,3}/g, '-').replace(/…/g, '...').replace(/\s+/g, ' ');
}

/** <Analysis>, or a <Part … analysis>: the newsroom's own reading, which needs no citation. */
export const isAnalysis = (node: Node) => isJsx(node, 'Analysis') || (isJsx(node, 'Part') && node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'analysis'));
const insideAnalysis = (ancestors: readonly Node[]) => ancestors.some(isAnalysis);
const UNCITED_FIX = 'add <Cite ids="source-id" /> to it, or wrap it in <Analysis> if it is the newsroom’s own analysis';

/** `{…}` in the text: MDX runs it as code when the page renders ("{TODO}" crashes the build). */
const noCode: Rule = (tree, ctx) => {
  visit(tree, (node) => {
    if (node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression') return;
    const code = (node as Node & { value: string }).value;
    if (code.replace(/\/\*[\s\S]*?\*\//g, '').trim()) {
      ctx.report(node, { field: 'body {…}', value: start(`{${code}}`), message: 'is code, not text', fix: 'write a literal brace as \\{ or remove the braces; a note to editors can be a comment, {/* … */}' });
    }
  });
};

/** Only the story components; no raw HTML; <Anchor> only at the end of a heading. */
const knownComponents: Rule = (tree, ctx) => {
  visitParents(tree, (node, ancestors) => {
    if (!isJsx(node) || !node.name) return;
    if (!/^[A-Z]|\./.test(node.name)) {
      ctx.report(node, { field: 'body HTML', value: `<${node.name}>`, message: 'is raw HTML, which stories cannot use', fix: 'write it in Markdown (links as [text](https://…)); embeds and images from other sites are not allowed' });
      return 'skip';
    }
    if (node.name === 'Anchor') {
      const parent = ancestors.at(-1);
      if (parent?.type !== 'heading' || (parent as Heading).children.at(-1) !== node) {
        ctx.report(node, { field: 'body <Anchor>', value: attr(node, 'id') ?? '', message: 'is not at the end of a heading', fix: 'move it to the end of a ## heading line: ## Title <Anchor id="…" />' });
      }
      return undefined;
    }
    if (!STORY_COMPONENTS.has(node.name)) {
      ctx.report(node, { field: 'body component', value: `<${node.name}>`, message: 'is not one stories can use', fix: 'use <Cite ids="…" />, <Analysis>…</Analysis>, <Part label="…">…</Part> or <Term id="…">…</Term> (check the spelling)' });
    }
    return undefined;
  });
};

const citeIds: Rule = (tree, ctx) => {
  const known = [...ctx.sources.keys()].join(', ') || '(no sources listed)';
  visit(tree, (node) => {
    if (!isJsx(node, 'Cite')) return;
    const raw = attr(node, 'ids');
    const ids = parseIds(raw ?? '');
    if (ids.length === 0) {
      const other = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name !== 'ids');
      ctx.report(node, other
        ? { field: 'body <Cite>', value: `${other.name}=`, message: 'names its sources with an attribute Cite does not know', fix: `write the source ids in "ids": <Cite ids="${typeof other.value === 'string' ? other.value : 'source-id'}" />` }
        : { field: 'body <Cite>', value: raw ?? '', message: 'names no source', fix: 'write <Cite ids="source-id" /> with one or more source ids' });
    }
    for (const id of ids) {
      if (!ctx.sources.has(id)) ctx.report(node, { field: 'body <Cite ids>', value: id, message: 'is not a source of this story', fix: `use one of: ${known}, or add the source to "sources"` });
    }
  });
};

/** A story sends readers off-site only to what it cites. */
const links: Rule = (tree, ctx) => {
  const allowed = new Set<string>();
  for (const s of ctx.sources.values()) {
    if (typeof s.url !== 'string') continue;
    allowed.add(s.url);
    for (const q of list<unknown>(s.quotes)) if (typeof q === 'string') allowed.add(textFragmentUrl(s.url, q));
  }
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const url = (node as Node & { url: string }).url;
    const field = `body ${node.type === 'image' ? 'image' : 'link'}`;
    if (!/^(https:\/\/[^\s/]+\.[^\s]*|#[^\s]*|\/(?!\/)[^\s]*)$/.test(url)) {
      ctx.report(node, { field, value: url, message: 'is not an https:// address or a link within the site', fix: 'link to the page’s https:// address, or to a section with #id' });
    } else if (url.startsWith('https://') && !allowed.has(url)) {
      ctx.report(node, { field, value: url, message: 'goes to another site that is not one of this story’s sources', fix: 'add the page to "sources" and cite it with <Cite ids="…" />, or link to a section of this page' });
    }
  });
};

/** Every paragraph, top-level list item and table row cites a source, unless it is analysis. */
const uncited: Rule = (tree, ctx) => {
  visitParents(tree, (node, ancestors) => {
    if (isAnalysis(node)) return 'skip';
    if (insideAnalysis(ancestors)) return 'skip';
    const inItem = ancestors.some((a) => a.type === 'listItem');
    if (node.type === 'listItem' && !inItem && !contains(node, 'Cite')) {
      ctx.report(node, { field: 'body list item', value: start(toString(node)), message: 'cites no source', fix: UNCITED_FIX });
    } else if (node.type === 'paragraph' && !inItem && toString(node).trim() && !contains(node, 'Cite')) {
      ctx.report(node, { field: 'body paragraph', value: start(toString(node)), message: 'cites no source', fix: UNCITED_FIX });
    } else if (node.type === 'table') {
      for (const row of (node as Parent).children.slice(1)) {
        if (!contains(row, 'Cite')) {
          ctx.report(row, { field: 'body table row', value: start(toString(row)), message: 'cites no source', fix: 'add <Cite ids="source-id" /> to a cell of the row, or wrap the table in <Analysis>' });
        }
      }
      return 'skip';
    }
    return undefined;
  });
};

/** No citation inside a heading: it would land in the contents list and the page title. */
const headingCites: Rule = (tree, ctx) => {
  visit(tree, 'heading', (heading: Heading) => {
    for (const child of heading.children) {
      if (contains(child, 'Cite')) {
        ctx.report(child, { field: 'heading <Cite>', value: start(toString(heading)), message: 'puts a citation in a heading', fix: 'cite in the text under the heading, not in the heading itself' });
      }
    }
  });
};

export function headingIds(heading: Heading): { id: string; aliases: string[]; text: string; marker?: Jsx } {
  const marker = heading.children.find((c) => isJsx(c, 'Anchor')) as Jsx | undefined;
  const text = toString({ ...heading, children: heading.children.filter((c) => c !== marker) }).trim();
  return { id: (marker && attr(marker, 'id')) || slug(text), aliases: parseIds(marker ? (attr(marker, 'aliases') ?? '') : ''), text, marker };
}

/** rehype-slug would quietly rename a second "x" to "x-1", and shared links would land on the wrong section. */
const headingIdsUnique: Rule = (tree, ctx) => {
  const reserved = new Map<string, string>();
  list<{ id?: unknown }>(ctx.story.timeline).forEach((e, i) => typeof e?.id === 'string' && reserved.set(e.id, `timeline[${i}].id`));
  list<{ id?: unknown }>(ctx.story.sources).forEach((s, i) => typeof s?.id === 'string' && reserved.set(`source-${s.id}`, `sources[${i}].id`));
  const seen = new Map<string, string>();
  visit(tree, 'heading', (heading: Heading) => {
    const { id, aliases, text, marker } = headingIds(heading);
    if (marker && !ID_PATTERN.test(attr(marker, 'id') ?? '')) {
      ctx.report(marker, { field: 'heading <Anchor id>', value: attr(marker, 'id') ?? '', message: 'is not a valid id', fix: 'use lowercase letters, digits and hyphens, like id="the-memo"' });
      return;
    }
    const claim = (claimed: string, what: string) => {
      const owner = seen.get(claimed) ?? reserved.get(claimed) ?? pageOwnerOf(claimed);
      if (owner) {
        ctx.report(heading, { field: 'heading id', value: claimed, message: `for ${what} is already taken by ${owner}`, fix: 'retitle one heading, or give it its own id with <Anchor id="…" /> at the end of the heading' });
      } else seen.set(claimed, what);
    };
    claim(id, `heading "${text}"`);
    for (const alias of aliases) {
      // An alias is a share page's folder too (src/lib/share.ts): only the characters of an id.
      if (!ID_PATTERN.test(alias)) ctx.report(marker ?? heading, { field: 'heading <Anchor aliases>', value: alias, message: 'is not a valid id', fix: 'use lowercase letters, digits and hyphens, like aliases="old-memo"' });
      else claim(alias, `an alias of "${text}"`);
    }
  });
};

const notEmpty: Rule = (tree, ctx) => {
  const content = tree.children.filter((c) => c.type !== 'mdxjsEsm' && c.type !== 'yaml');
  if (content.length === 0 || !toString(tree).trim()) {
    ctx.report({ type: 'root', position: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } }, { field: 'body', message: 'is empty', fix: 'write the story below the closing --- of the frontmatter' });
  }
};

const sourcesCited: Rule = (tree, ctx) => {
  const cited = new Set<string>();
  visit(tree, (node) => {
    if (isJsx(node, 'Cite')) for (const id of parseIds(attr(node, 'ids') ?? '')) cited.add(id);
  });
  for (const e of [...list<{ sources?: unknown }>(ctx.story.timeline), ...list<{ sources?: unknown }>(ctx.story.figures), ...list<{ sources?: unknown }>(ctx.story.terms)]) {
    for (const id of list<string>(e?.sources)) cited.add(id);
  }
  list<RawSource>(ctx.story.sources).forEach((s, i) => {
    if (typeof s?.id === 'string' && !cited.has(s.id)) {
      ctx.report(undefined, { field: `sources[${i}].id`, value: s.id, message: 'is never cited', fix: `cite it with <Cite ids="${s.id}" /> where the story uses it, or remove the source` });
    }
  });
};

const quotesInBody: Rule = (tree, ctx) => {
  const flat = foldTypography(toString(tree));
  list<RawSource>(ctx.story.sources).forEach((s, i) =>
    list<unknown>(s?.quotes).forEach((q, k) => {
      if (typeof q === 'string' && !flat.includes(foldTypography(q))) {
        ctx.report(undefined, { field: `sources[${i}].quotes[${k}]`, value: q, message: 'does not appear word for word in the body', fix: 'copy the quoted words exactly as the body prints them' });
      }
    }),
  );
};

const fold = (s: string) => foldTypography(s).trim().toLowerCase();
const words = (n: Node) => toString(n).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** The short version: the labelled parts in order and nothing else, short enough for the printed brief; parts go nowhere else. */
const shortVersion: Rule = (tree, ctx) => {
  const first = tree.children.findIndex((c) => c.type === 'heading' && c.depth === 2);
  if (first < 0) return;
  const next = tree.children.findIndex((c, i) => i > first && c.type === 'heading' && c.depth === 2);
  const section = tree.children.slice(first + 1, next < 0 ? undefined : next);
  const heading = tree.children[first]!;
  visit(tree, (node) => {
    if (isJsx(node, 'Part') && !section.includes(node as (typeof section)[number])) {
      ctx.report(node, { field: 'body <Part>', value: attr(node, 'label') ?? '', message: 'is outside the short version', fix: 'put the labelled parts in the first ## section only; elsewhere write ordinary paragraphs' });
    }
  });
  const labels: string[] = [];
  for (const node of section) {
    if (!isJsx(node, 'Part')) {
      if (node.type === 'mdxFlowExpression') continue;
      ctx.report(node, { field: 'short version', value: start(toString(node)), message: 'is outside a labelled part', fix: 'put it inside one of the <Part label="…"> blocks, or move it to a later section' });
      continue;
    }
    const label = attr(node, 'label') ?? '';
    const known = PART_LABELS.find((l) => fold(l) === fold(label));
    if (!known) {
      ctx.report(node, { field: 'short version <Part label>', value: label, message: 'is not a part of the short version', fix: `use one of: ${PART_LABELS.join(', ')}` });
    } else labels.push(known);
  }
  const wanted = ['What happened', 'Why it matters', ...(typeof ctx.story.otherSide === 'string' ? [] : ['The other side']), 'What to watch'];
  const present = labels.map((l) => (l === 'What we don’t know' ? 'What to watch' : l));
  for (const w of wanted) {
    if (!present.includes(w)) {
      const name = w === 'What to watch' ? '"What to watch" (or "What we don’t know")' : `"${w}"`;
      const fix = w === 'The other side'
        ? 'add <Part label="The other side"> with the view of the party the news is about, or say why there is none in the frontmatter: otherSide: none — …'
        : `add <Part label="${w}">…</Part> to the first section`;
      ctx.report(heading, { field: 'short version', message: `has no ${name} part`, fix });
    }
  }
  const order = present.filter((l) => wanted.includes(l));
  if (order.join() !== wanted.filter((w) => present.includes(w)).join()) {
    ctx.report(heading, { field: 'short version', value: labels.join(', '), message: 'gives its parts out of order', fix: `order them: ${wanted.join(', ')}` });
  }
  const count = section.reduce((n, c) => n + words(c), 0);
  if (count > PRINT_CAPS.shortVersionWords) {
    ctx.report(heading, { field: 'short version', value: `${count} words`, message: `is longer than the printed brief holds (${PRINT_CAPS.shortVersionWords} words)`, fix: 'cut it; the detail belongs in the sections below' });
  }
};

const terms: Rule = (tree, ctx) => {
  const defined = list<{ id?: unknown }>(ctx.story.terms).map((t) => t?.id).filter((id): id is string => typeof id === 'string');
  const used = new Set<string>();
  visit(tree, (node) => {
    if (!isJsx(node, 'Term')) return;
    const id = attr(node, 'id') ?? '';
    used.add(id);
    if (!defined.includes(id)) {
      ctx.report(node, { field: 'body <Term id>', value: id, message: 'is not a term of this story', fix: defined.length ? `use one of: ${defined.join(', ')}, or add it to "terms"` : 'add it to "terms" with a definition, or definedBy: none' });
    } else if (!toString(node).trim()) {
      ctx.report(node, { field: 'body <Term>', value: id, message: 'has no words to show', fix: `write the term inside it: <Term id="${id}">the term</Term>` });
    }
  });
  list<{ id?: unknown }>(ctx.story.terms).forEach((t, i) => {
    if (typeof t?.id === 'string' && !used.has(t.id)) {
      ctx.report(undefined, { field: `terms[${i}].id`, value: t.id, message: 'is never used in the body', fix: `mark the term where the story uses it: <Term id="${t.id}">…</Term>, or remove it` });
    }
  });
};

const printCaps: Rule = (_tree, ctx) => {
  const cap = (field: 'figures' | 'timeline' | 'sources', max: number, what: string) => {
    const n = list(ctx.story[field]).length;
    if (n > max) ctx.report(undefined, { field, value: `${n} ${what}`, message: `are more than the printed brief holds (${max})`, fix: `keep the ${max} that matter most; the rest can go in the text` });
  };
  cap('figures', PRINT_CAPS.figures, 'figures');
  cap('timeline', PRINT_CAPS.timeline, 'entries');
  cap('sources', PRINT_CAPS.sources, 'sources');
  list<{ title?: unknown }>(ctx.story.timeline).forEach((e, i) => {
    if (typeof e?.title === 'string' && e.title.length > PRINT_CAPS.timelineTitle) {
      ctx.report(undefined, { field: `timeline[${i}].title`, value: e.title, message: `is longer than one printed line (${PRINT_CAPS.timelineTitle} characters)`, fix: 'shorten it; the entry’s text says the rest' });
    }
  });
};

/** By name: the name is the problem's rule id. */
export const RULES: Readonly<Record<string, Rule>> = {
  'no-code': noCode,
  'known-components': knownComponents,
  'cite-ids': citeIds,
  links,
  uncited,
  'heading-cites': headingCites,
  'heading-ids': headingIdsUnique,
  'not-empty': notEmpty,
  'sources-cited': sourcesCited,
  'quotes-in-body': quotesInBody,
  'short-version': shortVersion,
  terms,
  'print-caps': printCaps,
};
