/**
 * One worker of the build's content check (story-checks.ts): checks the story files it is
 * sent, one at a time. A story that passes is compiled too, as Astro's MDX plugin would
 * compile it, into the MDX cache (src/integrations/mdx-cache.ts), so that Vite's bundling
 * finds every story there instead of compiling them again on one thread.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { mdxKey, storeMdx, type MdxResult } from '../integrations/mdx-cache.ts';
import { storyProcessor } from '../integrations/markdown-plugins.ts';
import type { Problem } from '../lib/problems.ts';
import { serveTasks } from '../lib/worker-pool.ts';
import { checkStory, headProblems } from './check-story.ts';
import { readStory } from './story-file.ts';

export interface CheckTask {
  file: string;
  /** When set: compile a story that passes into this MDX cache folder, with these renderer options (expectedOptions). */
  compile?: { dir: string; options: string };
}

let renderer: { options: string; process: (content: string, id: string, frontmatter: Record<string, unknown>) => Promise<MdxResult> } | undefined;

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
    if (renderer?.options !== compile.options) {
      const { shared, mdx } = JSON.parse(compile.options) as { shared: never; mdx: { srcDir: string } };
      const made = await storyProcessor().createMdxRenderer(shared, { ...mdx, srcDir: new URL(mdx.srcDir) } as never);
      renderer = { options: compile.options, process: (c, i, f) => made.process(c, i, f) };
    }
    storeMdx(compile.dir, key, await renderer.process(content, id, frontmatter), id, content);
    return [];
  } catch {
    // A story problem, or an MDX error: the full check lists them (or, for an error that is not
    // a story's, finds none, and Vite compiles the story again and shows the error).
    return checkStory(file);
  }
});
