/**
 * Progressive enhancement: adds a "Print brief" button to each element marked
 * `data-print-brief` and makes it open the print dialog. The page carries no
 * button of its own: without JavaScript it could do nothing.
 */
export function initPrintButtons(doc: Document = document, print: () => void = () => window.print()): number {
  const hosts = doc.querySelectorAll<HTMLElement>('[data-print-brief]');
  hosts.forEach((host) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'print-button';
    button.textContent = 'Print brief';
    button.addEventListener('click', () => print());
    host.append(button);
  });
  return hosts.length;
}
