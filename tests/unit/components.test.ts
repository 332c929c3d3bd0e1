import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import FormattedDate from '../../src/components/FormattedDate.astro';
import ChangeList from '../../src/components/ChangeList.astro';
import SourceList from '../../src/components/SourceList.astro';
import StoryHeader from '../../src/components/StoryHeader.astro';
import TermList from '../../src/components/TermList.astro';
import Timeline from '../../src/components/Timeline.astro';
import { numberCitations } from '../../src/lib/citations.ts';
import { printableUrl } from '../../src/lib/print-url.ts';
import Cite from '../../src/user-components/Cite.astro';
import { validStory } from '../helpers/story.ts';

const story = validStory();
/** Dev-mode rendering adds data-astro-source-* attributes; a reader never sees them. */
const render = async (component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>) => {
  const c = await AstroContainer.create();
  return (await c.renderToString(component, { props })).replace(/ data-astro-source-(file|loc)="[^"]*"/g, '');
};
const sources = new Map(story.sources.map((s) => [s.id, s]));

describe('components rendered with the Container API', () => {
  it('Cite renders a numbered link per source, brackets as text, with an accessible name', async () => {
    const html = await render(Cite, {
      refs: [{ n: 2, anchor: 'cite-2a', href: '#source-two', label: 'Source 2: Pub Two, “Second source”' }],
    });
    expect(html).toContain('<a href="#source-two" id="cite-2a" aria-label="Source 2: Pub Two, “Second source”">[2]</a>');
  });

  it('Cite refuses to render ids the plugin never numbered', async () => {
    await expect(render(Cite, { ids: 'one' })).rejects.toThrow('was not processed');
  });

  it('FormattedDate gives a machine-readable datetime at the right precision', async () => {
    expect(await render(FormattedDate, { date: '2026-03' })).toBe('<time datetime="2026-03">March 2026</time>');
  });

  it('Timeline lists entries in order, each date linking to its entry, with citations', async () => {
    const cites = numberCitations({ timeline: story.timeline.map((e) => e.sources) });
    const html = await render(Timeline, { entries: story.timeline, marks: cites.groups.timeline, sources });
    const ids = [...html.matchAll(/<li id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['2025-deal', '2026-02-event', '2026-04-13-event']);
    expect(html).toContain('<a class="anchor-link timeline-date" href="#2026-02-event" data-copy="timeline entry: A month event"><time datetime="2026-02">February 2026</time></a>');
    expect(html).toContain('href="#source-one" id="cite-2a"');
  });

  it('SourceList numbers sources by first citation and says where each is cited, by section', async () => {
    const cites = numberCitations({ body: [['two'], ['one', 'two'], ['two']], timeline: [['two']] });
    const sectionOf = new Map([
      ['cite-1a', 'The short version'],
      ['cite-1b', 'The memo'],
      ['cite-2a', 'The memo'],
      ['cite-1c', 'The memo'],
      ['cite-1d', 'Timeline'],
    ]);
    const html = await render(SourceList, { sources, citations: cites, sectionOf });
    expect(html.indexOf('id="source-two"')).toBeLessThan(html.indexOf('id="source-one"'));
    // Each section once, linked to the source's first citation there; words separated by commas and spaces for text browsers.
    expect(html).toMatch(/Cited in:<\/span> <a href="#cite-1a" aria-label="Back to the citation in The short version">The short version<\/a>, <a href="#cite-1b" [^>]*>The memo<\/a>, <a href="#cite-1d" [^>]*>Timeline<\/a>\./);
    expect(html).not.toContain('href="#cite-1c"');
    expect(html).toContain('<a class="source-title" href="https://example.com/one" rel="noopener">First source</a>');
    // The source's link to itself is its number, at the entry's start: a link with no words of its own (CSS draws "2."), named
    // "Source 2"; the list's own number (value) is what a reader without CSS sees. Nothing after the entry reads "Source 2".
    expect(html).toContain(`<li id="source-one" class="source" value="2"><p class="source-line" data-url="${printableUrl('https://example.com/one')}"><a class="anchor-link source-number" href="#source-one" data-copy="source 2: Pub One" aria-label="Source 2" data-n="2"></a><span class="source-publisher">`);
    expect(html.replace(/<[^>]+>/g, ' ')).not.toMatch(/Source \d/);
    expect(html).toMatch(/Timeline<\/a>\.\s*<span class="source-tools link-tools" data-copy-slot><\/span>/);
  });

  const header = { title: 'T', dek: 'D', published: '2026-04-14', updated: '2026-04-20', period: 'March 2026 to April 13, 2026', readingMinutes: 3, topics: [] };
  it('StoryHeader shows the covered period apart from the dates, and names the latest change beside the updated date', async () => {
    const html = await render(StoryHeader, { ...header, latest: { id: '2026-04-20-new', date: '2026-04-20', kind: 'update', text: 'Added the vote count.' } });
    expect(html).toContain('<strong>Covers</strong> March 2026 to April 13, 2026');
    expect(html).toMatch(/Updated <time datetime="2026-04-20">April 20, 2026<\/time> \(<a href="#change-2026-04-20-new">what changed<\/a>\)/);
    expect(html).not.toContain('correction-notice');
  });

  it('StoryHeader shows a correction at the top until the next update', async () => {
    const html = await render(StoryHeader, { ...header, latest: { id: '2026-04-20-fix', date: '2026-04-20', kind: 'correction', text: 'The strike lasted nine days, not ten.' } });
    expect(html).toMatch(/class="correction-notice" role="note"><strong>Correction, <time datetime="2026-04-20">April 20, 2026<\/time>:<\/strong> The strike lasted nine days, not ten\./);
  });

  it('TermList defines each term, or says the sources do not, with its citation', async () => {
    const terms = [
      { id: 'berth', term: 'Berth', definition: 'A place where a ship ties up.', sources: ['one'] },
      { id: 'lockout', term: 'Lockout', definedBy: 'none' as const, note: 'The union used the word.', sources: ['two'] },
    ];
    const cites = numberCitations({ terms: terms.map((t) => t.sources) });
    const html = await render(TermList, { terms, marks: cites.groups.terms, sources });
    expect(html).toContain('<div id="term-berth" class="term-entry"><dt>Berth</dt>');
    expect(html).toContain('A place where a ship ties up.');
    expect(html).toContain('<span class="undefined-term">The sources name it but do not define it.</span> The union used the word.');
    expect(html).toContain('href="#source-two"');
  });

  it('ChangeList lists changes newest first, each with its anchor and kind', async () => {
    const html = await render(ChangeList, { changes: [
      { id: 'a', date: '2026-04-15', kind: 'update', text: 'First.' },
      { id: 'b', date: '2026-04-16', kind: 'correction', text: 'Second.' },
    ] });
    expect(html.indexOf('id="change-b"')).toBeLessThan(html.indexOf('id="change-a"'));
    expect(html).toContain('<strong>Correction:</strong> Second.');
  });
});
