import { describe, expect, it } from 'vitest';
import { frontmatterProblems } from '../../src/checks/check-story.ts';
import { parseStory } from '../../src/checks/story-file.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { validStory } from '../helpers/story.ts';

const FILE = 'content/stories/test.mdx';
type S = ReturnType<typeof validStory>;
const problemsOf = (mutate: (s: S) => void) => {
  const s = validStory();
  mutate(s);
  return frontmatterProblems({ file: FILE, frontmatter: s }).map(formatProblem);
};

describe('story frontmatter', () => {
  it('accepts a valid story', () => {
    expect(frontmatterProblems({ file: FILE, frontmatter: validStory() })).toEqual([]);
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
    ['a timeline id the page already uses', (s: S) => (s.timeline[0]!.id = 'sources'), 'timeline[0].id: "sources" is taken by the page itself'],
    ['a timeline id shaped like a source anchor', (s: S) => (s.timeline[0]!.id = 'source-one'), 'timeline[0].id: "source-one" is taken by source anchors'],
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

describe('story frontmatter, read as an editor reads it', () => {
  it('reports field problems and cross-field problems in the same run', () => {
    const lines = problemsOf((s) => {
      delete (s as Partial<S>).title;
      s.timeline[0]!.sources = ['nope'];
      s.sources[1]!.id = 'one';
    });
    expect(lines).toEqual([
      `${FILE} · title: is missing. Fix: add a "title:" line to the frontmatter and write a title`,
      `${FILE} · sources[1].id: "one" is used by two sources. Fix: give each source its own id`,
      `${FILE} · timeline[0].sources[0]: "nope" is not a source of this story. Fix: use one of: one`,
      `${FILE} · timeline[1].sources[0]: "two" is not a source of this story. Fix: use one of: one`,
    ]);
  });

  it('says what to write where a required field is missing', () => {
    const lines = problemsOf((s) => {
      delete (s.sources[1] as Partial<S['sources'][0]>).publisher;
      delete (s.timeline[0] as Partial<S['timeline'][0]>).precision;
      delete (s as Partial<S>).published;
    });
    expect(lines).toEqual([
      `${FILE} · published: is missing. Fix: add a "published:" line to the frontmatter and write the date in quotes, as "YYYY-MM-DD"`,
      `${FILE} · sources[1].publisher: is missing. Fix: add a "publisher:" line to that source and write the publisher`,
      `${FILE} · timeline[0].precision: is missing. Fix: add a "precision:" line to that timeline entry and write day, month or year`,
    ]);
  });

  it('refuses a misspelled field instead of silently dropping it', () => {
    const lines = problemsOf((s) => {
      (s as Record<string, unknown>).upated = '2026-04-15';
      (s.sources[0] as Record<string, unknown>).quote = ['words'];
    });
    expect(lines).toEqual([
      `${FILE} · sources[0].quote: is not a field of a source. Fix: check its spelling or remove it (a source has: id, kind, publisher, title, url, published, note, quotes)`,
      `${FILE} · upated: is not a field of a story. Fix: check its spelling or remove it (a story has: title, dek, published, updated, topics, sources, timeline, figures, terms, changes, draft, otherSide)`,
    ]);
  });

  it('gives each problem the line of its field when it has the frontmatter text', () => {
    const yaml = 'title: A story\ndek: x\npublished: "2026-04-14"\nsources:\n  - id: one\n    url: http://example.com/one\n';
    const found = frontmatterProblems(parseStory(`---\n${yaml}---\n`, FILE).story!);
    expect(found.map(formatProblem)).toContain(
      `${FILE}:7 · sources[0].url: "http://example.com/one" is not an https:// web address. Fix: use the page's canonical https:// address (http:, javascript: and data: are refused)`,
    );
    expect(found.find((p) => p.field === 'sources[0].publisher')?.line).toBe(6);
  });
});
