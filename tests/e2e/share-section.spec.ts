/**
 * Section share pages (src/lib/share.ts): for every section of every story, the share address
 * exists, previews as the section (read by open-graph-scraper, as an unfurler reads it), shows
 * the section's own 1200×630 card, drawn with that section's title and lead, and lands a reader
 * on the story at that section, with JavaScript and without; alias ids too. And the buttons that
 * hand the address out.
 */
import { expect, test, type Page } from '@playwright/test';
import ogs from 'open-graph-scraper';
import sharp from 'sharp';
import { coveredPeriod } from '../../src/lib/dates.ts';
import { renderOgImage } from '../../src/lib/og-image.ts';
import { declaredAliases, stories, storyHeadings, storyParts } from '../helpers/site.ts';
import { partId } from '../../src/lib/ids.ts';
import { expectLandedOn } from '../helpers/landed.ts';

interface Section {
  id: string;
  aliases: string[];
  title: string;
  /** The section's words as the page shows them, citation markers left out. */
  text: string;
  /** Its words are a list's items (the timeline, the terms, "What we don’t know"): no sentence of its own outside them. */
  list: boolean;
}

/** The story's shareable sections, read off its page: every heading marked with a share page (a part of the short version's too). */
async function sectionsOf(page: Page, path: string): Promise<Section[]> {
  await page.goto(path);
  return page.locator(':is(h2, h3):has(> a.anchor-link[data-share])').evaluateAll((hs) =>
    hs.map((h) => {
      const section = h.closest('.part, section')!.cloneNode(true) as HTMLElement;
      section.querySelectorAll('h2, h3, sup, .cite, [aria-hidden="true"], .analysis-label').forEach((e) => e.remove());
      return {
        id: h.id,
        aliases: [...h.querySelectorAll('.alias-anchor')].map((s) => s.id),
        title: h.querySelector('a.anchor-link')!.textContent!.trim(),
        text: section.textContent!.replace(/\s+/g, ' ').trim(),
        list: section.querySelector('ul, ol, dl') !== null && [...section.querySelectorAll('p')].every((p) => p.closest('li, dt, dd')),
      };
    }),
  );
}

/**
 * How a preview fails to end where its text does: it must end on a sentence's end (. ! ? and any closing
 * quote) or on "…" placed at a clause break of the section's words (a comma, semicolon, colon or dash
 * follows there), never in mid-clause; a list's preview ends on a whole item, with no "…"; and no
 * preview points "above" or "below", as there is nothing above or below it.
 */
