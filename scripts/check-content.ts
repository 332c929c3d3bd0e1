/** Checks stories without building: node scripts/check-content.ts [file.mdx | folder ...]; exits 1 on any problem. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkStory, listStoryFiles, storiesDir } from '../src/checks/check-story.ts';
import { formatProblem, type Problem } from '../src/lib/problems.ts';

const started = performance.now();
const args = process.argv.slice(2).filter((a) => a !== '--');
const files: string[] = [];
const problems: Problem[] = [];
const withProblems = new Set<string>();

for (const arg of args.length ? args : [storiesDir()]) {
  const abs = path.resolve(arg);
  const shown = path.relative(process.cwd(), abs) || '.';
  if (!existsSync(abs)) {
    withProblems.add(shown);
    problems.push({ file: shown, field: 'path', message: 'does not exist', fix: 'give the path of a story (.mdx) or of a folder of stories' });
  } else if (statSync(abs).isDirectory()) {
    files.push(...listStoryFiles(abs));
  } else if (abs.endsWith('.mdx')) {
    files.push(abs);
  } else {
    withProblems.add(shown);
    problems.push({ file: shown, field: 'path', message: 'is not a story', fix: 'give the path of a story (.mdx) or of a folder of stories' });
  }
}

for (const file of [...new Set(files)]) {
  const found = await checkStory(file);
  if (found.length) withProblems.add(file);
  problems.push(...found);
}

for (const p of problems) console.log(formatProblem(p));

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const stories = files.length === 1 ? '1 story' : `${files.length} stories`;
if (problems.length) {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const inFiles = withProblems.size === 1 ? '1 file' : `${withProblems.size} files`;
  console.log(`\nChecked ${stories} in ${seconds}s: ${count} in ${inFiles}. Nothing with a problem can be published.`);
  process.exitCode = 1;
} else {
  console.log(`Checked ${stories} in ${seconds}s: no problems.`);
}
