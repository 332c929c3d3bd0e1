/**
 * Astro integration: before a build starts, check every story with
 * `checkStories` (src/checks/check-story.ts) and stop the build with every
 * problem in every file, one line each, when there is any. It runs before
 * Astro loads the content collection, so an editor never sees Astro's own
 * schema error, and an unquoted impossible date (2026-02-30, which Astro's
 * YAML reading would roll over to March 2) is caught.
 *
 * The dev server checks each story page as it renders instead
 * (src/checks/dev-check.ts), so edits made while it runs are checked too.
 */
import type { AstroIntegration } from 'astro';
import { checkStories, StoryCheckError } from '../checks/check-story.ts';

export function storyChecks(): AstroIntegration {
  return {
    name: 'story-checks',
    hooks: {
      'astro:config:setup': async ({ command }) => {
        if (command !== 'build') return;
        const problems = await checkStories();
        if (problems.length) throw new StoryCheckError(problems);
      },
    },
  };
}
