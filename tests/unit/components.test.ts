import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import FormattedDate from '../../src/components/FormattedDate.astro';
import SourceList from '../../src/components/SourceList.astro';
import Timeline from '../../src/components/Timeline.astro';
import { numberCitations, storySites } from '../../src/lib/citations.ts';
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
      refs: JSON.stringify([{ n: 2, anchor: 'cite-2a', href: '#source-two', label: 'Source 2: Pub Two, “Second source”' }]),
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
    const cites = numberCitations(storySites([], story.timeline, []));
    const html = await render(Timeline, { entries: story.timeline, marks: cites.sites, sources });
    const ids = [...html.matchAll(/<li id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['2025-deal', '2026-02-event', '2026-04-13-event']);
    expect(html).toContain('<a class="anchor-link timeline-date" href="#2026-02-event" data-copy="timeline entry: A month event"><time datetime="2026-02">February 2026</time></a>');
    expect(html).toContain('href="#source-one" id="cite-2a"');
  });

  it('SourceList numbers sources by first citation and links back to each citation', async () => {
    const cites = numberCitations([{ ids: ['two'] }, { ids: ['one', 'two'] }]);
    const html = await render(SourceList, { sources, citations: cites });
    expect(html.indexOf('id="source-two"')).toBeLessThan(html.indexOf('id="source-one"'));
    expect(html).toContain('href="#cite-1b" aria-label="Back to citation 1b"');
    expect(html).toContain('<a class="source-title" href="https://example.com/one" rel="noopener">First source</a>');
    // The source's link to itself is its number in words; backlinks are separated by spaces, so text browsers do not run them together.
    expect(html).toContain('<a class="anchor-link" href="#source-one" data-copy="source 2: Pub One">Source 2</a>');
    expect(html).toMatch(/>1a<\/a> <a [^>]*>1b<\/a>/);
  });
});
