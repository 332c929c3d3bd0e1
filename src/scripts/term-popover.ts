/**
 * Progressive enhancement: a term in the text (<a class="term" href="#term-x">)
 * opens its definition in place, built from its entry in the Terms list, instead
 * of jumping there. Activating the term again or pressing Escape closes it, and
 * focus returns to the term. Without JavaScript, or without popover support, the
 * link jumps to the list.
 */
export function initTermPopovers(doc: Document = document): number {
  const terms = [...doc.querySelectorAll<HTMLAnchorElement>('a.term[data-term]')];
  if (!terms.length || !('showPopover' in HTMLElement.prototype)) return 0;
  const pop = doc.createElement('div');
  pop.id = 'term-popover';
  pop.className = 'term-popover';
  pop.setAttribute('popover', 'manual');
  pop.setAttribute('role', 'dialog');
  pop.tabIndex = -1;
  doc.body.append(pop);
  let owner: HTMLAnchorElement | null = null;

  const close = (refocus: boolean) => {
    if (!owner) return;
    pop.hidePopover();
    owner.setAttribute('aria-expanded', 'false');
    if (refocus) owner.focus();
    owner = null;
  };
  const open = (term: HTMLAnchorElement) => {
    const entry = doc.getElementById(`term-${term.dataset.term}`);
    if (!entry) return;
    const name = entry.querySelector('dt')?.textContent ?? term.textContent ?? '';
    const heading = doc.createElement('p');
    heading.className = 'term-popover-name';
    heading.textContent = name;
    const body = doc.createElement('div');
    body.append(...[...(entry.querySelector('dd')?.childNodes ?? [])].map((n) => n.cloneNode(true)));
    // Ids must stay unique: the copies of citation markers keep their links, not their ids.
    body.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'));
    const more = doc.createElement('a');
    more.href = `#term-${term.dataset.term}`;
    more.className = 'term-popover-more';
    more.textContent = 'All terms';
    more.addEventListener('click', () => close(false));
    pop.replaceChildren(heading, body, more);
    pop.setAttribute('aria-label', `Definition: ${name}`);
    pop.showPopover();
    const r = term.getBoundingClientRect();
    const width = Math.min(352, doc.documentElement.clientWidth - 16);
    pop.style.width = `${width}px`;
    // Placed in page coordinates (position: absolute in the top layer), so it scrolls with its term.
    pop.style.left = `${scrollX + Math.max(8, Math.min(r.left, doc.documentElement.clientWidth - width - 8))}px`;
    const below = r.bottom + 6;
    pop.style.top = `${scrollY + (below + pop.offsetHeight > innerHeight ? Math.max(8, r.top - pop.offsetHeight - 6) : below)}px`;
    term.setAttribute('aria-expanded', 'true');
    owner = term;
    pop.focus();
  };

  for (const term of terms) {
    term.setAttribute('aria-controls', pop.id);
    term.setAttribute('aria-expanded', 'false');
    term.addEventListener('click', (e) => {
      e.preventDefault();
      if (owner === term) close(true);
      else {
        close(false);
        open(term);
      }
    });
  }
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && owner) close(true);
  });
  doc.addEventListener('click', (e) => {
    const t = e.target as Node;
    if (owner && !pop.contains(t) && !owner.contains(t)) close(false);
  });
  return terms.length;
}
