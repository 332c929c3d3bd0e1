/** src/lib/reading.ts: the "N min read" stamp. */
import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, WORDS_PER_MINUTE } from '../../src/lib/reading.ts';

describe('countWords', () => {
  it('counts words, numbers and amounts, not punctuation or markup leftovers', () => {
    expect(countWords('Amazon is to invest up to $50 billion — starting with $15 billion.')).toBe(12);
    expect(countWords('OpenAI’s chief revenue officer, Denise Dresser, wrote.')).toBe(7);
    expect(countWords('  \n ')).toBe(0);
  });
});

describe('readingMinutes', () => {
  it('rounds up at the reading speed, and is at least one minute', () => {
    expect(WORDS_PER_MINUTE).toBe(230);
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(230)).toBe(1);
    expect(readingMinutes(231)).toBe(2);
    expect(readingMinutes(1500)).toBe(7);
  });
});
