/** One worker of the MDX compile pool (mdx-cache.ts): compiles the stories it is sent, one at a time, with the build's own processor. */
import { serveTasks } from '../lib/worker-pool.ts';
import { compileMdx, type MdxResult, type MdxTask } from './mdx-cache.ts';

serveTasks<MdxTask, MdxResult>(({ options, content, id, frontmatter }) => compileMdx(options, content, id, frontmatter));
