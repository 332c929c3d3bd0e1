import { describe, expect, it } from 'vitest';
import { lineOfPath, parseFieldPath } from '../../src/lib/yaml-lines.ts';

// As in a story file: this text starts on line 2, after the opening ---.
const YAML = `title: Port strike ends
dek: "Dockworkers: back at work"
sources:
  - id: port-statement
    publisher: Port Authority
    quotes:
      - the strike is over
      - all terminals

  # a comment between entries
  - id: union-release
    url: http://union.example.org/vote
timeline:
- id: 2026-02-vote
  date: "2026-02"
  sources: [union-release, port-statement]
figures:
  - label: Length
    value: |
      nine
      days
    sources:
      - port
`;
const at = (field: string) => lineOfPath(YAML, parseFieldPath(field)!, 2);

describe('the line of a frontmatter field', () => {
  it.each([
    ['title', 2],
    ['dek', 3],
    ['sources', 4],
    ['sources[0]', 5],
    ['sources[0].id', 5],
    ['sources[0].publisher', 6],
    ['sources[0].quotes[1]', 9],
    ['sources[1].url', 13],
    ['timeline[0].date', 16],
    ['figures[0].sources[0]', 24],
  ])('finds %s on line %i', (field, line) => {
    expect(at(field)).toBe(line);
  });

  it('points a reference in a [list] at the line of the list', () => {
    expect(at('timeline[0].sources[1]')).toBe(17);
  });

  it('points a missing field at its entry, and a missing top-level field nowhere', () => {
    expect(at('sources[1].publisher')).toBe(12);
    expect(at('updated')).toBeUndefined();
  });

  it('does not take a word inside a value for a field', () => {
    expect(at('figures[0].days')).toBe(19);
  });

  it('reads field paths as the messages write them', () => {
    expect(parseFieldPath('sources[2].quotes[0]')).toEqual(['sources', 2, 'quotes', 0]);
    expect(parseFieldPath('body paragraph')).toBeNull();
    expect(parseFieldPath('heading id')).toBeNull();
  });
});
