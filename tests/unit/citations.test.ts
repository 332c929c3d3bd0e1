import { describe, expect, it } from 'vitest';
import { backlinkLabel, citationLabel, citedIn, citedInLabel, footerGroup, numberCitations, parseIds } from '../../src/lib/citations.ts';

describe('numberCitations', () => {
  it('numbers sources in order of first appearance', () => {
    const c = numberCitations({ body: [['b'], ['a', 'b'], ['c']] });
    expect(c.order).toEqual(['b', 'a', 'c']);
    expect(c.numbers.get('b')).toBe(1);
    expect(c.numbers.get('a')).toBe(2);
    expect(c.numbers.get('c')).toBe(3);
  });

  it('gives every citation its own anchor and lists them as backlinks of the source', () => {
    const c = numberCitations({ body: [['b'], ['a', 'b'], ['b']] });
    expect(c.groups.body.map((s) => s.map((m) => m.anchor))).toEqual([['cite-1a'], ['cite-1b', 'cite-2a'], ['cite-1c']]);
    expect(c.backlinks.get('b')!.map((m) => m.anchor)).toEqual(['cite-1a', 'cite-1b', 'cite-1c']);
    expect(c.backlinks.get('a')!.map((m) => m.anchor)).toEqual(['cite-2a']);
  });

  it('lists the marks of one citation in number order, whatever order the ids were written in', () => {
    const c = numberCitations({ body: [['a'], ['b'], ['b', 'a']] });
    expect(c.groups.body[2]!.map((m) => m.n)).toEqual([1, 2]);
  });

  it('keeps anchors unique past the 26th citation of one source', () => {
    const c = numberCitations({ body: Array.from({ length: 30 }, () => ['x']) });
    const anchors = c.backlinks.get('x')!.map((m) => m.anchor);
    expect(new Set(anchors).size).toBe(30);
    expect(anchors[25]).toBe('cite-1z');
    expect(anchors[26]).toBe('cite-1-27');
  });

  it('counts in reading order: the short version, the key figures, the timeline, the rest of the body, the terms; each group by name', () => {
    const c = numberCitations({ figures: [['f', 'a']], timeline: [['t']], body: [['a'], ['b']], terms: [['z']] }, 1);
    expect(c.order).toEqual(['a', 'f', 't', 'b', 'z']);
    expect(c.groups.body.map((s) => s.map((m) => m.anchor))).toEqual([['cite-1a'], ['cite-4a']]);
    expect(c.groups.figures.map((s) => s.map((m) => m.anchor))).toEqual([['cite-1b', 'cite-2a']]);
    expect(c.groups.timeline.map((s) => s.map((m) => m.anchor))).toEqual([['cite-3a']]);
    expect(c.groups.terms.map((s) => s.map((m) => m.anchor))).toEqual([['cite-5a']]);
    // Without the split, the whole body comes first.
    expect(numberCitations({ figures: [['f']], body: [['a'], ['b']] }).order).toEqual(['a', 'b', 'f']);
  });

  it('numbers sources in the order the footer lists them: by group, then by first citation', () => {
    // c is a news report cited first; a and b are company statements; z, in the terms only, a statement too.
    const group = footerGroup([
      { id: 'c', kind: 'report' },
      { id: 'a', kind: 'primary' },
      { id: 'b', kind: 'primary' },
      { id: 'z', kind: 'primary' },
    ]);
    const c = numberCitations({ body: [['c'], ['b', 'c'], ['a']], terms: [['z']] }, 3, group);
    expect(c.order).toEqual(['b', 'a', 'z', 'c']);
    expect([...c.numbers]).toEqual([['b', 1], ['a', 2], ['z', 3], ['c', 4]]);
    // Anchors and marks carry the new numbers; a site's marks still read in number order.
    expect(c.groups.body.map((s) => s.map((m) => m.anchor))).toEqual([['cite-4a'], ['cite-1a', 'cite-4b'], ['cite-2a']]);
    expect(c.groups.terms[0]![0]!.n).toBe(3);
  });

  it('puts company statements first, then news reports, then analysis; an unknown source last', () => {
    const group = footerGroup([{ id: 'r', kind: 'report' }, { id: 'x', kind: 'analysis' }, { id: 'p', kind: 'primary' }]);
    expect(['x', 'r', 'p', 'nope'].map(group)).toEqual([2, 1, 0, 3]);
  });
});

describe('labels', () => {
  it('names the source a marker leads to', () => {
    expect(citationLabel(3, 'CNBC', 'OpenAI touts Amazon alliance')).toBe('Source 3: CNBC, “OpenAI touts Amazon alliance”');
  });
  it('names the citation a backlink returns to', () => {
    expect(backlinkLabel({ n: 3, letter: 'a' })).toBe('Back to citation 3a');
  });
  it('names the section a "Cited in" link returns to, its visible words included', () => {
    expect(citedInLabel('The memo')).toBe('Back to the citation in The memo');
  });
  it('lists where a source is cited by section, each once, with its first citation there, in reading order', () => {
    const marks = [{ anchor: 'cite-1a' }, { anchor: 'cite-1b' }, { anchor: 'cite-1c' }, { anchor: 'cite-1d' }, { anchor: 'cite-1e' }];
    const sectionOf = new Map([['cite-1a', 'The memo'], ['cite-1b', 'The Amazon deal'], ['cite-1c', 'The memo'], ['cite-1d', 'Timeline']]);
    expect(citedIn(marks, sectionOf)).toEqual([
      { section: 'The memo', anchor: 'cite-1a' },
      { section: 'The Amazon deal', anchor: 'cite-1b' },
      { section: 'Timeline', anchor: 'cite-1d' },
    ]);
  });
  it('splits ids on spaces and commas', () => {
    expect(parseIds(' cnbc-memo, axios-memo  openai-amazon ')).toEqual(['cnbc-memo', 'axios-memo', 'openai-amazon']);
  });
});
