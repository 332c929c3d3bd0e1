/**
 * A hash of the code that turns a story into pages: every file under src/, the Astro config
 * and the package manifest and lock file. The build's caches of per-story work (the content
 * check, src/integrations/story-checks.ts; the compiled MDX, src/integrations/mdx-cache.ts)
 * key their entries with it, so any change to the code, a rule or a library starts them afresh:
 * a cached result is always one this exact code would give.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const versions = new Map<string, string>();

export function codeVersion(root = process.cwd()): string {
  const known = versions.get(root);
  if (known) return known;
  const hash = createHash('sha256');
  const add = (file: string) => {
    hash.update(`${path.relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        // Generated into src/ by the build itself (the subset fonts): not code.
        if (full !== path.join(root, 'src', 'styles', 'fonts')) walk(full);
      } else add(full);
    }
  };
  walk(path.join(root, 'src'));
  for (const f of ['astro.config.mjs', 'package.json', 'package-lock.json']) if (existsSync(path.join(root, f))) add(path.join(root, f));
  const version = hash.digest('hex');
  versions.set(root, version);
  return version;
}
