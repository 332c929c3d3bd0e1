/**
 * Progressive enhancement: adds the print buttons to each element marked
 * `data-print-brief`: "Print brief", the one-page brief that Ctrl+P prints too,
 * and "Print full story", the whole article (print.css prints it while the page's
 * root has the class `print-full`, which this sets for that print only). The page
 * carries no button of its own: without JavaScript it could do nothing, and Ctrl+P
 * gives the brief.
 */
export const FULL_STORY_CLASS = 'print-full';

export function initPrintButtons(doc: Document = document, print: () => void = () => window.print()): number {
  const root = doc.documentElement;
  const hosts = doc.querySelectorAll<HTMLElement>('[data-print-brief]');
  hosts.forEach((host) => {
    // "Print [brief] [full story]": one visible "Print" for the two, and each button named in full ("Print brief").
    const label = doc.createElement('span');
    label.className = 'print-label';
    label.textContent = 'Print';
    label.setAttribute('aria-hidden', 'true');
    host.append(label);
    const add = (text: string, full: boolean) => {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'print-button';
      const hidden = doc.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = 'Print ';
      button.append(hidden, text);
      button.addEventListener('click', () => {
        root.classList.toggle(FULL_STORY_CLASS, full);
        print();
      });
      host.append(button);
    };
    add('brief', false);
    add('full story', true);
  });
  // Ctrl+P after a full story's print gives the brief again.
  doc.defaultView?.addEventListener('afterprint', () => root.classList.remove(FULL_STORY_CLASS));
  return hosts.length;
}
