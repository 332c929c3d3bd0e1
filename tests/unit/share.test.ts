import { readFileSync } from 'node:fs';
import path from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { drawCard, renderOgImage, wrapLines } from '../../src/lib/og-image.ts';
import { clauseCuts, fitPreview, prose, sentences } from '../../src/lib/preview.ts';
import SharePage from '../../src/pages/[slug]/s/[section].astro';
import sharp from 'sharp';
import { builtPages, DIST, fileFor, requireDist, stories } from '../helpers/site.ts';
import { describe, expect, it } from 'vitest';
import { newsArticle, jsonLdText } from '../../src/lib/jsonld.ts';
import { absoluteLink, shareLink } from '../../src/scripts/copy-link.ts';
import { leadText, LEAD_MAX, pageTitle, TITLE_MAX, panelSections, sectionCardInput, type StoryShare } from '../../src/lib/share.ts';
import { textFragmentUrl } from '../../src/lib/text-fragment.ts';

describe('copy link', () => {
  it('makes the absolute URL of a fragment link', () => {
    expect(absoluteLink('#the-memo', 'https://x.example/story/')).toBe('https://x.example/story/#the-memo');
  });
  it('drops the current page’s own fragment and text fragment', () => {
    expect(absoluteLink('#sources', 'https://x.example/story/#:~:text=abc')).toBe('https://x.example/story/#sources');
  });
});

describe('text fragments', () => {
  it('encodes short quotes whole, with dashes and commas escaped', () => {
    expect(textFragmentUrl('https://a.example/p#top', 'well-known, quote')).toBe('https://a.example/p#:~:text=well%2Dknown%2C%20quote');
  });
  it('uses start and end words for long quotes', () => {
    expect(textFragmentUrl('https://a.example/p', 'one two three four five six seven eight nine ten')).toBe(
      'https://a.example/p#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten',
    );
  });
});

describe('JSON-LD', () => {
  const data = newsArticle({
    title: 'T</script><b>',
    dek: 'D',
    published: '2026-04-13',
    updated: '2026-04-14',
    url: 'https://x.example/t/',
    image: 'https://x.example/og/t.png',
    site: 'https://x.example/',
    sources: [{ publisher: 'P', title: 'S', url: 'https://s.example/', published: '2026-04-01' }],
  });
  it('is a NewsArticle with its sources as citations', () => {
    expect(data['@type']).toBe('NewsArticle');
    expect(data.citation).toEqual([expect.objectContaining({ url: 'https://s.example/', name: 'S' })]);
  });
  it('cannot close its script element', () => {
    expect(jsonLdText(data)).not.toContain('</script>');
    expect(JSON.parse(jsonLdText(data)).headline).toBe('T</script><b>');
  });
});

