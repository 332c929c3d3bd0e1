/** The page carries no print button of its own: without JavaScript it could do nothing, and Ctrl+P gives the brief. */
export const FULL_STORY_CLASS = 'print-full';

export function initPrintButtons(doc: Document = document, print: () => void = () => window.print()): number {
  const root = doc.documentElement;
  const hosts = doc.querySelectorAll<HTMLElement>('[data-print-brief]');
  hosts.forEach((host) => {
    for (const what of ['brief', 'full story']) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'print-button';
      button.textContent = what;
      button.setAttribute('aria-label', `Print ${what}`);
      button.onclick = () => {
        root.classList.toggle(FULL_STORY_CLASS, what !== 'brief');
        print();
      };
      host.append(button);
    }
  });
  // Ctrl+P after a full story's print gives the brief again.
  addEventListener('afterprint', () => root.classList.remove(FULL_STORY_CLASS));
  return hosts.length;
}
