/** On wide screens, where CSS shows the contents as a rail: opens it and marks the section in view with aria-current. */
export const RAIL_QUERY = '(min-width: 68.75rem)';

export function initContents(doc: Document = document, wide = matchMedia(RAIL_QUERY)): number {
  const toc = doc.querySelector<HTMLDetailsElement>('[data-toc]');
  if (!toc) return 0;
  if (wide.matches) toc.open = true;
  const links = new Map([...toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => [a.hash.slice(1), a]));
  if (!('IntersectionObserver' in window)) return links.size;
  let current: HTMLAnchorElement | undefined;
  const mark = (a: HTMLAnchorElement | undefined) => {
    if (!a || a === current) return;
    current?.removeAttribute('aria-current');
    a.setAttribute('aria-current', 'true');
    current = a;
  };
  // A section counts as "in view" when it crosses a line a third of the way down the window.
  const seen = new IntersectionObserver(
    (entries) => {
      for (const e of entries) if (e.isIntersecting) mark(links.get((e.target as HTMLElement).dataset.section ?? ''));
    },
    { rootMargin: '-33% 0px -66% 0px' },
  );
  doc.querySelectorAll<HTMLElement>('[data-section]').forEach((s) => links.has(s.dataset.section ?? '') && seen.observe(s));
  return links.size;
}