function previewProblems(description: string, section: Section): string[] {
  const problems: string[] = [];
  if (/\b(above|below)\b/i.test(description)) problems.push('says "above" or "below"');
  if (description.endsWith('…')) {
    const cut = description.slice(0, -1);
    const at = section.text.indexOf(cut);
    if (at < 0) problems.push('its words before "…" are not the section’s');
    else if (!/^\s*[,;:—–]/.test(section.text.slice(at + cut.length))) problems.push(`"…" cuts mid-clause, before "${section.text.slice(at + cut.length, at + cut.length + 20)}"`);
    if (section.list) problems.push('a list’s preview ends with "…", not on a whole item');
  } else if (!/[.!?]["”’)]?$/.test(description)) problems.push('does not end on a sentence’s end or "…"');
  return problems;
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

for (const story of stories()) {
  test(`${story.path}: every section's share page previews as the section, in an unfurler's view`, async ({ page, request }) => {
    const sections = await sectionsOf(page, story.path);
    // Every ## section, each part of the short version, the key figures, the timeline and the terms; not the sources or the updates.
    const { figures = [], timeline = [], terms = [] } = story.frontmatter;
    const panels = [...(figures.length ? ['key-figures'] : []), ...(timeline.length ? ['timeline'] : []), ...(terms.length ? ['terms'] : [])];
    const parts = storyParts(story.file);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(sections.map((s) => s.id)).toEqual(expect.arrayContaining([...panels, ...parts.map(partId)]));
    expect(sections.map((s) => s.id)).not.toContain('sources');
    expect(sections.map((s) => s.id)).not.toContain('changes');
    expect(sections.length, 'each ## section, each part and each list the story has').toBe(storyHeadings(story.file).length + parts.length + panels.length);
    const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
    const site = new URL(canonical!).origin;
    const storyCard = await (await request.get(`/og/${story.id}.png`)).body();
    const cards = new Set<string>();
    for (const section of sections) {
      const address = `${story.path}s/${section.id}/`;
      const response = await request.get(address);
      expect(response.status(), address).toBe(200);
      const html = await response.text();
      const { error, result } = await ogs({ html });
      expect(error, address).toBe(false);
      const title = `${section.title} — ${story.frontmatter.title}`;
      expect(result.ogTitle, address).toBe(title);
      expect(result.twitterTitle, address).toBe(title);
      expect(result.ogType).toBe('article');
      expect(result.ogUrl, 'og:url is the share address').toBe(`${site}${address}`);
      const description = result.ogDescription!;
      expect(description.length, `${address} description`).toBeLessThanOrEqual(200);
      expect(description.length).toBeGreaterThan(0);
      expect(result.twitterDescription).toBe(description);
      expect(html).toContain(`<meta name="description" content="${description.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`);
      if (!['key-figures', 'timeline', 'terms'].includes(section.id)) {
        // Taken from the section's first sentences: its opening words are the section's.
        const opening = description.replace(/…$/, '').split(' ').slice(0, 6).join(' ');
        expect(section.text, `${address}: the description starts as the section does`).toContain(opening);
      }
      expect(previewProblems(description, section), `${address}: "${description}"`).toEqual([]);
      const alt = /<meta property="og:image:alt" content="([^"]*)">/.exec(html)?.[1]?.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      expect(alt, 'the card is described by the same words').toBe(`${section.title}: ${description}`);
      expect(html).toMatch(/<meta name="robots" content="noindex">/);
      expect(html, 'a share page has no canonical of its own (docs/writing.md, "Sharing")').not.toMatch(/rel="canonical"/);
      const image = result.ogImage?.[0]?.url;
      expect(image).toBe(`${site}/og/${story.id}/${section.id}.png`);
      expect(result.twitterImage?.[0]?.url).toBe(image);
      const card = await request.get(new URL(image!).pathname);
      expect(card.status()).toBe(200);
      expect(card.headers()['content-type']).toContain('image/png');
      const bytes = await card.body();
      expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
      expect(bytes.equals(storyCard), `${section.id}'s card is not the story's`).toBe(false);
      cards.add(bytes.toString('base64'));
    }
    expect(cards.size, 'every section has a card of its own').toBe(sections.length);
  });

  test(`${story.path}: each section's card shows that section: its title and lead, under the story's headline`, async ({ page, request }) => {
    // Each section's card as the template draws it (src/lib/og-image.ts): the story's headline small, the
    // section's title large, its lead as the share page states it, the period. The served card fits the
    // lead to its own room, so it need not match byte for byte: it must be nearest its own section's.
    const headline = story.frontmatter.title;
    const period = coveredPeriod((story.frontmatter.timeline ?? []).map((e) => e.date))?.text ?? '';
    const sections = await sectionsOf(page, story.path);
    const pixels = async (png: Buffer | Uint8Array) => sharp(png).greyscale().raw().toBuffer();
    const drawn = new Map<string, Buffer>();
    for (const section of sections) {
      const { result } = await ogs({ html: await (await request.get(`${story.path}s/${section.id}/`)).text() });
      drawn.set(section.id, await pixels(await renderOgImage({ title: section.title, dek: result.ogDescription!, kicker: headline, period })));
    }
    const distance = (a: Buffer, b: Buffer) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0);
    for (const section of sections) {
      const card = `/og/${story.id}/${section.id}.png`;
      const served = await pixels(await (await request.get(card)).body());
      const nearest = sections.reduce((best, s) => (distance(drawn.get(s.id)!, served) < distance(drawn.get(best.id)!, served) ? s : best));
      expect(nearest.title, `${card} shows the card of`).toBe(section.title);
    }
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`${story.path}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}: opening a share address lands on the story at that section; Back does not trap`, async ({ browser }) => {
      // An address for every section, part and alias: a few seconds each.
      test.setTimeout(180_000);
      const context = await browser.newContext({
        javaScriptEnabled,
        viewport: { width: 390, height: 844 },
      });
      const page = await context.newPage();
      const sections = await sectionsOf(page, story.path);
      const addresses = sections.flatMap((s) => [s.id, ...s.aliases].map((via) => ({ via, id: s.id })));
      expect(addresses.length, 'a share address for each section and each alias id').toBe(sections.length + declaredAliases(story.file).length);
      for (const { via, id } of addresses) {
        await page.goto('/');
        await page.goto(`${story.path}s/${via}/`);
        await page.waitForURL((url) => url.pathname === story.path && url.hash === `#${id}`);
        await expectLandedOn(page, id);
        await page.goBack();
        await page.waitForURL((url) => url.pathname === '/');
      }
      await context.close();
    });
  }
}

