/**
 * Progressive enhancement: a citation marker ("[1]", a link to the source's entry
 * in Sources) opens a card beside it with the publisher, the linked title, the
 * date, the kind, any quoted words and a link to the entry, copied from the entry
 * itself (src/components/SourceList.astro), so the HTML carries no second copy.
 * The marker's own name ("Source 1: CNBC, …") is what screen readers hear.
 * Without JavaScript, or without popover support, the marker jumps to the entry.
 */
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
