import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { collectionSchema } from './schemas/story.ts';

/** Stories live in content/stories/*.mdx (STORIES_DIR overrides, for fixtures and benchmarks). */
const stories = defineCollection({
  loader: glob({ pattern: '*.mdx', base: process.env.STORIES_DIR ?? './content/stories' }),
  schema: collectionSchema,
});

/** Topics live in content/topics/<id>.yaml (TOPICS_DIR overrides): a name and a one-sentence description. */
const topics = defineCollection({
  loader: glob({ pattern: '*.yaml', base: process.env.TOPICS_DIR ?? './content/topics' }),
  schema: z.strictObject({ name: z.string().trim().min(1), description: z.string().trim().min(1) }),
});

export const collections = { stories, topics };
