/**
 * A URL as paper prints it (print.css draws it from a data attribute after each source, and under
 * the masthead): a reader must be able to type what is printed. So a long URL breaks after a slash,
 * never at a hyphen, which a reader could not tell from one added for the break.
 *
 * The marks are invisible: after each slash, a zero-width space (a place to break; Firefox breaks
 * there anyway, Chromium only with it); after each hyphen, a word joiner (no break there). A part
 * too long for its line breaks where CSS's overflow-wrap must, inside a word: the joiner keeps
 * each hyphen with the letters after it, so no printed line ends with one.
 */
const BREAK = '\u200B';
const JOIN = '\u2060';

export function printableUrl(url: string): string {
  return url.replace(/\/(?=[^/])/g, `/${BREAK}`).replace(/-/g, `-${JOIN}`);
}

/** The URL again, its marks taken out (what a PDF's text gives, as the reader types it). */
export const unmarkedUrl = (printed: string) => printed.replace(/[\u200B\u2060]/g, '');
