/**
 * remark plugin: Astro's SmartyPants (straight quotes, `--` and `...` to
 * typographic ones), run only on stories that have something for it to change.
 *
 * remark-smartypants parses the text of a story into a natural-language tree
 * twice over (once for the whole text, once per text node), even when the
 * story is already typographic, as ours are: that was about 40% of each
 * story's markdown compile (see BENCHMARKS.md). When the text has no straight
 * quote, backtick, double hyphen, dash followed by a hyphen or three dots,
 * SmartyPants changes nothing, so this skips it; otherwise it runs it as is.
 * Astro's own copy is off (`unified({ smartypants: false })` in astro.config.mjs).
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkSmartypants from 'remark-smartypants';

type Options = Parameters<typeof remarkSmartypants>[0];

/** Everything any SmartyPants option rewrites: ' " ` -- —- –- ... and ". . .". */
export const CHANGEABLE = /["'`]|--|[—–]-|\.\s*\.\s*\./;

export default function remarkSmartypantsWhenNeeded(options?: Options) {
  const smartypants = (remarkSmartypants as unknown as (o?: Options) => (tree: Root) => void)(options);
  return (tree: Root) => {
    if (CHANGEABLE.test(toString(tree, { includeImageAlt: true, includeHtml: true }))) smartypants(tree);
  };
}
