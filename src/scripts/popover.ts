/** A card built from the element an in-page link points to (no second copy in the HTML); without popover support the link still jumps. */
export interface CardContent {
  label: string;
  nodes: Node[];
  more: { href: string; text: string };
}

/** Ids removed, so every id stays unique. */
export function copies(nodes: Iterable<Node>): Node[] {
  return [...nodes].map((n) => {
    const c = n.cloneNode(true);
    if (c instanceof Element) [c, ...c.querySelectorAll('[id]')].forEach((el) => el.removeAttribute('id'));
    return c;
  });
}

export function initCards(doc: Document, triggers: HTMLAnchorElement[], id: string, build: (t: HTMLAnchorElement) => CardContent | null): number {
  if (!triggers.length || !('showPopover' in HTMLElement.prototype)) return 0;
  const pop = doc.createElement('div');
  pop.id = id;
  pop.className = `card ${id}`;
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
  const open = (t: HTMLAnchorElement) => {
    const c = build(t);
    if (!c) return;
    const more = doc.createElement('a');
    more.href = c.more.href;
    more.className = 'card-more';
    more.textContent = c.more.text;
    more.addEventListener('click', () => close(false));
    pop.replaceChildren(...c.nodes, more);
    pop.setAttribute('aria-label', c.label);
    pop.showPopover();
    const r = t.getBoundingClientRect();
    const vw = doc.documentElement.clientWidth;
    const width = Math.min(352, vw - 16);
    pop.style.width = `${width}px`;
    // Placed in page coordinates (position: absolute in the top layer), so it scrolls with its trigger.
    pop.style.left = `${scrollX + Math.max(8, Math.min(r.left, vw - width - 8))}px`;
    const below = r.bottom + 6;
    pop.style.top = `${scrollY + (below + pop.offsetHeight > innerHeight ? Math.max(8, r.top - pop.offsetHeight - 6) : below)}px`;
    t.setAttribute('aria-expanded', 'true');
    owner = t;
    pop.focus();
  };

  for (const t of triggers) {
    t.setAttribute('aria-controls', id);
    t.setAttribute('aria-expanded', 'false');
    t.addEventListener('click', (e) => {
      e.preventDefault();
      if (owner === t) close(true);
      else {
        close(false);
        open(t);
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
  return triggers.length;
}
