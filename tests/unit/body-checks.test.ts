import { describe, expect, it } from 'vitest';
import { bodyProblems } from '../../src/checks/check-story.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { SHORT_VERSION, validBody, validStory } from '../helpers/story.ts';

const FILE = 'content/stories/test.mdx';
const check = async (body: string, fm: Record<string, unknown> = validStory()) => (await bodyProblems({ file: FILE, frontmatter: fm, body })).map(formatProblem);

describe('story body checks', () => {
  it('accepts a body where every paragraph and item is cited', async () => {
    expect(await check(validBody)).toEqual([]);
  });

  it('refuses an unknown source id in a <Cite>, with its line', async () => {
    const lines = await check(`${validBody}\nAnother paragraph. <Cite ids="one onee" />\n`);
    expect(lines).toEqual([expect.stringContaining(`${FILE}:34 · body <Cite ids>: "onee" is not a source of this story. Fix: use one of: one, two`)]);
  });

  it('refuses an uncited paragraph, naming its line and first words', async () => {
    const lines = await check(`${validBody}\nThis paragraph states a fact with no source at all.\n`);
    expect(lines).toEqual([expect.stringContaining(`${FILE}:34 · body paragraph: "This paragraph states a fact with no source at all…" cites no source`)]);
  });

  it('refuses an uncited list item', async () => {
    const lines = await check(`${validBody}- An uncited item\n`);
    expect(lines.join('\n')).toContain('body list item: "An uncited item" cites no source');
  });

  it('lets analysis stand without a citation', async () => {
    expect(await check(`${validBody}\n<Analysis>\n\nOur own reading of events.\n\n</Analysis>\n`)).toEqual([]);
  });

  it('refuses a source that is never cited', async () => {
    const fm = validStory();
    fm.sources.push({ id: 'three', kind: 'report', publisher: 'P3', title: 'T3', url: 'https://example.com/3', published: '2026-01-01' });
    expect((await check(validBody, fm)).join('\n')).toContain('sources[2].id: "three" is never cited');
  });

  it('counts citations from the timeline and figures as uses of a source', async () => {
    const fm = validStory();
    expect(await check(`${SHORT_VERSION}## More\n\nA paragraph. <Cite ids="one" />\n`, fm)).toEqual([]);
  });

  it('refuses an empty body', async () => {
    expect((await check('\n\n')).join('\n')).toContain('body: is empty');
  });

  it('refuses broken MDX with its line', async () => {
    const lines = await check(`${validBody}\nA paragraph <Cite ids="one" \n`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/stories\/test\.mdx:\d+ · MDX syntax: /);
  });

  it('refuses two sections with the same heading id', async () => {
    const lines = await check(`${validBody}\n## First section\n\nMore. <Cite ids="one" />\n`);
    expect(lines.join('\n')).toContain('heading id: "first-section" for heading "First section" is already taken by heading "First section"');
  });

  it('refuses a heading id that takes a timeline anchor', async () => {
    const lines = await check(`${validBody}\n## Later <Anchor id="2025-deal" />\n\nMore. <Cite ids="one" />\n`);
    expect(lines.join('\n')).toContain('"2025-deal" for heading "Later" is already taken by timeline[0].id');
  });

  it('refuses a heading id that takes a part of the short version or a source group: each links to itself', async () => {
    const lines = (await check(`${validBody}\n## Why <Anchor id="summary-why-it-matters" />\n\nMore. <Cite ids="one" />\n\n## Our sources <Anchor id="sources-news-reports" />\n\nMore. <Cite ids="two" />\n`)).join('\n');
    expect(lines).toContain('heading id: "summary-why-it-matters" for heading "Why" is already taken by the page itself');
    expect(lines).toContain('heading id: "sources-news-reports" for heading "Our sources" is already taken by the page itself');
  });

  it('lets a section share a part’s label ("## What happened" after the short version): the part’s id is its own', async () => {
    expect(await check(`${validBody}\n## What happened\n\nMore. <Cite ids="one" />\n\n## What we don’t know\n\nMore. <Cite ids="two" />\n`)).toEqual([]);
  });

  it('refuses quoted words that the body does not print', async () => {
    const fm = validStory();
    (fm.sources[0] as { quotes?: string[] }).quotes = ['words never printed'];
    expect((await check(validBody, fm)).join('\n')).toContain('sources[0].quotes[0]: "words never printed" does not appear word for word in the body');
  });

  it('refuses {…} code in the text, which MDX would run when the page renders', async () => {
    const lines = await check(`${validBody}\nTo be confirmed {TODO}. <Cite ids="one" />\n`);
    expect(lines).toEqual([`${FILE}:34 · body {…}: "{TODO}" is code, not text. Fix: write a literal brace as \\{ or remove the braces; a note to editors can be a comment, {/* … */}`]);
  });

  it('lets an editor leave a {/* comment */}', async () => {
    expect(await check(`${validBody}\n{/* check the figure with the desk */}\n`)).toEqual([]);
  });

  it('refuses a component the page does not provide, and an Anchor away from a heading', async () => {
    const lines = await check(`${validBody}\nA fact. <Cite ids="one" /> <Cte ids="two" />\n\nMore. <Cite ids="two" /> <Anchor id="more" />\n`);
    expect(lines).toEqual([
      `${FILE}:34 · body component: "<Cte>" is not one stories can use. Fix: use <Cite ids="…" />, <Analysis>…</Analysis>, <Part label="…">…</Part> or <Term id="…">…</Term> (check the spelling)`,
      `${FILE}:36 · body <Anchor>: "more" is not at the end of a heading. Fix: move it to the end of a ## heading line: ## Title <Anchor id="…" />`,
    ]);
  });

  it('checks what is inside a heading, and refuses a citation there', async () => {
    const lines = await check(`${validBody}\n## Later <Cite ids="one" />\n\nMore. <Cite ids="one" />\n\n## Soon {TODO}\n\nMore. <Cite ids="two" />\n`);
    expect(lines.join('\n')).toContain('heading <Cite>: "Later" puts a citation in a heading');
    expect(lines.join('\n')).toContain('body {…}: "{TODO}" is code, not text');
  });

  it('refuses raw HTML such as an embed', async () => {
    const lines = await check(`${validBody}\n<iframe src="https://tracker.example/x"></iframe>\n`);
    expect(lines.join('\n')).toContain('body HTML: "<iframe>" is raw HTML, which stories cannot use');
  });

  it.each(['javascript:alert(1)', 'http://example.com/a', 'data:text/html,x', '//evil.example/x'])('refuses a body link to %s', async (url) => {
    const lines = await check(`${validBody}\nSee [this](${url}). <Cite ids="one" />\n`);
    expect(lines.join('\n')).toContain(`body link: "${url}" is not an https:// address or a link within the site`);
  });

  it('accepts links to the story’s sources, their quote deep links and sections', async () => {
    const fm = validStory();
    (fm.sources[0] as { quotes?: string[] }).quotes = ['A cited paragraph'];
    const deep = 'https://example.com/one#:~:text=A%20cited%20paragraph';
    expect(await check(`${validBody}\nSee [this](https://example.com/one), [the words](${deep}) and [that](#first-section). <Cite ids="one" />\n`, fm)).toEqual([]);
  });

  it('refuses a link to another site that is not one of the story’s sources, as the build does', async () => {
    const lines = await check(`${validBody}\nSee [this](https://example.com/elsewhere). <Cite ids="one" />\n`);
    expect(lines).toEqual([
      `${FILE}:34 · body link: "https://example.com/elsewhere" goes to another site that is not one of this story’s sources. Fix: add the page to "sources" and cite it with <Cite ids="…" />, or link to a section of this page`,
    ]);
  });

  it('says to use "ids" when a <Cite> names its sources in another attribute', async () => {
    const lines = await check(`${validBody}\nA fact. <Cite id="one" />\n`);
    expect(lines).toEqual([`${FILE}:34 · body <Cite>: "id=" names its sources with an attribute Cite does not know. Fix: write the source ids in "ids": <Cite ids="one" />`]);
  });

  it('refuses a table row without a citation', async () => {
    const lines = await check(`${validBody}\n| Who | What |\n| --- | --- |\n| A | B <Cite ids="one" /> |\n| C | D |\n`);
    expect(lines).toEqual([expect.stringContaining(`${FILE}:37 · body table row: "CD" cites no source`)]);
  });

  it('matches quoted words whatever quotes and dashes the body prints', async () => {
    const fm = validStory();
    (fm.sources[0] as { quotes?: string[] }).quotes = ["it's over -- for now"];
    expect(await check(`${validBody}\nShe said “it’s over – for now”. <Cite ids="one" />\n`, fm)).toEqual([]);
  });

  it('sees headings inside <Analysis> too', async () => {
    const lines = await check(`${validBody}\n<Analysis>\n\n## First section\n\nOur view.\n\n</Analysis>\n`);
    expect(lines.join('\n')).toContain('heading id: "first-section" for heading "First section" is already taken');
  });
});
