/** src/lib/stories.ts: the order of stories on the home page and the feed, and the page's contents list; related explainers (src/lib/topics.ts). */
import { describe, expect, it } from 'vitest';
import { pageSections, sortStories, storyPath } from '../../src/lib/stories.ts';
import { relatedStories } from '../../src/lib/topics.ts';

const story = (id: string, published: string, updated?: string, title = id) => ({ id, data: { title, dek: 'd', published, updated } });

describe('sortStories', () => {
  it('puts the most recently updated story first, then by publication date', () => {
    const sorted = sortStories([story('old', '2025-01-01'), story('fresh', '2025-06-01', '2026-04-13'), story('mid', '2026-02-27')]);
    expect(sorted.map((s) => s.id)).toEqual(['fresh', 'mid', 'old']);
  });

  it('breaks a tie of dates by title, A to Z, and leaves its input alone', () => {
    const input = [story('b', '2026-01-01', undefined, 'Beta'), story('a', '2026-01-01', undefined, 'Alpha')];
    expect(sortStories(input).map((s) => s.id)).toEqual(['a', 'b']);
    expect(input.map((s) => s.id)).toEqual(['b', 'a']);
  });
});

describe('storyPath and pageSections', () => {
  it('gives a story its address from its id', () => {
    expect(storyPath('openai-shifts-partners')).toBe('/openai-shifts-partners/');
  });

  it('lists the body’s ## sections, then the page’s own, leaving out ### and footnotes', () => {
    const headings = [
      { depth: 2, slug: 'the-memo', text: 'The memo' },
      { depth: 3, slug: 'detail', text: 'Detail' },
      { depth: 2, slug: 'footnote-label', text: 'Footnotes' },
      { depth: 2, slug: 'the-deal', text: 'The deal' },
    ];
    expect(pageSections(headings, [{ slug: 'sources', text: 'Sources' }]).map((s) => s.slug)).toEqual(['the-memo', 'the-deal', 'sources']);
  });
});

describe('latestChange and lastChanged', () => {
  const change = (id: string, date: string, kind: 'update' | 'correction' = 'update') => ({ id, date, kind, text: 't' });
  it('names the latest update or correction, the last listed on its date', async () => {
    const { latestChange } = await import('../../src/lib/stories.ts');
    expect(latestChange([])).toBeUndefined();
    expect(latestChange([change('a', '2026-01-01'), change('b', '2026-03-01', 'correction'), change('c', '2026-02-01')])?.id).toBe('b');
    expect(latestChange([change('a', '2026-03-01'), change('b', '2026-03-01', 'correction')])?.id).toBe('b');
  });

  it('dates a story by its latest change, so the feed and the home page move with corrections', async () => {
    const { lastChanged } = await import('../../src/lib/stories.ts');
    expect(lastChanged({ published: '2026-01-01' })).toBe('2026-01-01');
    expect(lastChanged({ published: '2026-01-01', updated: '2026-02-01' })).toBe('2026-02-01');
    expect(lastChanged({ published: '2026-01-01', updated: '2026-02-01', changes: [change('x', '2026-02-10')] })).toBe('2026-02-10');
  });
});

describe('relatedStories', () => {
  const s = (id: string, ...topics: string[]) => ({ id, topics });
  // Newest first, as frontStories() gives them.
  const all = [s('e', 'cloud'), s('d', 'chips'), s('c', 'cloud', 'ai'), s('me', 'cloud', 'ai'), s('b', 'ai'), s('a', 'cloud')];

  it('lists up to three other stories that share a topic, newest first, never the story itself', () => {
    expect(relatedStories(s('me', 'cloud', 'ai'), all).map((r) => r.id)).toEqual(['e', 'c', 'b']);
  });

  it('lists none for a story that shares no topic', () => {
    expect(relatedStories(s('x', 'energy'), all)).toEqual([]);
  });
});
