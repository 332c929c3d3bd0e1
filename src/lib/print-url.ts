/** Printed URLs break after a slash (a zero-width space: Chromium needs it), never at a hyphen, which a reader could not tell apart. */
const BREAK = '\u200B';
const JOIN = '\u2060';

export function printableUrl(url: string): string {
  return url.replace(/\/(?=[^/])/g, `/${BREAK}`).replace(/-/g, `-${JOIN}`);
}

export const unmarkedUrl = (printed: string) => printed.replace(/[\u200B\u2060]/g, '');
