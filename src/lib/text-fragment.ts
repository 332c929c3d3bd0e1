/** A URL text fragment that highlights quoted words; browsers without support simply open the page. */
export function textFragmentUrl(url: string, quote: string): string {
  const base = url.split('#')[0]!;
  const encode = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
  const words = quote.trim().split(/\s+/);
  // Long quotes use "start,end" so small wording changes in the middle still match.
  const directive = words.length > 8 ? `${encode(words.slice(0, 4).join(' '))},${encode(words.slice(-4).join(' '))}` : encode(words.join(' '));
  return `${base}#:~:text=${directive}`;
}
