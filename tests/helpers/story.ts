/** A small valid story, as plain data, for tests to break one field at a time. */
export function validStory() {
  return {
    title: 'A test story',
    dek: 'One sentence about it.',
    published: '2026-04-14',
    updated: '2026-04-15',
    topics: ['cloud-computing'],
    sources: [
      { id: 'one', kind: 'report', publisher: 'Pub One', title: 'First source', url: 'https://example.com/one', published: '2026-04-13' },
      { id: 'two', kind: 'primary', publisher: 'Pub Two', title: 'Second source', url: 'https://example.com/two', published: '2026-02-27' },
    ],
    timeline: [
      { id: '2025-deal', date: '2025', precision: 'year', title: 'A year event', text: 'It happened.', sources: ['two'] },
      { id: '2026-02-event', date: '2026-02', precision: 'month', title: 'A month event', text: 'It happened.', sources: ['two'] },
      { id: '2026-04-13-event', date: '2026-04-13', precision: 'day', title: 'A day event', text: 'It happened.', sources: ['one'] },
    ],
    figures: [{ label: 'Money', value: '$1', sources: ['one'] }],
  };
}

/** The short version every story opens with: 26 lines before the first ordinary section. */
export const SHORT_VERSION = `## The short version

<Part label="What happened">

A cited fact. <Cite ids="one" />

</Part>

<Part label="Why it matters" analysis>

Our reading of it.

</Part>

<Part label="The other side">

Their view. <Cite ids="two" />

</Part>

<Part label="What to watch" analysis>

What comes next.

</Part>

`;

export const validBody = `
${SHORT_VERSION}## First section

A cited paragraph. <Cite ids="one" />

- A cited item. <Cite ids="two one" />
`;
