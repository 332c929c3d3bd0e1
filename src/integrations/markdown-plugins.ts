/** The story markdown pipeline, in one place, so the build, check:content and the dev server can never drift apart. */
import { unified, type RehypePlugins, type RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { remarkStoryChecks } from '../checks/check-story.ts';
import { autolinkOptions, rehypeSections } from './rehype-sections.ts';
import remarkSmartypantsWhenNeeded from './remark-smartypants-when-needed.ts';
import remarkStory from './remark-story.ts';

export const checkRemarkPlugins: RemarkPlugins = [remarkGfm, remarkSmartypantsWhenNeeded, remarkStoryChecks];

export const remarkPlugins: RemarkPlugins = [...checkRemarkPlugins, remarkStory];

/** Order matters: slug, then sections, then anchor links. Astro adds its own heading ids after these, and keeps ours. */
export const rehypePlugins: RehypePlugins = [rehypeSlug, rehypeSections, [rehypeAutolinkHeadings, autolinkOptions]];

/** SmartyPants runs only on stories with straight quotes, -- or ...: same output, much faster. */
export function storyProcessor() {
  const processor = unified({ smartypants: false, remarkPlugins, rehypePlugins });
  return processor as typeof processor & { createMdxRenderer: NonNullable<typeof processor.createMdxRenderer> };
}
