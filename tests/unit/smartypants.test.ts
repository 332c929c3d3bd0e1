/** SmartyPants only when needed gives exactly what SmartyPants always gives. */
import { compile } from '@mdx-js/mdx';
import remarkSmartypants from 'remark-smartypants';
import { describe, expect, it } from 'vitest';
import remarkSmartypantsWhenNeeded, { CHANGEABLE } from '../../src/integrations/remark-smartypants-when-needed.ts';

const out = async (mdx: string, plugin: typeof remarkSmartypantsWhenNeeded | typeof remarkSmartypants) =>
  String(await compile(mdx, { remarkPlugins: [plugin as typeof remarkSmartypantsWhenNeeded] }));

describe('remarkSmartypantsWhenNeeded', () => {
  it.each([
    'He said "yes" -- then left... It\'s `code "x"` and **"bold"** [a "link"](https://example.com).',
    'Spaced dots . . . and ``old quotes\'\' and a dash —- here.',
    '## A "quoted" heading\n\n- an item\'s text <Cite ids="a" />\n\n<Analysis>\n\nShe said "no".\n\n</Analysis>',
    'Already “typographic” — it’s fine… <Cite ids="a" />',
    'Plain words, nothing to change.',
  ])('matches remark-smartypants on %j', async (mdx) => {
    expect(await out(mdx, remarkSmartypantsWhenNeeded)).toBe(await out(mdx, remarkSmartypants));
  });

  it('still converts straight punctuation', async () => {
    const js = await out('He said "yes" -- then left...', remarkSmartypantsWhenNeeded);
    expect(js).toContain('He said “yes” — then left…');
  });

  it('skips text that is already typographic', () => {
    expect(CHANGEABLE.test('Already “typographic” — it’s fine… 2025-01-02, a-b, 3.5 and e.g. this.')).toBe(false);
    for (const s of ['"', "'", '`', '--', '—-', '–-', '...', '. . .']) expect(CHANGEABLE.test(`a ${s} b`)).toBe(true);
  });
});
