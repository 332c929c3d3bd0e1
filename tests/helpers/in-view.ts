/**
 * Runs in the page (Playwright's or Puppeteer's evaluate): where the element with
 * this id is. "ok" when it is in the window; a zero-size marker (an alias) counts
 * by the nearest box around it.
 */
export function whereIsId(id: string): string {
  let el: Element | null = document.getElementById(id);
  while (el && el.getBoundingClientRect().height === 0) el = el.parentElement;
  if (!el) return 'no box';
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight ? 'ok' : `at ${Math.round(r.top)}px`;
}
