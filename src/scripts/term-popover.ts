/** A term opens its definition in place, built from its entry in the Terms list; without JavaScript the link jumps there. */
import { copies, initCards } from './popover.ts';

export function initTermPopovers(doc: Document = document): number {
  const terms = [...doc.querySelectorAll<HTMLAnchorElement>('a.term[data-term]')];
  return initCards(doc, terms, 'term-popover', (term) => {
    const href = `#term-${term.dataset.term}`;
    const entry = doc.querySelector(href);
    if (!entry) return null;
    const name = entry.querySelector('dt')?.textContent ?? term.textContent ?? '';
    const heading = doc.createElement('p');
    heading.className = 'card-name';
    heading.textContent = name;
    const body = doc.createElement('div');
    body.append(...copies(entry.querySelector('dd')?.childNodes ?? []));
    return { label: `Definition: ${name}`, nodes: [heading, body], more: { href, text: 'All terms' } };
  });
}
