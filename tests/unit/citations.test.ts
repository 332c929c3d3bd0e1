import { describe, expect, it } from 'vitest';
import { backlinkLabel, citationLabel, numberCitations, parseIds, storySites } from '../../src/lib/citations.ts';

describe('numberCitations', () => {
  it('numbers sources in order of first appearance', () => {
    const c = numberCitations([{ ids: ['b'] }, { ids: ['a', 'b'] }, { ids: ['c'] }]);
    expect(c.order).toEqual(['b', 'a', 'c']);
    expect(c.numbers.get('b')).toBe(1);
    expect(c.numbers.get('a')).toBe(2);
    expect(c.numbers.get('c')).toBe(3);
  });

  it('gives every citation its own anchor and lists them as backlinks of the source', () => {
    const c = numberCitations([{ ids: ['b'] }, { ids: ['a', 'b'] }, { ids: ['b'] }]);
    expect(c.sites.map((s) => s.map((m) => m.anchor))).toEqual([['cite-1a'], ['cite-2a', 'cite-1b'], ['cite-1c']]);
    expect(c.backlinks.get('b')!.map((m) => m.anchor)).toEqual(['cite-1a', 'cite-1b', 'cite-1c']);
    expect(c.backlinks.get('a')!.map((m) => m.anchor)).toEqual(['cite-2a']);
  });

  it('keeps anchors unique past the 26th citation of one source', () => {
    const c = numberCitations(Array.from({ length: 30 }, () => ({ ids: ['x'] })));
    const anchors = c.backlinks.get('x')!.map((m) => m.anchor);
    expect(new Set(anchors).size).toBe(30);
    expect(anchors[25]).toBe('cite-1z');
    expect(anchors[26]).toBe('cite-1-27');
  });

  it('counts the body first, then the timeline, then the figures', () => {
    const sites = storySites([['a']], [{ sources: ['t'] }], [{ sources: ['f', 'a'] }]);
    expect(numberCitations(sites).order).toEqual(['a', 't', 'f']);
  });
});

describe('labels', () => {
  it('names the source a marker leads to', () => {
    expect(citationLabel(3, 'CNBC', 'OpenAI touts Amazon alliance')).toBe('Source 3: CNBC, “OpenAI touts Amazon alliance”');
  });
  it('names the citation a backlink returns to', () => {
    expect(backlinkLabel({ n: 3, letter: 'a' })).toBe('Back to citation 3a');
  });
  it('splits ids on spaces and commas', () => {
    expect(parseIds(' cnbc-memo, axios-memo  openai-amazon ')).toEqual(['cnbc-memo', 'axios-memo', 'openai-amazon']);
  });
});
