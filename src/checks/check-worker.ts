/**
 * One worker of the build's content check (story-checks.ts): checks the story files it is
 * sent, one at a time. A story that passes is compiled too, as Astro's MDX plugin would
 * compile it, into the MDX cache (src/integrations/mdx-cache.ts), so that Vite's bundling
 * finds every story there instead of compiling them again on one thread.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { compileMdx, mdxKey, storeMdx } from '../integrations/mdx-cache.ts';
import type { Problem } from '../lib/problems.ts';
import { serveTasks } from '../lib/worker-pool.ts';
import { checkStory, headProblems } from './check-story.ts';
import { readStory } from './story-file.ts';

export interface CheckTask {
  file: string;
  /** When set: compile a story that passes into this MDX cache folder, with these renderer options (expectedOptions). */
  compile?: { dir: string; options: string };
}

serveTasks<CheckTask, Problem[]>(async ({ file, compile }) => {
  if (!compile) return checkStory(file);
  // A story whose frontmatter and name pass and whose body compiles with the build's own
  // plugins has no problem: the body's rules run inside the compile (remarkStoryChecks stops
  // it on any problem). Anything else is checked in full, for the whole list of problems.
  const { story } = readStory(file);
  if (!story || headProblems(file, story).length) return checkStory(file);
  try {
    // As @astrojs/mdx reads the file: the frontmatter parsed, the body with the frontmatter blanked.
    const id = path.resolve(file);
    const { frontmatter, content } = parseFrontmatter(readFileSync(id, 'utf8'), { frontmatter: 'empty-with-spaces' });
    const key = mdxKey(compile.options, id, frontmatter, content);
    if (existsSync(path.join(compile.dir, `${key}.json`))) return await checkStory(file);
    await storeMdx(compile.dir, key, await compileMdx(compile.options, content, id, frontmatter), id, content);
    return [];
  } catch {
    // A story problem, or an MDX error: the full check lists them (or, for an error that is not
    // a story's, finds none, and Vite compiles the story again and shows the error).
    return checkStory(file);
  }
});
