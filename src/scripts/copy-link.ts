/**
 * Progressive enhancement: a "Copy link" button beside every anchor link
 * (section headings, timeline dates, a source's number: at the end of its entry). It copies the absolute URL and
 * announces "Link copied" in the page's polite live region. A section with a share
 * page (`data-share`, src/lib/share.ts) copies that page's address, whose link
 * preview is the section's own; the rest copy the link with its fragment. Where the
 * browser has the Web Share API (phones), a section also gets a "Share" button that
 * opens the system share sheet. Without JavaScript the anchor links still work;
 * nothing depends on this. (Kept small: under 4 KB the page's one script is inlined.)
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
    const add = (text: string, act: () => unknown) => {
      // No form on the page, so the button's default type does nothing more.
      const button = doc.createElement('button');
      button.className = 'copy-link';
      button.textContent = text;
      // data-copy names what the link points to: "section: The memo", "source 1: CNBC".
      button.setAttribute('aria-label', `${text.replace(' link', ' link to')} ${a.dataset.copy}`);
      button.onclick = act;
      // Beside a heading, not inside it: the heading's name stays its own text. An entry may keep a
      // place for it (a source's, at its end: SourceList.astro); else it goes after the link.
      const heading = a.closest('h2,h3');
      const slot = heading ? null : a.closest('[id]')?.querySelector('[data-copy-slot]');
      if (heading) heading.after(button);
      else if (slot) slot.append(button);
      else a.after(button);
    };
    // Added first, so it ends up after "Copy link".
    if (shared && navigator.share) add('Share', () => navigator.share({ title: a.textContent!.trim(), url: link() }).catch(() => {}));
    add('Copy link', async () => {
      try {
        await navigator.clipboard.writeText(link());
        say('Link copied');
      } catch {
        say('Could not copy: the link is now in the address bar');
        doc.location.hash = href;
      }
    });
  });
  return anchors.length;
}
