import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { FIRST_VIEW_END_CLASS } from '../lib/ids.ts';
import { PANELS_ELEMENT } from '../components/story-panels.ts';

export function rehypeSections() {
  return (tree: Root) => {
    const out: RootContent[] = [];
    let current: Element | null = null;
    for (const child of tree.children) {
      if ((child as { type: string; name?: string }).type === 'mdxJsxFlowElement' && (child as { name?: string }).name === PANELS_ELEMENT) {
        current = null;
        out.push(child);
        continue;
      }
      if (child.type === 'element' && child.tagName === 'h2') {
        // The first section is the short version, where the first-round-trip budget measures to.
        const className = out.some((n) => n.type === 'element' && n.tagName === 'section') ? ['section'] : ['section', FIRST_VIEW_END_CLASS];
        current = { type: 'element', tagName: 'section', properties: { className, dataSection: String(child.properties.id ?? '') }, children: [] };
        // Read, and removed, by autolinkOptions.
        child.properties.dataShareable = '';
        out.push(current);
      }
      if (current) current.children.push(child as ElementContent);
      else out.push(child);
    }
    tree.children = out;
  };
}

/** The heading's own text links to it (no symbol-only link), so reader modes keep every heading and text browsers show just its words. */
export const autolinkOptions = {
  behavior: 'wrap' as const,
  test: ['h2', 'h3'],
  properties: (h: Readonly<Element>) => {
    const shareable = h.properties.dataShareable !== undefined;
    delete (h as Element).properties.dataShareable;
    return { className: ['anchor-link'], dataCopy: `section: ${toString(h as Element).trim()}`, ...(shareable ? { dataShare: '' } : {}) };
  },
};
