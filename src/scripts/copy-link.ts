/** "Copy link" (and, with the Web Share API, "Share") beside every anchor link; without JavaScript the anchors still work. */
export function absoluteLink(href: string, base: string): string {
  return new URL(href, base.split('#')[0]).href;
}

/** "/story", "/story/" and "/story/index.html" alike. */
export function shareLink(id: string, page: string): string {
  return new URL(`s/${id}/`, page.split(/[?#]/)[0]!.replace(/(\/index\.html)?\/?$/, '/')).href;
}

export function initCopyLinks(doc: Document = document): number {
  const announcer = doc.getElementById('announcer');
  const anchors = doc.querySelectorAll<HTMLAnchorElement>('a.anchor-link');
  const say = (text: string) => {
    if (!announcer) return;
    announcer.textContent = '';
    // A fresh text node after a tick, so the same message is announced again.
    setTimeout(() => (announcer.textContent = text), 50);
  };
  anchors.forEach((a) => {
    const href = a.hash;
    const shared = a.hasAttribute('data-share');
    const link = () => (shared ? shareLink(href.slice(1), doc.URL) : absoluteLink(href, doc.URL));
    // Beside a heading, not inside it, so the heading's name stays its own text; a source's in the room kept for them.
    const heading = a.closest('h2,h3');
    const slot = heading ? null : a.closest('[id]')?.querySelector<HTMLElement>('[data-copy-slot]');
    const tools = slot ?? doc.createElement('span');
    tools.classList.add('link-tools');
    if (heading) heading.after(tools);
    else if (!slot) a.after(tools);
    const add = (text: string, className: string, act: () => unknown) => {
      // No form on the page, so the default button type does nothing more.
      const button = doc.createElement('button');
      button.className = className;
      button.textContent = text;
      button.setAttribute('aria-label', `${text.replace(' link', ' link to')} ${a.dataset.copy}`);
      button.onclick = act;
      tools.append(button);
    };
    add('Copy link', 'copy-link', async () => {
      try {
        await navigator.clipboard.writeText(link());
        say('Link copied');
      } catch {
        say('Could not copy: the link is now in the address bar');
        doc.location.hash = href;
      }
    });
    if (shared && navigator.share) add('Share', 'copy-link share-button', () => navigator.share({ title: a.textContent!.trim(), url: link() }).catch(() => {}));
  });
  return anchors.length;
}
