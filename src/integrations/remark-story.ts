/** The story body's transforms, after the checks: anchors, numbered Cite refs, the <StoryPanels /> slot, and what the page reads. */
import type { Heading, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { PANELS_ELEMENT } from '../components/story-panels.ts';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { valueToEstree } from 'estree-util-value-to-estree';
import { footerGroup, numberCitations, parseIds, toRefs, type CiteRef } from '../lib/citations.ts';
import { countWords, readingMinutes } from '../lib/reading.ts';
import { attr, headingIds, isAnalysis, isJsx, list, type Jsx, type RawSource } from '../checks/rules.ts';
import { readStory } from '../checks/story-file.ts';
import { partId } from '../lib/ids.ts';
import { sentences } from '../lib/preview.ts';
import { shareSection, type ShareSection } from '../lib/share.ts';

export interface StoryBodyExports {
  bodyCitations: string[][];
  /** How many come before <StoryPanels /> (the key figures and timeline). */
  citationsBeforePanels: number;
  /** For each <Cite>, its `##` section's name: the sources footer's "Cited in". */
  bodySections: string[];
  readingMinutes: number;
  shortVersion: ShortVersionPart[];
  sectionLeads: ShareSection[];
  partLeads: ShareSection[];
}

export interface ShortVersionPart {
  label: string;
  analysis: boolean;
  text: string;
  refs: CiteRef[];
}

function expressionAttribute(name: string, value: unknown): MdxJsxAttribute {
  const expression = valueToEstree(value);
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: JSON.stringify(value),
      data: { estree: { type: 'Program', sourceType: 'module', body: [{ type: 'ExpressionStatement', expression }] } },
    },
  };
}

function anchorHeading(heading: Heading): void {
  const { id, aliases, marker } = headingIds(heading);
  if (!marker) return;
  heading.children = heading.children.filter((c) => c !== marker);
  const last = heading.children.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  heading.data = { ...heading.data, hProperties: { ...(heading.data?.hProperties ?? {}), id } };
  const spans = aliases.map(
    (alias): MdxJsxTextElement => ({
      type: 'mdxJsxTextElement',
      name: 'span',
      attributes: [
        { type: 'mdxJsxAttribute', name: 'id', value: alias },
        { type: 'mdxJsxAttribute', name: 'class', value: 'alias-anchor' },
      ],
      children: [],
    }),
  );
  heading.children.unshift(...spans);
}

/** Words a reader does not see: an editor's note in braces, imports, raw HTML, code. */
const UNSEEN = new Set(['mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'html', 'code', 'yaml']);
/** Running text: children join without a space; other nodes' children are blocks, joined with one. */
const PHRASING = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'mdxJsxTextElement', 'tableCell']);

export function plainText(node: RootContent | Root): string {
  if (UNSEEN.has(node.type)) return '';
  if (node.type === 'break') return ' ';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (!('children' in node)) return '';
  const parts = (node.children as RootContent[]).map(plainText);
  return (PHRASING.has(node.type) ? parts.join('') : parts.join(' ')).replace(/\s+/g, ' ');
}

/** Sentences of paragraphs and whole list items, looking inside <Analysis> and <Part>; not subheadings. */
export function previewUnits(nodes: readonly RootContent[]): string[] {
  return nodes.flatMap((node): string[] => {
    if (node.type === 'heading' || UNSEEN.has(node.type)) return [];
    if (node.type === 'list') return node.children.map((item) => plainText(item).replace(/\s+/g, ' ').trim()).filter(Boolean);
    if ('children' in node && !PHRASING.has(node.type)) return previewUnits(node.children as RootContent[]);
    return sentences(plainText(node));
  });
}

/** Read before the headings are transformed. */
function leadsOf(tree: Root): { sections: ShareSection[]; parts: ShareSection[] } {
  const sections: { id: string; aliases: string[]; title: string; body: RootContent[] }[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      const { id, aliases, text } = headingIds(node);
      sections.push({ id, aliases, title: text, body: [] });
    } else sections.at(-1)?.body.push(node);
  }
  const parts = (sections[0]?.body ?? []).filter((n): n is MdxJsxFlowElement => isJsx(n, 'Part') && n.type === 'mdxJsxFlowElement');
  return {
    sections: sections.map(({ id, aliases, title, body }) => shareSection(id, title, { units: previewUnits(body) }, aliases)),
    parts: parts.map((p) => shareSection(partId(attr(p, 'label') ?? ''), attr(p, 'label') ?? '', { units: previewUnits(p.children) })),
  };
}

