/**
 * `npm run new -- "Headline"` (scripts/new-story.ts): the file named from the headline, dated
 * today, with the short version's four parts, passing the real `check:content` as created, and
 * never overwriting a story. Each run writes into its own temporary STORIES_DIR.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { slugFromHeadline, STORY_BODY, storyFile } from '../../tools/story-scaffold.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'new-story-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let dirs = 0;
const freshDir = () => path.join(tmp, `stories-${++dirs}`);

/** The short version's parts, in order, as <Part label="…"> blocks. */
const PARTS = ['What happened', 'Why it matters', 'The other side', 'What to watch'];
function partsOf(firstSection: string): string[] {
  return [...firstSection.matchAll(/<Part label="([^"]+)"/g)].map((m) => m[1]!);
}
function firstSection(file: string): string {
  const body = file.split(/^---$/m).slice(2).join('---');
  const sections = body.split(/^## /m).slice(1);
  return sections[0] ?? '';
}
const today = () => new Date().toISOString().slice(0, 10);

function run(command: string, args: string[], storiesDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, STORIES_DIR: storiesDir, FORCE_COLOR: '0', NO_COLOR: '1' };
  const r = spawnSync(command, args, { encoding: 'utf8', env });
  return { status: r.status, out: r.stdout, err: r.stderr };
}
const newStory = (dir: string, ...args: string[]) => run(process.execPath, ['scripts/new-story.ts', ...args], dir);
const checkContent = (dir: string) => run(process.execPath, ['scripts/check-content.ts'], dir);

describe('slugFromHeadline', () => {
  it('makes a lowercase, hyphenated file name', () => {
    expect(slugFromHeadline('OpenAI shifts partners')).toBe('openai-shifts-partners');
    expect(slugFromHeadline('Port strike: day two of the “big” walkout')).toBe('port-strike-day-two-of-the-big-walkout');
    expect(slugFromHeadline('The port’s strike ends, 9 days on')).toBe('the-ports-strike-ends-9-days-on');
    expect(slugFromHeadline('Zürich & São Paulo sign a pact')).toBe('zurich-and-sao-paulo-sign-a-pact');
    expect(slugFromHeadline('  --Spaces -- and dashes--  ')).toBe('spaces-and-dashes');
  });

  it('cuts a long headline at a word, and gives nothing without Latin letters or digits', () => {
    const slug = slugFromHeadline('A very long headline that goes on and on about the negotiations between the port and the union');
    expect(slug).toBe('a-very-long-headline-that-goes-on-and-on-about-the');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slugFromHeadline('罢工结束')).toBe('');
  });
});

describe('the story template', () => {
  it('is the frontmatter, with the headline and the date, then STORY_BODY', () => {
    const text = storyFile({ title: 'Strike: day two', date: '2026-04-14' });
    expect(text.endsWith(STORY_BODY)).toBe(true);
    expect(text).toMatch(/^title: "Strike: day two"$/m);
    expect(text).toMatch(/^published: "2026-04-14"$/m);
    expect(partsOf(firstSection(text))).toEqual(PARTS);
  });
});

describe('npm run new', () => {
  it('writes <slug>.mdx dated today, with a source, a timeline entry, a figure and the four parts, and says what next', () => {
    const dir = freshDir();
    const r = newStory(dir, 'Port strike ends after nine days');
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(dir)).toEqual(['port-strike-ends-after-nine-days.mdx']);
    const file = path.join(dir, 'port-strike-ends-after-nine-days.mdx');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^title: Port strike ends after nine days$/m);
    expect(text).toMatch(new RegExp(`^published: "${today()}"$`, 'm'));
    expect(text).toMatch(/^sources:\n(?:\s+#.*\n)?\s+- id: first-source$/m);
    expect(text).toMatch(new RegExp(`^timeline:\\n(?:\\s+#.*\\n)?\\s+- id: ${today()}-what-happened\\n\\s+date: "${today()}"$`, 'm'));
    expect(text).toMatch(/^figures:\n\s+- label: /m);
    expect(text).toContain('docs/writing.md, "Adding a story"');
    expect(text).toContain('docs/writing.md, "Checking a story"');
    expect(partsOf(firstSection(text))).toEqual(PARTS);

    const shown = path.relative(process.cwd(), file);
    expect(r.out).toContain(`Created ${shown}, dated ${today()}: the page /port-strike-ends-after-nine-days/.`);
    expect(r.out).toContain(`npm run check:content -- ${shown}`);
  });

  it('a new story is a draft, and passes the real check:content as created', () => {
    const dir = freshDir();
    expect(newStory(dir, 'Strike: day “two” at the port’s terminals').status).toBe(0);
    expect(readFileSync(path.join(dir, readdirSync(dir)[0]!), 'utf8')).toMatch(/^draft: true$/m);
    const r = checkContent(dir);
    expect(r.out).toMatch(/^Checked 1 story in [\d.]+s: no problems\.\n$/);
    expect(r.status).toBe(0);
  });

  it('a story that is no longer a draft is refused while it keeps a placeholder, each one named by its line', () => {
    const dir = freshDir();
    expect(newStory(dir, 'Port strike ends').status).toBe(0);
    const file = path.join(dir, 'port-strike-ends.mdx');
    const text = readFileSync(file, 'utf8').replace(/^draft: true\n/m, '');
    writeFileSync(file, text);
    const placeholders = text.split('\n').flatMap((line, i) => (/replace[ -]with/i.test(line) && !/^\s*#/.test(line) ? [i + 1] : []));
    expect(placeholders.length).toBeGreaterThan(10);
    const r = checkContent(dir);
    expect(r.status).toBe(1);
    const reported = [...r.out.matchAll(/^\S+port-strike-ends\.mdx:(\d+) · placeholder: .+ is the new-story template’s text/gm)].map((m) => Number(m[1]));
    expect(reported).toEqual(placeholders);
  });

  it('refuses to overwrite a story, and leaves it as it was', () => {
    const dir = freshDir();
    expect(newStory(dir, 'Port strike ends').status).toBe(0);
    const file = path.join(dir, 'port-strike-ends.mdx');
    writeFileSync(file, 'edited by an editor\n');
    const r = newStory(dir, 'Port strike ends');
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${path.relative(process.cwd(), file)} already exists: nothing was written.`);
    expect(readFileSync(file, 'utf8')).toBe('edited by an editor\n');
  });

  it('takes a file name with --slug, and refuses a missing headline or a bad name', () => {
    const dir = freshDir();
    expect(newStory(dir, '罢工结束', '--slug', 'port-strike-cn').status).toBe(0);
    expect(existsSync(path.join(dir, 'port-strike-cn.mdx'))).toBe(true);

    const none = newStory(dir);
    expect(none.status).toBe(1);
    expect(none.err).toContain('Usage: npm run new -- "Headline of the story"');
    const noLatin = newStory(dir, '罢工结束');
    expect(noLatin.status).toBe(1);
    expect(noLatin.err).toContain('choose one with --slug');
    const bad = newStory(dir, 'Port strike', '--slug', 'Port Strike');
    expect(bad.status).toBe(1);
    expect(bad.err).toContain('cannot be the page\'s address');
    expect(readdirSync(dir)).toEqual(['port-strike-cn.mdx']);
  });

  it('runs as npm run new -- "Headline"', () => {
    const dir = freshDir();
    const r = run('npm', ['run', '--silent', 'new', '--', 'Port strike ends'], dir);
    expect(r.status).toBe(0);
    expect(r.out).toContain('port-strike-ends.mdx');
    expect(existsSync(path.join(dir, 'port-strike-ends.mdx'))).toBe(true);
  });
});
