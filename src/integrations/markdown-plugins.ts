/**
 * The story markdown pipeline, in one place: astro.config.mjs builds with it,
 * and `checkStory` (src/checks/check-story.ts) checks with the same remark
 * plugins, so the build, `npm run check:content` and the dev server can never
 * drift apart.
 */
import { unified, type RehypePlugins, type RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { remarkStoryChecks } from '../checks/check-story.ts';
import { autolinkOptions, rehypeSections } from './rehype-sections.ts';
import remarkSmartypantsWhenNeeded from './remark-smartypants-when-needed.ts';
import remarkStory from './remark-story.ts';

/** GFM, SmartyPants where the text needs it, then the story's rules (src/checks/rules.ts). */
export const checkRemarkPlugins: RemarkPlugins = [remarkGfm, remarkSmartypantsWhenNeeded, remarkStoryChecks];

/** The checks, then the transforms: heading anchors, citation numbers. */
export const remarkPlugins: RemarkPlugins = [...checkRemarkPlugins, remarkStory];

/**
 * Order matters: slug, then sections, then anchor links.
 * Astro adds its own heading ids after these, and keeps ours.
 */
export const rehypePlugins: RehypePlugins = [rehypeSlug, rehypeSections, [rehypeAutolinkHeadings, autolinkOptions]];

/**
 * The markdown processor stories are built with (astro.config.mjs, through mdx-cache.ts, whose
 * workers build the same one). SmartyPants runs only on stories with straight quotes, -- or ...
 * (remark-smartypants-when-needed.ts: same output, much faster).
 */
export function storyProcessor() {
  const processor = unified({ smartypants: false, remarkPlugins, rehypePlugins });
  // unified() always makes an MDX renderer; its type leaves it optional, as other processors may not.
  return processor as typeof processor & { createMdxRenderer: NonNullable<typeof processor.createMdxRenderer> };
}
