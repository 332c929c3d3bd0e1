/** One worker of the MDX compile pool (mdx-cache.ts): compiles the stories it is sent, one at a time, with the build's own processor. */
import { serveTasks } from '../lib/worker-pool.ts';
import type { MdxResult, MdxTask } from './mdx-cache.ts';
import { storyProcessor } from './markdown-plugins.ts';

let renderer: { options: string; process: (content: string, id: string, frontmatter: Record<string, unknown>) => Promise<MdxResult> } | undefined;

serveTasks<MdxTask, MdxResult>(async ({ shared, mdx, content, id, frontmatter }) => {
  const options = JSON.stringify({ shared, mdx });
  if (renderer?.options !== options) {
    const made = await storyProcessor().createMdxRenderer(shared, { ...mdx, srcDir: mdx.srcDir ? new URL(mdx.srcDir) : undefined } as Parameters<ReturnType<typeof storyProcessor>['createMdxRenderer']>[1]);
    renderer = { options, process: (c, i, f) => made.process(c, i, f) };
  }
  return renderer.process(content, id, frontmatter);
});
