/** src/lib/print-url.ts: a URL as paper prints it, so a reader can type what is printed. */
import { describe, expect, it } from 'vitest';
import { printableUrl, unmarkedUrl } from '../../src/lib/print-url.ts';

const AXIOS = 'https://www.axios.com/2026/04/13/openai-microsoft-anthropic-amazon';

describe('printableUrl', () => {
  it('marks a place to break after each slash, and joins each hyphen to what follows it', () => {
    expect(printableUrl(AXIOS)).toBe('https://\u200Bwww.axios.com/\u200B2026/\u200B04/\u200B13/\u200Bopenai-\u2060microsoft-\u2060anthropic-\u2060amazon');
    // Not between the two slashes of https://, and not after a trailing slash.
    expect(printableUrl('https://a.example/b/')).toBe('https://\u200Ba.example/\u200Bb/');
  });

  it('gives the URL back, mark for mark, once the marks are taken out', () => {
    for (const url of [AXIOS, 'https://blogs.microsoft.com/blog/2025/01/21/microsoft-and-openai-evolve-partnership-to-drive-the-next-phase-of-ai/', 'https://x.example/a?b=c-d&e=/f']) {
      expect(unmarkedUrl(printableUrl(url))).toBe(url);
    }
  });
});
