/**
 * Progressive enhancement: a "Copy link" button beside every anchor link
 * (section headings, timeline dates, "Source n"). It copies the absolute URL
 * and announces "Link copied" in the page's polite live region: for a section
 * with a share page (the anchor's data-share, src/lib/share.ts) the share
 * address, whose preview is the section's own; otherwise the URL with the
 * fragment. Where the browser has the Web Share API, a section also gets a
 * "Share" button that opens the system share sheet with its title and share
 * address. The anchor link itself keeps the plain fragment. Without JavaScript
 * the anchor links still work; nothing depends on this.
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
  const button = (text: string, name: string, onClick: () => unknown) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = 'copy-link';
    b.textContent = text;
    b.setAttribute('aria-label', name);
    b.addEventListener('click', onClick);
    return b;
  };
  anchors.forEach((a) => {
    // data-copy names what the link points to: "section: The memo", "source 1: CNBC".
    const what = a.dataset.copy ?? (a.textContent ?? '').trim();
    const share = a.dataset.share;
    const href = () => absoluteLink(a.getAttribute('href') ?? '', doc.location.href);
    const link = () => sharedLink({ href: a.getAttribute('href') ?? '', share }, doc.location.href);
    const copy = button('Copy link', `Copy link to ${what}`, async () => {
      try {
        await nav.clipboard.writeText(link());
        say('Link copied');
      } catch {
        say('Could not copy: the link is now in the address bar');
        doc.location.hash = new URL(href()).hash;
      }
    });
    // Beside a heading, not inside it: the heading's name stays its own text.
    (a.closest('h2, h3, h4, h5, h6') ?? a).after(copy);
    if (share && canShare) {
      const section = what.replace(/^section: /, '');
      copy.after(button('Share', `Share ${what}`, () => nav.share({ title: `${section} — ${title}`, url: link() }).catch(() => {})));
    }
  });
  return anchors.length;
}
