/** Scaffolds a story: npm run new -- "Headline" [--slug file-name]. Never overwrites a file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { storiesDir } from '../src/checks/check-story.ts';
import { todayIso } from '../src/lib/dates.ts';
import { isStorySlug, slugFromHeadline, storyFile } from '../tools/story-scaffold.ts';

const USAGE = 'Usage: npm run new -- "Headline of the story" [--slug file-name]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2).filter((a) => a !== '--');
const slugAt = args.indexOf('--slug');
const slugArg = slugAt >= 0 ? args[slugAt + 1] : undefined;
if (slugAt >= 0) {
  if (!slugArg) fail(`--slug needs a file name, like --slug port-strike.\n${USAGE}`);
  args.splice(slugAt, 2);
}
const unknown = args.find((a) => a.startsWith('--'));
if (unknown) fail(`${unknown} is not an option.\n${USAGE}`);
const headline = args.join(' ').replace(/\s+/g, ' ').trim();
if (!headline) fail(`Give the story's headline.\n${USAGE}`);

const slug = slugArg ?? slugFromHeadline(headline);
if (!slug) fail(`"${headline}" gives no file name (it has no Latin letters or digits): choose one with --slug, like --slug port-strike.`);
if (!isStorySlug(slug)) fail(`--slug ${slug} cannot be the page's address: use lowercase letters, digits and hyphens, like port-strike.`);

const dir = storiesDir();
const file = path.join(dir, `${slug}.mdx`);
const shown = path.relative(process.cwd(), file);
const date = todayIso();
mkdirSync(dir, { recursive: true });
try {
  writeFileSync(file, storyFile({ title: headline, date }), { flag: 'wx' });
} catch (e) {
  if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  fail(`${shown} already exists: nothing was written. Edit it, or give the new story another file name with --slug.`);
}

console.log(`Created ${shown}, dated ${date}: the page /${slug}/.

Next:
  1. Replace every "Replace with …": the dek, the source, the timeline entry, the figure, the
     short version's four parts and the story (docs/writing.md, "Adding a story").
  2. Check it: npm run check:content -- ${shown}   (docs/writing.md, "Checking a story")
  3. See it: npm run dev, then open /${slug}/ at the address it prints.`);
