/** A frontmatter typo, which Astro's loader would only log while serving the old page, shows in the browser's error overlay. */
import path from 'node:path';
import { checkStory, StoryCheckError } from './check-story.ts';

export async function assertStoryChecked(filePath: string | undefined): Promise<void> {
  if (!filePath) return;
  const problems = await checkStory(path.resolve(filePath));
  if (problems.length) throw new StoryCheckError(problems);
}
