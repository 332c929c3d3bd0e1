/**
 * Astro integration: before a build starts, check every story's frontmatter,
 * and report all problems in all files at once, one line each.
 *
 * It runs in astro:config:setup, before Astro loads the content collection, so
 * an editor never sees Astro's own schema error, and an unquoted impossible
 * date (2026-02-30, which Astro's YAML reading would roll over to March 2) is
 * caught. When it finds a problem the build fails anyway, so it checks the
 * bodies too and reports everything in one run. A clean build does not pay for
 * that: body problems are then caught by the remark/rehype plugins as each story
 * compiles, and scripts/build.ts lists them all, one line each, when it fails.
 */
import type { AstroIntegration } from 'astro';
import { CONTENT_PROBLEMS_EXIT, contentReport } from '../lib/problems.ts';
import { storiesDir, validateStories } from './validate-stories.ts';

const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));

export function storyChecks(): AstroIntegration {
  return {
    name: 'story-checks',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build') return;
        const dir = storiesDir();
        if (!(await validateStories(dir, { body: false })).length) return;
        logger.error(contentReport(await validateStories(dir)));
        // The lines above are the whole message: exit without Astro's stack trace.
        await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
        process.exit(CONTENT_PROBLEMS_EXIT);
      },
    },
  };
}
