/**
 * Progressive enhancement: a "Copy link" button beside every anchor link
 * (section headings, timeline dates, a source's number: at the end of its entry). It copies the absolute URL and
 * announces "Link copied" in the page's polite live region. A section with a share
 * page (`data-share`, src/lib/share.ts) copies that page's address, whose link
 * preview is the section's own; the rest copy the link with its fragment. Where the
 * browser has the Web Share API (phones), a section also gets a "Share" button that
 * opens the system share sheet. The buttons of one link sit together in a `.link-tools`
 * span, which global.css keeps quiet until wanted. Without JavaScript the anchor links still work;
 * nothing depends on this. (Kept small: the page's scripts together stay within the JavaScript budget, and are inlined.)
 */

/** The absolute URL an anchor's href points to, without any text fragment of the current page. */
export function absoluteLink(href: string, base: string): string {
  return new URL(href, base.split('#')[0]).href;
}

/** A section's share address, `s/<id>/` beside the page it is on ("/story", "/story/" and "/story/index.html" alike). */
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
    // The link's controls, together (global.css shows them on hover or focus, and on touch screens
    // one per section): beside a heading, not inside it, so the heading's name stays its own text; in
    // the room an entry keeps for them (a source's, at its end: SourceList.astro); else after the link.
    const heading = a.closest('h2,h3');
    const slot = heading ? null : a.closest('[id]')?.querySelector<HTMLElement>('[data-copy-slot]');
    const tools = slot ?? doc.createElement('span');
    tools.classList.add('link-tools');
    if (heading) heading.after(tools);
    else if (!slot) a.after(tools);
    const add = (text: string, className: string, act: () => unknown) => {
      // No form on the page, so the button's default type does nothing more.
      const button = doc.createElement('button');
      button.className = className;
      button.textContent = text;
      // data-copy names what the link points to: "section: The memo", "source 1: CNBC".
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
