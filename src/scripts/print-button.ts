/**
 * Progressive enhancement: reveals the "Print brief" button (hidden without
 * JavaScript, since it could do nothing) and makes it open the print dialog.
 */
export function initPrintButtons(doc: Document = document, print: () => void = () => window.print()): number {
  const buttons = doc.querySelectorAll<HTMLButtonElement>('button[data-print]');
  buttons.forEach((b) => {
    b.hidden = false;
    b.addEventListener('click', () => print());
  });
  return buttons.length;
}
