import { describe, expect, it } from 'vitest';
import { checkFrontmatter } from '../../src/integrations/validate-stories.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { validStory } from '../helpers/story.ts';

const FILE = 'content/stories/test.mdx';
type S = ReturnType<typeof validStory>;
const problemsOf = (mutate: (s: S) => void) => {
  const s = validStory();
  mutate(s);
  return checkFrontmatter(s, FILE).map(formatProblem);
};

describe('story frontmatter', () => {
  it('accepts a valid story', () => {
    expect(checkFrontmatter(validStory(), FILE)).toEqual([]);
  });

  it.each([
    ['an unknown source id in the timeline', (s: S) => (s.timeline[1]!.sources = ['nope']), 'timeline[1].sources[0]: "nope" is not a source of this story'],
    ['an unknown source id in key figures', (s: S) => (s.figures[0]!.sources = ['nope']), 'figures[0].sources[0]: "nope" is not a source of this story'],
    ['duplicate source ids', (s: S) => (s.sources[1]!.id = 'one'), 'sources[1].id: "one" is used by two sources'],
    ['duplicate timeline ids', (s: S) => (s.timeline[2]!.id = '2025-deal'), 'timeline[2].id: "2025-deal" is used by two timeline entries'],
    ['a javascript: URL', (s: S) => (s.sources[0]!.url = 'javascript:alert(1)'), 'sources[0].url: "javascript:alert(1)" is not an https:// web address'],
    ['a data: URL', (s: S) => (s.sources[0]!.url = 'data:text/html,hi'), 'sources[0].url: "data:text/html,hi" is not an https:// web address'],
    ['an http: URL', (s: S) => (s.sources[0]!.url = 'http://example.com/a'), 'sources[0].url: "http://example.com/a" is not an https:// web address'],
    ['February 30', (s: S) => (s.sources[0]!.published = '2026-02-30'), 'sources[0].published: "2026-02-30" is not a real calendar date'],
    ['month 13', (s: S) => (s.published = '2026-13-01'), 'published: "2026-13-01" is not a real calendar date'],
    ['a day where the precision is a month', (s: S) => (s.timeline[1]!.date = '2026-02-27'), 'timeline[1].date: "2026-02-27" gives a day but precision is "month"'],
    ['a date after the build date', (s: S) => (s.sources[1]!.published = '2999-01-01'), 'sources[1].published: "2999-01-01" is after today'],
    ['a timeline out of order', (s: S) => (s.timeline[2]!.date = '2026-01-13'), 'timeline[2].date: "2026-01-13" comes before the previous entry (2026-02)'],
    ['a missing title', (s: S) => delete (s as Partial<S>).title, 'title: is missing'],
    ['a missing publisher', (s: S) => delete (s.sources[0] as Partial<S['sources'][0]>).publisher, 'sources[0].publisher: is missing'],
    ['an empty dek', (s: S) => (s.dek = '  '), 'dek: "" is empty'],
    ['updated before published', (s: S) => (s.updated = '2026-04-01'), 'updated: "2026-04-01" is before published (2026-04-14)'],
  ])('refuses %s, naming the file, field and value', (_name, mutate, expected) => {
    const lines = problemsOf(mutate);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).toContain(`${FILE} · ${expected}`);
    for (const line of lines) expect(line).toMatch(/\. Fix: \S/);
  });

  it('reports every problem in a file at once, one line each', () => {
    const lines = problemsOf((s) => {
      s.sources[0]!.url = 'http://a.example/';
      s.published = '2026-02-30';
      s.figures[0]!.sources = ['zzz'];
    });
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toContain('\n');
  });
});
