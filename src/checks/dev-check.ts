/**
 * The dev server's check: a story page checks its file as it is on disk when it
 * renders, so a problem (a frontmatter typo included, which Astro's loader would
 * only log while serving the old page) shows in the browser's error overlay, in
 * the words of `npm run check:content`.
 */
import path from 'node:path';
import { checkStory, StoryCheckError } from './check-story.ts';

export async function assertStoryChecked(filePath: string | undefined): Promise<void> {
  if (!filePath) return;
  const problems = await checkStory(path.resolve(filePath));
  if (problems.length) throw new StoryCheckError(problems);
}
