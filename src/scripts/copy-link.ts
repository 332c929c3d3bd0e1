/**
 * Progressive enhancement: a "Copy link" button beside every anchor link
 * (section headings, timeline dates, "Source n"). It copies the absolute URL
 * with the fragment and announces "Link copied" in the page's polite live
 * region. Without JavaScript the anchor links still work; nothing depends on this.
 */

/** The absolute URL an anchor's href points to, without any text fragment of the current page. */
export function absoluteLink(href: string, base: string): string {
  const url = new URL(href, base.split('#')[0]);
  return url.href;
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
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'copy-link';
    button.textContent = 'Copy link';
    // data-copy names what the link points to: "section: The memo", "source 1: CNBC".
    button.setAttribute('aria-label', `Copy link to ${a.dataset.copy ?? (a.textContent ?? '').trim()}`);
    button.addEventListener('click', async () => {
      const link = absoluteLink(a.getAttribute('href') ?? '', doc.location.href);
      try {
        await navigator.clipboard.writeText(link);
        say('Link copied');
      } catch {
        say('Could not copy: the link is now in the address bar');
        doc.location.hash = new URL(link).hash;
      }
    });
    // Beside a heading, not inside it: the heading's name stays its own text.
    (a.closest('h2, h3, h4, h5, h6') ?? a).after(button);
  });
  return anchors.length;
}
