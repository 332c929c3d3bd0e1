/** Before Astro loads the collection, so an unquoted 2026-02-30 (Astro's YAML rolls it over) is caught; passes are cached, not problems. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkStory, listStoryFiles } from '../checks/check-story.ts';
import type { Problem } from '../lib/problems.ts';
import { knownTopics, topicsDir } from '../lib/topics.ts';

/** Every file under src/ but the fonts the build writes there, the config and the package files. */
export function codeVersion(root = process.cwd()): string {
  const hash = createHash('sha256');
  const src = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.startsWith(path.join('styles', 'fonts')))
    .sort()
    .map((f) => path.join('src', f));
  // The topic files too: a story's verdict depends on the ids they give.
  const topics = knownTopics().map((t) => path.join(topicsDir(), `${t}.yaml`));
  for (const f of [...src, ...topics, 'astro.config.mjs', 'package.json', 'package-lock.json']) {
    const file = path.resolve(root, f);
    try {
      hash.update(`${f}\0`).update(readFileSync(file)).update('\0');
    } catch {} // A folder, or a file that is not there.
  }
  return hash.digest('hex');
}

export async function checkStoriesCached(dir: string, files = listStoryFiles()): Promise<{ problems: Problem[]; checked: number; cached: number }> {
  const version = codeVersion();
  const marker = (file: string) => path.join(dir, createHash('sha256').update(`${version}\0${path.resolve(file)}\0`).update(readFileSync(file)).digest('hex'));
  const todo = files.map((file) => ({ file, marker: marker(file) })).filter((f) => !existsSync(f.marker));
  const problems: Problem[] = [];
  mkdirSync(dir, { recursive: true });
  for (const { file, marker: m } of todo) {
    const found = await checkStory(file);
    problems.push(...found);
    // A story edited while the check ran is checked again next time.
    if (!found.length && marker(file) === m) writeFileSync(m, '');
  }
  return { problems, checked: todo.length, cached: files.length - todo.length };
}