const STORY = '/openai-shifts-partners/';

test('a share page reads on its own, with a link to the section, for a reader whose browser does not follow the refresh', async ({ request }) => {
  const html = await (await request.get(`${STORY}s/the-amazon-deal/`)).text();
  expect(html).toMatch(/<meta http-equiv="refresh" content="0; url=\/openai-shifts-partners\/#the-amazon-deal">/);
  expect(html).toMatch(/<h1>The Amazon deal<\/h1>/);
  expect(html).toMatch(/<a href="\/openai-shifts-partners\/#the-amazon-deal">Read “The Amazon deal” in the story<\/a>/);
});

test('the sitemap and the feed list no share page', async ({ request }) => {
  for (const path of ['/sitemap-0.xml', '/rss.xml']) {
    const xml = await (await request.get(path)).text();
    expect(xml).toContain(STORY);
    expect(xml, path).not.toMatch(/\/s\/[a-z0-9-]+\//);
  }
});

test('Copy link on a section copies its share address; on a timeline entry or source, the fragment link', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: baseURL,
  });
  await page.goto(STORY);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await page.getByRole('button', { name: 'Copy link to section: The Amazon deal' }).click();
  await expect.poll(clipboard).toBe(`${baseURL}${STORY}s/the-amazon-deal/`);
  await expect(page.locator('#announcer')).toHaveText('Link copied');
  await page.getByRole('button', { name: 'Copy link to section: Timeline' }).click();
  await expect.poll(clipboard).toBe(`${baseURL}${STORY}s/timeline/`);
  await page.getByRole('button', { name: 'Copy link to section: Sources' }).click();
  await expect.poll(clipboard).toBe(`${baseURL}${STORY}#sources`);
  await page
    .getByRole('button', {
      name: /^Copy link to timeline entry: OpenAI and Amazon/,
    })
    .click();
  await expect.poll(clipboard).toBe(`${baseURL}${STORY}#2026-02-27-amazon-deal`);
  // The "#" link itself is still the plain fragment.
  await expect(page.getByRole('heading', { name: 'The Amazon deal' }).getByRole('link')).toHaveAttribute('href', '#the-amazon-deal');
});

test('where the browser has navigator.share, each section offers Share, which opens the share sheet with its title and share address', async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    const shared: ShareData[] = [];
    (window as unknown as { shared: ShareData[] }).shared = shared;
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: async (data: ShareData) => void shared.push(data),
    });
  });
  await page.goto(STORY);
  const sections = await page.locator('a.anchor-link[data-share]').count();
  await expect(page.getByRole('button', { name: /^Share (section|part): / })).toHaveCount(sections);
  // On a pointer screen the two show together, on hovering the heading.
  await page.getByRole('heading', { name: 'The Amazon deal' }).hover();
  await expect(page.getByRole('button', { name: 'Share section: The Amazon deal' })).toHaveCSS('opacity', '1');
  await expect(page.getByRole('button', { name: 'Copy link to section: The Amazon deal' })).toHaveCSS('opacity', '1');
  await page.getByRole('button', { name: 'Share section: The Amazon deal' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared)).toEqual([{ title: 'The Amazon deal', url: `${baseURL}${STORY}s/the-amazon-deal/` }]);
  // Timeline entries and sources have no share page, so no Share.
  await expect(page.getByRole('button', { name: /^Share (timeline entry|source)/ })).toHaveCount(0);
});

test('where it has not, no Share is shown', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: undefined,
    });
  });
  await page.goto(STORY);
  await expect(page.getByRole('button', { name: /^Copy link to section: / }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Share / })).toHaveCount(0);
});