describe('preview images', () => {
  it('every built page that names an og:image states its size, and the PNG behind it has that size: 1200×630', () => {
    requireDist();
    let checked = 0;
    for (const page of builtPages()) {
      const html = readFileSync(path.join(DIST, fileFor(page)!), 'utf8');
      const meta = (p: string) => new RegExp(`<meta property="${p}" content="([^"]+)"`).exec(html)?.[1];
      const image = meta('og:image');
      if (!image) continue;
      const file = fileFor(new URL(image).pathname);
      expect(file, `${page}: ${image} is in the build`).not.toBeNull();
      const png = readFileSync(path.join(DIST, file!));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const size = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(size, `${page}: the PNG's size`).toEqual([Number(meta('og:image:width')), Number(meta('og:image:height'))]);
      expect(size).toEqual([1200, 630]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(stories().length);
  });

  it('the renderer draws 1200×630 now, not only in a past build', async () => {
    const png = await renderOgImage({ title: 'A title', dek: 'A dek.' });
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it.each([
    ['a section card', 'The Amazon deal, and what it gave', 'OpenAI announced its partnership with Amazon on February 27, 2026. Amazon is to invest up to $50 billion.', 'OpenAI memo puts Amazon at center of enterprise push'],
    // Descenders in a long kicker over a three-line title, and a dek that fills the room left: the inks' rows meet.
    ['lines that meet', 'Quietly typing gappy, jumpy, quirky, gyp-proof glyphs: a very long title that goes on to a third line', 'Pygmy jays quip; judging by yesterday, gypsum quarries keep yielding gray, jagged, pygmy quartz for every jeweller.', 'Joyful gyps: a quirky, jumpy, gappy kicker gets long enough to wrap onto its second line quickly'],
  ])('the palette PNG shows the pixels Skia drew, every ink within a shade: %s', async (_name, title, dek, kicker) => {
    const period = 'January 2025 to April 13, 2026';
    const drawn = Buffer.from(drawCard(title, dek, kicker, period));
    const png = await renderOgImage({ title, dek, kicker, period });
    expect(png[25], 'colour type 3: indexed').toBe(3);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([1200, 630, 3]);
    let worst = 0;
    let total = 0;
    for (let p = 0; p < 1200 * 630; p++) {
      for (let c = 0; c < 3; c++) {
        const d = Math.abs(data[p * 3 + c]! - drawn[p * 4 + c]!);
        worst = Math.max(worst, d);
        total += d;
      }
    }
    // 256 colours for four inks' anti-aliasing: a pixel is off by a few levels of 255 at most.
    expect(worst).toBeLessThanOrEqual(12);
    expect(total / (1200 * 630 * 3)).toBeLessThan(0.1);
    // And the picture is not blank: text in each ink, the bar in blue.
    [0x1b, 0x4d, 0x89].forEach((c, i) => expect(Math.abs(data[i]! - c)).toBeLessThanOrEqual(2));
    expect(png.length).toBeLessThan(60_000);
  });
});

describe('section share pages', () => {
  const story: StoryShare = {
    slug: 'a-story',
    headline: 'A story & its "quotes"',
    period: 'January 2025 to April 2026',
    published: '2026-04-13',
    modified: '2026-04-14',
    sections: [{ id: 'the-deal', aliases: ['deal'], title: 'The deal <now>', preview: prose('It was signed. Then it was not.'), lead: 'It was signed. Then it was not.' }],
  };
  const section = story.sections[0]!;

  it('takes whole first sentences within 200 characters', () => {
    const s = 'One sentence here. ';
    const text = s.repeat(30);
    const lead = leadText(text);
    expect(lead.length).toBeLessThanOrEqual(LEAD_MAX);
    expect(lead).toMatch(/here\.$/);
    expect(lead.split('. ').length).toBe(Math.floor((LEAD_MAX + 1) / s.length));
    expect(leadText('Short.   Text\n here.')).toBe('Short. Text here.');
  });

  it('shortens a first sentence longer than that at its last clause break that fits, with "…"', () => {
    const memo =
      'In an April 12, 2026, staff memo, chief revenue officer Denise Dresser put Amazon at the center of OpenAI’s next enterprise push, calling Microsoft “foundational” but saying the partnership had “limited our ability to meet enterprises where they are”, CNBC reported. Then more.';
    expect(leadText(memo)).toBe('In an April 12, 2026, staff memo, chief revenue officer Denise Dresser put Amazon at the center of OpenAI’s next enterprise push…');
    // A colon, a semicolon and an em dash are clause breaks too.
    expect(leadText('The line runs between two things: the stateless APIs on one side and the runtime on the other.', 60)).toBe('The line runs between two things…');
    expect(leadText('AWS distributes Frontier; Azure hosts its stateless calls, and both say so in public.', 60)).toBe('AWS distributes Frontier; Azure hosts its stateless calls…');
    expect(leadText('The deal stands—for now at least, and so do the terms that came with it.', 40)).toBe('The deal stands—for now at least…');
  });

  it('never cuts in the middle of a clause: not at a date’s comma, inside quotation marks or brackets, or at the dash of a compound', () => {
    expect(clauseCuts('On April 12, 2026 the memo went out, and CNBC saw it')).toEqual(['On April 12, 2026 the memo went out…']);
    expect(clauseCuts('She wrote “we are, in short, limited” and left it there, unsigned')).toEqual(['She wrote “we are, in short, limited” and left it there…']);
    expect(clauseCuts('The agreement (signed, sealed) stands')).toEqual([]);
    expect(clauseCuts('The Microsoft–OpenAI partnership – as it stands – is long')).toEqual(['The Microsoft–OpenAI partnership – as it stands…', 'The Microsoft–OpenAI partnership…']);
  });

  it('cuts at a word only as the last resort, for a clause too long for any room', () => {
    const lead = leadText(`${'word '.repeat(60)}end.`);
    expect(lead.length).toBeLessThanOrEqual(LEAD_MAX);
    expect(lead).toMatch(/word…$/);
  });

  it('previews a list as whole items, as many as fit, with no "…" after the last', () => {
    const items = ['The rest of the money. What governs the investment beyond the first $15 billion?', 'What Frontier includes. The sources do not say.', 'Where the line falls. The sources do not define what makes an API stateless, so nobody can tell.'];
    expect(fitPreview({ units: items }, (t) => t.length <= 200)).toBe(`${items[0]} ${items[1]}`);
    expect(fitPreview({ units: items }, (t) => t.length <= 100)).toBe(items[0]);
    const titles = Array.from({ length: 8 }, (_, i) => `Event number ${i + 1} happens to the company`);
    const { timeline } = panelSections({ figures: [], timeline: titles.map((title) => ({ title })), terms: [], period: 'January 2025 to April 2026' });
    expect(timeline!.lead.length).toBeLessThanOrEqual(LEAD_MAX);
    expect(timeline!.lead).toBe(`8 events, January 2025 to April 2026: ${titles.slice(0, 4).join('; ')}.`);
  });

  it('leaves out a sentence or item that says "above" or "below": a preview has nothing above or below it', () => {
    expect(leadText('The deal is signed. As noted above, it is large. It runs to 2030.')).toBe('The deal is signed. It runs to 2030.');
    expect(fitPreview({ units: ['One item.', 'Beyond the description above, nothing.', 'Another item.'] }, (t) => t.length <= 200)).toBe('One item. Another item.');
    expect(sentences('Il a dit oui. Élysée a répondu.')).toEqual(['Il a dit oui.', 'Élysée a répondu.']);
  });

  it('a card’s lead ends as the share page’s does: whole sentences, whole items, or a clause with "…"', () => {
    // Ten pixels a character: a line of 40 characters.
    const ctx = { measureText: (t: string) => ({ width: t.length * 10 }) } as unknown as Parameters<typeof wrapLines>[0];
    const text = 'OpenAI announced its partnership with Amazon on February 27, 2026. Amazon is to invest up to $50 billion in OpenAI, starting with $15 billion, and more later.';
    expect(wrapLines(ctx, text, 400, 2).join(' ')).toBe('OpenAI announced its partnership with Amazon on February 27, 2026.');
    expect(wrapLines(ctx, 'Amazon is to invest up to $50 billion in OpenAI, starting with $15 billion, and more later.', 400, 2).join(' ')).toBe('Amazon is to invest up to $50 billion in OpenAI, starting with $15 billion…');
    const list = { intro: '3 events:', units: ['The first event of the three', 'The second event of the three', 'The third'], sep: '; ', end: '.' };
    expect(wrapLines(ctx, list, 400, 2).join(' ')).toBe('3 events: The first event of the three; The second event of the three.');
    expect(wrapLines(ctx, text, 400, 0)).toEqual([]);
  });

  it('ends sentences where they end: not inside "$1.5", after "U.S." or "Mr.", or before a lower-case word', () => {
    expect(leadText('Amazon is to invest $1.5 billion. Then more follows here.', 40)).toBe('Amazon is to invest $1.5 billion.');
    expect(leadText('The U.S. Treasury said so. Then more.', 30)).toBe('The U.S. Treasury said so.');
    expect(leadText('Mr. Smith left on Feb. 3 with No. 9. Then more.', 40)).toBe('Mr. Smith left on Feb. 3 with No. 9.');
    expect(leadText('It said, e.g. more later. And then it went on.', 30)).toBe('It said, e.g. more later.');
    expect(leadText('Il a dit oui. Élysée a répondu ensuite.', 20)).toBe('Il a dit oui.');
  });

  it('reads a section’s words as a reader sees them: no editor’s note, a space between blocks', async () => {
    const { plainText } = await import('../../src/integrations/remark-story.ts');
    const { unified } = await import('unified');
    const { default: remarkParse } = await import('remark-parse');
    const { default: remarkMdx } = await import('remark-mdx');
    const tree = unified().use(remarkParse).use(remarkMdx).parse('First item {/* note to the editor */}\n\n- One\n- Two\n\n<Analysis>\nA point.\n\nAnother.\n</Analysis>\n');
    expect(plainText(tree).replace(/\s+/g, ' ').trim()).toBe('First item One Two A point. Another.');
  });

  it('gives the page’s own sections a lead from their entries', () => {
    const { figures, timeline, terms } = panelSections({
      figures: [{ label: 'Planned investment', value: '$50 billion' }],
      timeline: [{ title: 'Deal announced' }, { title: 'Memo sent' }],
      terms: [{ term: 'Frontier' }],
      period: 'February to April 2026',
    });
    expect(figures).toEqual({ id: 'key-figures', aliases: [], title: 'Key figures', preview: { units: ['Planned investment: $50 billion.'] }, lead: 'Planned investment: $50 billion.' });
    expect(timeline!.lead).toBe('2 events, February to April 2026: Deal announced; Memo sent.');
    expect(terms!.lead).toContain('Frontier');
    expect(panelSections({ figures: [], timeline: [], terms: [] })).toEqual({ figures: undefined, timeline: undefined, terms: undefined });
  });

  it('renders a page whose head is the section’s preview, escaped, and which lands on the section', async () => {
    const container = await AstroContainer.create({ astroConfig: { site: 'https://x.example/' } });
    // Dev-mode rendering adds data-astro-source-* attributes; a reader never sees them.
    const html = (await container.renderToString(SharePage, { props: { share: story, section } })).replace(/ data-astro-source-(file|loc)="[^"]*"/g, '');
    // In an attribute, < needs no escape; & and " do.
    expect(html).toContain('<meta property="og:title" content="The deal <now> — A story &amp; its &quot;quotes&quot;">');
    expect(html).toContain('<h1>The deal &lt;now&gt;</h1>');
    expect(html).toContain('<meta property="og:url" content="https://x.example/a-story/s/the-deal/">');
    expect(html).toContain('<meta property="og:image" content="https://x.example/og/a-story/the-deal.png">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/a-story/#the-deal">');
    expect(html).toContain('<a href="/a-story/#the-deal">');
    expect(html).not.toContain('rel="canonical"');
    expect(html).not.toContain('<script');
  });

  it('keeps the tab title within 70 characters, longest form first', () => {
    expect(pageTitle({ title: 'The memo' }, 'Short story')).toBe('The memo — Short story · The Explainer');
    expect(pageTitle({ title: 'The memo' }, 'OpenAI memo puts Amazon at center of enterprise push')).toBe('The memo — OpenAI memo puts Amazon at center of enterprise push');
    expect(pageTitle({ title: 'The Amazon deal' }, 'OpenAI memo puts Amazon at center of enterprise push')).toBe('The Amazon deal — OpenAI memo puts Amazon at center of enterprise push');
    expect(pageTitle({ title: 'Microsoft’s position now' }, 'OpenAI memo puts Amazon at center of enterprise push')).toBe('Microsoft’s position now · The Explainer');
    expect(pageTitle({ title: 'x'.repeat(80) }, 'Story').length).toBeLessThanOrEqual(TITLE_MAX);
  });

  it('the copy button’s share address sits beside the page, with or without its trailing slash', () => {
    expect(shareLink('the-memo', 'https://x.example/story/#sources')).toBe('https://x.example/story/s/the-memo/');
    expect(shareLink('the-memo', 'https://x.example/story?utm=1')).toBe('https://x.example/story/s/the-memo/');
    expect(shareLink('the-memo', 'https://x.example/story/index.html#top')).toBe('https://x.example/story/s/the-memo/');
    // Opened from the built folder, offline.
    expect(shareLink('the-memo', 'file:///home/me/dist/story/index.html')).toBe('file:///home/me/dist/story/s/the-memo/');
  });

  it('a card shows the story’s headline small, the section’s title large and its lead', () => {
    expect(sectionCardInput(story, section)).toEqual({ title: 'The deal <now>', dek: { units: ['It was signed.', 'Then it was not.'] }, kicker: 'A story & its "quotes"', period: 'January 2025 to April 2026' });
  });
});
