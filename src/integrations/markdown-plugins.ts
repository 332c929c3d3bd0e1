/**
 * The story markdown pipeline, in one place: astro.config.mjs builds with it,
 * and `checkStory` (src/checks/check-story.ts) checks with the same remark
 * plugins, so the build, `npm run check:content` and the dev server can never
 * drift apart.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
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