export default function remarkStory() {
  return (tree: Root, file: VFile) => {
    const story = (file.data as { story?: Record<string, unknown> }).story ?? (file.path ? readStory(file.path).story?.frontmatter : undefined);
    const rawSources = list<RawSource & { publisher?: unknown; title?: unknown; kind?: unknown }>(story?.sources).filter((s) => typeof s?.id === 'string');
    const names = new Map(rawSources.map((s) => [s.id as string, { publisher: String(s.publisher ?? ''), title: String(s.title ?? '') }]));
    const { sections: sectionLeads, parts: partLeads } = leadsOf(tree);
    const cites: Jsx[] = [];
    const bodySections: string[] = [];
    let section = '';
    visit(tree, (node, index, parent) => {
      if (node.type === 'heading') {
        // Named before the alias anchors go in: the heading's words only.
        if (node.depth === 2) section = toString(node).trim();
        anchorHeading(node);
      } else if (isJsx(node, 'Cite')) {
        cites.push(node);
        bodySections.push(section);
        const before = index !== undefined ? parent?.children[index - 1] : undefined;
        // A citation marker never starts a line.
        if (before?.type === 'text') before.value = before.value.replace(/\s+$/, '\u00a0');
      }
    });
    const second = tree.children.findIndex((c, i) => c.type === 'heading' && c.depth === 2 && tree.children.slice(0, i).some((p) => p.type === 'heading' && p.depth === 2));
    const panels: MdxJsxFlowElement = { type: 'mdxJsxFlowElement', name: PANELS_ELEMENT, attributes: [], children: [] };
    const panelsAt = tree.children.some((c) => c.type === 'heading' && c.depth === 2) ? (second < 0 ? tree.children.length : second) : -1;
    if (panelsAt >= 0) tree.children.splice(panelsAt, 0, panels);
    const bodyCitations = cites.map((c) => parseIds(attr(c, 'ids') ?? ''));
    const afterPanels = new Set<Jsx>();
    if (panelsAt >= 0) visit({ type: 'root', children: tree.children.slice(panelsAt) } as Root, (n) => void (isJsx(n, 'Cite') && afterPanels.add(n)));
    const citationsBeforePanels = cites.filter((c) => !afterPanels.has(c)).length;
    const entries = <T>(field: string) => list<T>(story?.[field]);
    const { groups } = numberCitations(
      {
        body: bodyCitations,
        figures: entries<{ sources?: unknown }>('figures').map((f) => list<string>(f?.sources)),
        timeline: entries<{ sources?: unknown }>('timeline').map((e) => list<string>(e?.sources)),
        // A source first cited in the terms still takes its place in its group.
        terms: entries<{ sources?: unknown }>('terms').map((t) => list<string>(t?.sources)),
      },
      citationsBeforePanels,
      footerGroup(rawSources.map((s) => ({ id: s.id as string, kind: String(s.kind ?? '') }))),
    );
    const refsOf = new Map<Jsx, CiteRef[]>(cites.map((c, i) => [c, toRefs(groups.body[i] ?? [], names)]));
    // The short version's parts, read before the Cite attributes are replaced.
    const firstHeading = tree.children.findIndex((c) => c.type === 'heading' && c.depth === 2);
    const shortVersion: ShortVersionPart[] = [];
    for (const node of tree.children.slice(firstHeading + 1, second < 0 ? undefined : second)) {
      if (firstHeading < 0 || !isJsx(node, 'Part')) continue;
      const refs: CiteRef[] = [];
      visit(node, (n) => void (isJsx(n, 'Cite') && refs.push(...(refsOf.get(n) ?? []))));
      shortVersion.push({ label: attr(node, 'label') ?? '', analysis: isAnalysis(node), text: plainText(node).replace(/\s+/g, ' ').trim(), refs });
    }
    for (const [c, refs] of refsOf) c.attributes = [expressionAttribute('refs', refs)];
    const exports: StoryBodyExports = { bodyCitations, citationsBeforePanels, bodySections, readingMinutes: readingMinutes(countWords(toString(tree))), shortVersion, sectionLeads, partLeads };
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    Object.assign((data.astro.frontmatter ??= {}), exports);
  };
}
