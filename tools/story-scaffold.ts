/** What `npm run new -- "Headline"` writes: a story that passes `npm run check:content` as created. */
import { stringify } from 'yaml';
import { ID_PATTERN } from '../src/lib/ids.ts';
import { knownTopics } from '../src/lib/topics.ts';

export const STUB_SOURCE_ID = 'first-source';

export const STORY_BODY = `
## The short version <Anchor id="the-short-version" />

{/* The short version: four labelled parts, one or two sentences each, 150 words in all. It is what
    the printed brief carries (docs/writing.md, "Adding a story"). A part is cited, or marked analysis. */}

<Part label="What happened">

Replace with what happened, in one or two sentences. <Cite ids="first-source" />

</Part>

<Part label="Why it matters" analysis>

Replace with why it matters to readers: the newsroom’s own reading, shown with an Analysis label.

</Part>

<Part label="The other side">

Replace with the stated position of the party the news is about, or that it did not answer. <Cite ids="first-source" />

</Part>

<Part label="What to watch" analysis>

Replace with the questions a reader is left with, or what comes next.

</Part>

## What we know <Anchor id="what-we-know" />

{/* Every paragraph and list item ends with <Cite ids="source-id" />, naming sources from the
    frontmatter; an <Anchor id> keeps a section's link when its title changes (docs/writing.md,
    "Adding a story"). Check the story with: npm run check:content (docs/writing.md, "Checking a story"). */}

Replace with the story, a paragraph at a time. <Cite ids="first-source" />

<Analysis>

Replace with the newsroom’s own reading, which needs no citation and is shown with an Analysis label, or delete this block.

</Analysis>
`;

export function storyFile({ title, date }: { title: string; date: string }): string {
  return `---
# A new story: replace every "Replace with …", then remove "draft: true" to publish it.
# Dates are "YYYY-MM-DD", in quotes.
# Each field is explained in docs/writing.md, "Adding a story", and in src/schemas/story.ts.
draft: true
title: ${yamlText(title)}
dek: Replace with one sentence under the headline (pages and link previews show it).
published: "${date}"
# Topics: one to four ids from content/topics/, like [${knownTopics().slice(0, 2).join(', ')}]; ids known now: ${knownTopics().join(', ')}.
topics: []
sources:
  # Every source the story cites, each cited at least once: in the body, the timeline or the figures.
  - id: ${STUB_SOURCE_ID}
    # primary: the party's own statement or filing; report: a news organisation's reporting; analysis.
    kind: report
    publisher: Replace with the publisher, as readers know it
    title: Replace with the exact title of the page
    url: https://example.com/replace-with-the-address-of-the-page
    published: "${date}"
timeline:
  # Oldest first; "YYYY-MM" with precision month, "YYYY" with precision year.
  - id: ${date}-what-happened
    date: "${date}"
    precision: day
    title: Replace with a short title for the event
    text: Replace with one or two sentences on what happened.
    sources: [${STUB_SOURCE_ID}]
figures:
  - label: Replace with what the figure is
    value: Replace with the figure
    sources: [${STUB_SOURCE_ID}]
---
${STORY_BODY}`;
}

function yamlText(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}

/** Accents dropped, apostrophes joined ("Port’s" → "ports"), cut at a word; empty when the headline has no Latin letters or digits. */
export function slugFromHeadline(headline: string, maxLength = 60): string {
  const words = headline
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > maxLength) return slug || w.slice(0, maxLength);
    slug = next;
  }
  return slug;
}

export function isStorySlug(slug: string): boolean {
  return ID_PATTERN.test(slug);
}
