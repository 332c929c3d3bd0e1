/** remark-smartypants parses the text twice even when it is typographic already (~40% of a compile): skipped when it changes nothing. */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkSmartypants from 'remark-smartypants';

type Options = Parameters<typeof remarkSmartypants>[0];

export const CHANGEABLE = /["'`]|--|[—–]-|\.\s*\.\s*\./;

export default function remarkSmartypantsWhenNeeded(options?: Options) {
  const smartypants = (remarkSmartypants as unknown as (o?: Options) => (tree: Root) => void)(options);
  return (tree: Root) => {
    if (CHANGEABLE.test(toString(tree, { includeImageAlt: true, includeHtml: true }))) smartypants(tree);
  };
}
