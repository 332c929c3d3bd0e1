/**
 * A reader must be able to type a printed URL, so it breaks after a slash (a zero-width space: Chromium breaks only with
 * it) and never at a hyphen (a word joiner), which a reader could not tell from one added for the break.
 */
const BREAK = '\u200B';
const JOIN = '\u2060';

export function printableUrl(url: string): string {
  return url.replace(/\/(?=[^/])/g, `/${BREAK}`).replace(/-/g, `-${JOIN}`);
}

export const unmarkedUrl = (printed: string) => printed.replace(/[\u200B\u2060]/g, '');
