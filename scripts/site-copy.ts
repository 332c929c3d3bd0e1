/** A copy of the site's code as its own Astro root; packages linked one by one, so Vite's and Astro's caches stay in the copy. */
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

const SITE_FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts', 'tools', 'content/topics'];

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
