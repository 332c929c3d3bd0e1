/**
 * Astro integration: before a build starts, check every story's frontmatter
 * and report all problems at once. (Body problems are reported by the
 * remark/rehype plugins as each story compiles.)
 */
import type { AstroIntegration } from 'astro';
import { formatProblem } from '../lib/problems.ts';
import { storiesDir, validateStories } from './validate-stories.ts';

export function storyChecks(): AstroIntegration {
  return {
    name: 'story-checks',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build') return;
        const problems = await validateStories(storiesDir(), { body: false });
        if (problems.length) {
          const lines = problems.map(formatProblem).join('\n');
          logger.error(`Bad story content, nothing was built:\n${lines}`);
          throw new Error(`Story content has ${problems.length} problem(s):\n${lines}`);
        }
      },
    },
  };
}
