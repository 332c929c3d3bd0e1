/**
 * Quality gate: reader mode keeps the whole story. Every story page of dist/ is
 * run through @mozilla/readability (the engine of Firefox Reader View) in
 * jsdom, and what it keeps is checked against the story file: every section
 * heading in order, the timeline, the key figures, every source (publisher,
 * title and a link to its URL), each "Analysis" label as text, the dek and the
 * Published / Updated dates; and no controls ("Copy link", "Share", "Print
 * brief", a source's "Source 3", a lone "#" or "↩") and none of the print-only masthead.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { coveredPeriod, formatDate, formatLongDate } from '../../src/lib/dates.ts';
import { analysisCount, DIST, fileFor, requireDist, siteOrigin, stories, storyHeadings } from '../helpers/site.ts';

const BLOCKS = 'address, article, aside, blockquote, dd, div, dl, dt, figcaption, figure, footer, h1, h2, h3, h4, h5, h6, header, li, nav, ol, p, section, table, tr, ul';
const norm = (s: string) => s.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n[\n ]*/g, '\n').trim();

/** What reader mode shows: its article HTML parsed, and its text with a line break after each block, as it is laid out. */
function readerView(file: string, url: string) {
  const dom = new JSDOM(readFileSync(path.join(DIST, file), 'utf8'), { url });
  const article = new Readability(dom.window.document).parse();
  if (!article?.content) throw new Error(`Readability found no article in ${file}`);
  const doc = new JSDOM(article.content).window.document;
  for (const el of doc.querySelectorAll(BLOCKS)) el.append(doc.createTextNode('\n'));
  return { article, doc, text: norm(doc.body.textContent ?? '') };
}

describe('reader mode (Readability)', () => {
  requireDist();
  const origin = siteOrigin();
  const list = stories();
  it('has stories to read', () => expect(list.length).toBeGreaterThan(0));

  for (const story of list) {
    const fm = story.frontmatter;
    it(`${story.path}: keeps every section, entry, figure and source, the labels and dates, and no controls`, () => {
      const { article, doc, text } = readerView(fileFor(story.path)!, new URL(story.path, origin).href);
      const missing: string[] = [];
      const want = (what: string, s: string) => {
        if (!text.includes(norm(s))) missing.push(`${what}: "${s}"`);
      };

      expect(article.title, 'the title').toBe(fm.title);
      want('dek', fm.dek);
      want('published date', `Published ${formatLongDate(fm.published)}`);
      want('updated date', `Updated ${formatLongDate(fm.updated ?? fm.published)}`);

      // The skimmer's order: the short version, the key figures, the timeline, the other sections, then the page's own.
      const [first, ...rest] = storyHeadings(story.file);
      const expected = [
        ...(first ? [first] : []),
        ...(fm.figures?.length ? ['Key figures'] : []),
        ...(fm.timeline?.length ? ['Timeline'] : []),
        ...rest,
        ...(fm.terms?.length ? ['Terms'] : []),
        ...(fm.changes?.length ? ['Updates and corrections'] : []),
        'Sources',
      ];
      const period = coveredPeriod((fm.timeline ?? []).map((e) => e.date));
      if (period) want('covered period', `Covers ${period.text}`);
      for (const t of fm.terms ?? []) {
        want('term', t.term);
        if (t.definition) want('term definition', t.definition);
      }
      for (const c of fm.changes ?? []) want('update or correction', c.text);
      const headings = [...doc.querySelectorAll('h2, h3')].map((h) => norm(h.textContent ?? '')).filter((h) => expected.includes(h));
      expect(headings, 'every section heading, in order').toEqual(expected);

      for (const e of fm.timeline ?? []) {
        want('timeline date', formatDate(e.date));
        want('timeline title', e.title);
        want('timeline text', e.text);
      }
      for (const f of fm.figures ?? []) {
        want('figure label', f.label);
        want('figure value', f.value);
      }
      const links = new Map([...doc.querySelectorAll('a[href]')].map((a) => [a.getAttribute('href'), norm(a.textContent ?? '')]));
      for (const s of fm.sources) {
        want('source publisher', s.publisher);
        if (links.get(s.url) !== norm(s.title)) missing.push(`source link: "${s.title}" → ${s.url}`);
      }
      const analysis = [...doc.querySelectorAll('p')].filter((p) => norm(p.textContent ?? '') === 'Analysis').length;
      if (analysis !== analysisCount(story.file)) missing.push(`"Analysis" labels: ${analysis} of ${analysisCount(story.file)}`);
      expect(missing, `reader mode of ${story.path} lost:\n${missing.join('\n')}`).toEqual([]);

      // "Source 3" after an entry was its link to itself: a control, not words of the entry (the list numbers it).
      const controls = [/Copy link/, /\bShare\b/, /Print brief/, /Print full story/, /Brief as of/, /QR code/, /\bSource \d+\b/];
      const found = controls.filter((re) => re.test(text)).map(String);
      const symbols = [...doc.querySelectorAll('a, button, span')].map((el) => norm(el.textContent ?? '')).filter((t) => /^[#↩¶§\uFE0E\s]+$/u.test(t));
      expect([...found, ...symbols], `controls or print-only text in reader mode of ${story.path}`).toEqual([]);
      expect(doc.querySelectorAll('button, svg, img').length, 'no buttons or print-only images').toBe(0);
      console.log(`reader mode ${story.path}: ${headings.length} headings, ${fm.timeline?.length ?? 0} timeline entries, ${fm.figures?.length ?? 0} figures, ${fm.sources.length} sources, ${analysis} analysis labels kept; ${text.length} characters`);
    });
  }
});
