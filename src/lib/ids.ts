/**
 * Ids that become URL fragments (#the-memo, #2026-02-27-amazon-deal, #source-cnbc-memo),
 * and the ones the page itself uses, which no heading or timeline entry may take.
 */

/** Lowercase letters, digits and single hyphens: "cnbc-memo". */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Ids of the page's own elements. */
export const PAGE_IDS: ReadonlySet<string> = new Set(['timeline', 'key-figures', 'sources', 'main', 'on-this-page', 'top', 'announcer']);

/** What, if anything, already owns this id on every story page. */
export function pageOwnerOf(id: string): string | undefined {
  if (PAGE_IDS.has(id)) return 'the page itself';
  if (/^cite-/.test(id)) return 'citation anchors';
  if (/^source-/.test(id)) return 'source anchors';
  return undefined;
}
