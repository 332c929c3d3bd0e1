/**
 * A copy of the site's code as its own Astro root, for builds that must not
 * touch this checkout: the benchmark, the budget test at scale, the atomic-build
 * test's failing page, the mutation run. Packages are linked one by one, so
 * Vite's and Astro's caches (node_modules/.vite, .astro) stay in the copy.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/** What a build needs from the project (the stories are given with STORIES_DIR, or copied with `withContent`). */
const SITE_FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts', 'content/topics'];

export function copySite(root: string, opts: { project?: string; withContent?: boolean } = {}): string {
  const project = opts.project ?? process.cwd();
  mkdirSync(root, { recursive: true });
  for (const name of [...SITE_FILES, ...(opts.withContent ? ['content/stories'] : [])]) {
    if (existsSync(path.join(project, name))) cpSync(path.join(project, name), path.join(root, name), { recursive: true });
  }
  mkdirSync(path.join(root, 'node_modules'), { recursive: true });
  for (const name of readdirSync(path.join(project, 'node_modules'))) {
    if (!['.vite', '.astro', '.cache'].includes(name) && !existsSync(path.join(root, 'node_modules', name))) {
      symlinkSync(path.join(project, 'node_modules', name), path.join(root, 'node_modules', name));
    }
  }
  return root;
}
