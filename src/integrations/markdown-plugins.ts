/**
 * The story markdown pipeline, in one place: astro.config.mjs builds with it,
 * and `npm run check:content` (validate-stories.ts) checks with the same list,
 * so the two can never drift apart.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { autolinkOptions, rehypeCheckHeadingIds, rehypeSections } from './rehype-sections.ts';
import remarkSmartypantsWhenNeeded from './remark-smartypants-when-needed.ts';
import remarkStory from './remark-story.ts';

/** GFM, SmartyPants where the text needs it, then the story checks and citations. */
export const remarkPlugins: RemarkPlugins = [remarkGfm, remarkSmartypantsWhenNeeded, remarkStory];

/**
 * Order matters: check ids, then slug, then sections, then anchor links.
 * Astro adds its own heading ids after these, and keeps ours.
 */
export const rehypePlugins: RehypePlugins = [rehypeCheckHeadingIds, rehypeSlug, rehypeSections, [rehypeAutolinkHeadings, autolinkOptions]];
