/** A citation marker opens a card copied from the source's entry (no second copy in the HTML); without JavaScript it jumps to it. */
import { copies, initCards } from './popover.ts';

export function initSourceCards(doc: Document = document): number {
  const marks = [...doc.querySelectorAll<HTMLAnchorElement>('sup.cite a[href^="#source-"]')];
  return initCards(doc, marks, 'source-card', (mark) => {
    const href = mark.getAttribute('href')!;
    const entry = doc.querySelector(href);
    if (!entry) return null;
    const n = (entry as HTMLLIElement).value;
    const publisher = entry.querySelector('.source-publisher')?.textContent ?? '';
    return {
      label: `Source ${n}: ${publisher}`,
      nodes: copies(entry.querySelectorAll('.source-line, .source-quotes')),
      more: { href, text: `Source ${n} in the list` },
    };
  });
}
