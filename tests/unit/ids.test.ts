/** src/lib/ids.ts: the ids the page gives its own headings, and reserves so a story cannot take them. */
import { describe, expect, it } from 'vitest';
import { PAGE_IDS, pageOwnerOf, PART_IDS, partId, SOURCE_GROUPS } from '../../src/lib/ids.ts';
import { PART_LABELS } from '../../src/checks/rules.ts';

describe('ids of the page’s own headings', () => {
  it('gives each part of the short version "summary-" and the slug of its label, however its apostrophe is written', () => {
    for (const label of PART_LABELS) expect(partId(label)).toBe(PART_IDS[label]);
    expect(partId("What we don't know")).toBe('summary-what-we-dont-know');
    expect(PART_IDS['Why it matters']).toBe('summary-why-it-matters');
  });

  it('reserves the sources’ group headings and the short version’s parts, not the words a section may use', () => {
    for (const g of Object.values(SOURCE_GROUPS)) expect(pageOwnerOf(g.slug)).toBe('the page itself');
    for (const id of Object.values(PART_IDS)) expect(pageOwnerOf(id)).toBe('the page itself');
    // A "## What happened" or "## What we don’t know" section keeps its plain id.
    expect(PAGE_IDS.has('what-happened')).toBe(false);
    expect(PAGE_IDS.has('what-we-dont-know')).toBe(false);
    // Group ids are not source anchors ("source-…"), which a source's own id makes.
    expect(Object.values(SOURCE_GROUPS).every((g) => !g.slug.startsWith('source-'))).toBe(true);
  });
});
