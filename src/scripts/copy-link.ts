/**
 * Progressive enhancement: a "Copy link" button beside every anchor link
 * (headings, timeline entries, sources). It copies the absolute URL and
 * announces "Link copied" in the page's polite live region: for a section with
 * a share page (the anchor's data-share, src/lib/share.ts) the share address,
 * whose preview is the section's own; otherwise the URL with the fragment.
 * Where the browser has the Web Share API, a section also gets a "Share" button
 * that opens the system share sheet with its title and share address.
 * Without JavaScript the anchor links still work; nothing depends on this.
 */

/** The absolute URL an anchor's href points to, without any text fragment of the current page. */
export function absoluteLink(href: string, base: string): string {
  const url = new URL(href, base.split('#')[0]);
  return url.href;
}

/** The address a button shares for an anchor: its share page when it has one, else its fragment link. */
export function sharedLink(anchor: { href: string; share?: string | undefined }, base: string): string {
  return absoluteLink(anchor.share ?? anchor.href, base);
}

export function initCopyLinks(doc: Document = document, nav: Navigator = navigator): number {
  const announcer = doc.getElementById('announcer');
  const anchors = doc.querySelectorAll<HTMLAnchorElement>('a.anchor-link');
  const say = (text: string) => {
    if (!announcer) return;
    announcer.textContent = '';
    // A fresh text node after a tick, so the same message is announced again.
    setTimeout(() => (announcer.textContent = text), 50);
  };
  const canShare = typeof nav.share === 'function';
  const title = doc.querySelector('h1')?.textContent?.trim() ?? doc.title;
  anchors.forEach((a) => {
    const label = a.getAttribute('aria-label') ?? 'Link';
    const share = a.dataset.share;
    const link = () => sharedLink({ href: a.getAttribute('href') ?? '', share }, doc.location.href);
    const button = (text: string, name: string, onClick: () => unknown) => {
      const b = doc.createElement('button');
      b.type = 'button';
      b.className = 'copy-link';
      b.textContent = text;
      b.setAttribute('aria-label', name);
      b.addEventListener('click', onClick);
      return b;
    };
    const copy = button('Copy link', label.replace(/^Link to/, 'Copy link to'), async () => {
      try {
        await nav.clipboard.writeText(link());
        say('Link copied');
      } catch {
        say('Could not copy: the link is now in the address bar');
        doc.location.hash = new URL(absoluteLink(a.getAttribute('href') ?? '', doc.location.href)).hash;
      }
    });
    a.after(copy);
    if (share && canShare) {
      const section = label.replace(/^Link to section: /, '');
      copy.after(button('Share', label.replace(/^Link to/, 'Share'), () => nav.share({ title: `${section} — ${title}`, url: link() }).catch(() => {})));
    }
  });
  return anchors.length;
}
