import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { collectionSchema } from './schemas/story.ts';

/** Stories live in content/stories/*.mdx (STORIES_DIR overrides, for fixtures and benchmarks). */
const stories = defineCollection({
  loader: glob({ pattern: '*.mdx', base: process.env.STORIES_DIR ?? './content/stories' }),
  schema: collectionSchema,
});

export const collections = { stories };
