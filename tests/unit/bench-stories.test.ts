/** The benchmark's synthetic stories stay valid and the size issue 8 asks for. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { syntheticStory, writeStories, writeTopics } from '../../scripts/bench-stories.ts';
import { checkStories, listStoryFiles } from '../../src/checks/check-story.ts';
import { parseStory } from '../../src/checks/story-file.ts';
import { countWords } from '../../src/lib/reading.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-stories-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthetic benchmark stories', () => {
  it('pass every check the build runs (schema and content lint)', async () => {
    writeStories(dir, 4);
    writeTopics(path.join(dir, 'topics'));
    vi.stubEnv('TOPICS_DIR', path.join(dir, 'topics'));
    expect(await checkStories(listStoryFiles(dir))).toEqual([]);
  });

  it.each([0, 1, 999])('story %i has about 1,500 words, 6 sections, 8 sources, 8 timeline entries, citations throughout', (i) => {
    const { mdx } = syntheticStory(i);
    const { story } = parseStory(mdx, 'x.mdx');
    const fm = story!.frontmatter as { sources: unknown[]; timeline: unknown[]; figures: unknown[] };
    expect(fm.sources).toHaveLength(8);
    expect(fm.timeline).toHaveLength(8);
    expect(fm.figures).toHaveLength(4);
    expect(story!.body.match(/^## /gm)).toHaveLength(6);
    const words = countWords(story!.body.replace(/<[^>]+>/g, ' ').replace(/[#*_-]/g, ' '));
    expect(words).toBeGreaterThan(1350);
    expect(words).toBeLessThan(1650);
    expect(story!.body.match(/<Cite /g)!.length).toBeGreaterThan(35);
  });

  it('is the same on every run', () => {
    expect(syntheticStory(7)).toEqual(syntheticStory(7));
  });

  it('has a floor variant with the same text, citations numbered in advance and no <Anchor>', () => {
    const { mdx, floorMdx } = syntheticStory(3);
    expect(floorMdx).not.toContain('<Anchor');
    expect(floorMdx).not.toContain('<Cite ids=');
    const refs = [...floorMdx.matchAll(/<Cite refs=\{(.+?)\} \/>/g)].map((m) => JSON.parse(m[1]!) as { n: number; anchor: string }[]);
    expect(refs).toHaveLength(mdx.match(/<Cite /g)!.length);
    expect(refs[0]![0]).toMatchObject({ n: 1, anchor: 'cite-1a' });
    const text = (s: string) => s.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text(floorMdx)).toBe(text(mdx));
  });
});
