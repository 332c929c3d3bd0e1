/** Synthetic stories, the same every run (seeded); the floor variant has the plugins' work done in advance (<Cite refs>, no <Anchor>). */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { numberCitations, toRefs } from '../src/lib/citations.ts';

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof rng>;

// Prose that gzips about as well as real news copy.
const FUNCTION_WORDS = 'the of and to a in that is for on with as was at by from it its has have said would be an are which this but or not their had were will also than more after over about into'.split(' ');
const WORDS = (
  'company companies plan plans customers cloud services market markets regulators regulator countries deal deals partner partners ' +
  'partnership control revenue business contracts contract quarter quarters executives staff memo internal providers provider ' +
  'enterprises budgets computing talks negotiations guarantees pricing data access right products filings filing reporters ' +
  'agreement conditions investment investments timing board seats intellectual property jointly developed analysts growth models ' +
  'model chips chip supply suppliers capacity servers server centers center energy power costs cost billion million percent shares ' +
  'stock investors investor fund funding round valuation valued founder founders chief officer president spokesperson statement ' +
  'statements announcement announced reported report reports according people familiar matter declined comment confirmed denied ' +
  'described called argued warned expected planned agreed signed ended started launched released opened closed moved shifted ' +
  'changed cut raised lowered doubled tripled reached passed exceeded missed failed succeeded won lost sued settled appealed ruled ' +
  'judge court lawsuit complaint antitrust competition competitor competitors rival rivals share exclusive license licensing rights ' +
  'terms clause clauses provision provisions year years month months week weeks day days earlier later since until before during ' +
  'while although because however instead despite among between within across without under against toward through largest biggest ' +
  'smaller smallest first second third final new old former current next last recent early late public private federal national ' +
  'global regional local european american chinese british indian japanese technology software hardware platform platforms service ' +
  'tools tool system systems network networks research researchers engineers engineering team teams group groups unit units ' +
  'division divisions office offices headquarters employees workers hiring layoffs jobs users subscribers accounts traffic demand ' +
  'sales orders shipments prices price inflation rates rate interest loans debt bonds cash profit profits losses loss margin ' +
  'margins forecast forecasts guidance outlook estimate estimates figure figures number numbers total half quarterly annual monthly ' +
  'daily weekly record records history decade decades policy policies rules rule law laws bill bills vote votes lawmakers ' +
  'government governments ministry agency agencies commission officials official minister ministers senator senators security ' +
  'privacy safety risk risks concerns concern questions question answer answers review reviews investigation inquiry probe audit ' +
  'documents document letter letters email emails meeting meetings conference call calls interview interviews speech remarks ' +
  'testimony hearing hearings'
).split(' ');
const NAMES = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Adatum', 'Proseware', 'Wingtip', 'Lucerne', 'Fourth Coffee'];
const PUBLISHERS = ['Reuters', 'Associated Press', 'Financial Times', 'Bloomberg', 'The Verge', 'CNBC', 'Axios', 'Northwind', 'Securities filing', 'Court record'];
const SECTIONS = ['What happened', 'The deal', 'The background', 'Who is involved', 'What we don’t know', 'Where accounts differ', 'What comes next', 'The money'];
const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

/** The bench's 40 topics (writeTopics writes their files; a build of these stories sets TOPICS_DIR to that folder). */
export const BENCH_TOPICS = WORDS.filter((w) => w.length > 7).slice(0, 40);
export function writeTopics(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const t of BENCH_TOPICS) writeFileSync(path.join(dir, `${t}.yaml`), `name: ${t.charAt(0).toUpperCase() + t.slice(1)}\ndescription: Synthetic explainers about ${t}.\n`);
}

/** A made-up word only story i has ("Kavaabf" for 15), for a search that finds one story. */
export const searchWord = (i: number) => `Kav${[...String(i).padStart(4, '0')].map((d) => 'abcdefghij'[Number(d)]).join('')}`;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const pad = (n: number) => String(n).padStart(2, '0');

function phrase(r: Rng, n: number): string {
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const x = r.next();
    out.push(x < 0.06 ? r.pick(NAMES) : x < 0.46 ? r.pick(FUNCTION_WORDS) : r.pick(WORDS));
  }
  return out.join(' ');
}
function sentence(r: Rng, lo = 13, hi = 20): string {
  const words = phrase(r, r.int(lo, hi)).split(' ');
  const at = r.int(3, words.length - 3);
  if (r.next() < 0.3) words.splice(at, 0, `$${r.int(2, 90)} billion`);
  else if (r.next() < 0.2) words.splice(at, 0, `${r.int(5, 70)}%`);
  return `${cap(words.join(' '))}.`;
}

const CITE = '\u0000C:';
const END = '\u0000';
const ANCHOR = '\u0000A:';

export interface SyntheticStory {
  slug: string;
  mdx: string;
  floorMdx: string;
}

export interface StorySize {
  /** Roughly (within about 60); default: 5 sections, about 1,500. */
  words?: number;
  sources?: number;
  timeline?: number;
}

export function syntheticStory(i: number, size: StorySize = {}): SyntheticStory {
  const r = rng(i + 1);
  const slug = `bench-story-${String(i).padStart(4, '0')}`;
  // 8 sources by default: the printed brief's cap (PRINT_CAPS in src/checks/rules.ts).
  const publishers = Array.from({ length: size.sources ?? 8 }, (_, k) => PUBLISHERS[k] ?? `Newswire ${k + 1}`);
  const sources = publishers.map((publisher, k) => ({
    kind: k < 7 ? 'report' : 'primary',
    id: `${publisher.toLowerCase().replace(/[^a-z]+/g, '-').replace(/-$/, '')}-${k + 1}`,
    publisher,
    title: cap(phrase(r, r.int(6, 11))),
    url: `https://www.example-${k + 1}.com/2025/${pad((k % 12) + 1)}/${slug}-${k + 1}.html`,
    published: `2025-${pad((k % 12) + 1)}-${pad(r.int(1, 28))}`,
    note: k === 7 ? 'A regulatory filing; figures are as the company reported them.' : undefined,
    quotes: k < 2 ? [phrase(r, 5)] : undefined,
  }));
  const ids = sources.map((s) => s.id);
  const cite = (...extra: string[]) => {
    const set = new Set([r.pick(ids), ...extra]);
    if (r.next() < 0.3) set.add(r.pick(ids));
    return `${CITE}${[...set].join(' ')}${END}`;
  };

  const days = (size.timeline ?? 8) - 2;
  const timeline = [
    { date: '2022', precision: 'year' },
    { date: `2023-${r.pick(MONTHS)}`, precision: 'month' },
    ...(size.timeline === undefined
      ? [0, 1, 2, 3, 4, 5].map((k) => ({ date: `${k < 3 ? 2024 : 2025}-${pad(2 * (k % 3) + r.int(1, 2))}-${pad(r.int(1, 28))}`, precision: 'day' }))
      : Array.from({ length: days }, (_, k) => ({ date: `2024-${pad(Math.floor((k * 12) / days) + 1)}-${pad((k % 2) * 14 + 1)}`, precision: 'day' }))),
  ].map((e, k, all) => ({
    id: `${e.date}-event-${k + 1}`,
    date: e.date,
    precision: e.precision,
    title: cap(phrase(r, r.int(4, 6))).slice(0, 60).trim(),
    text: sentence(r, 16, 24),
    // Every source is cited somewhere, however many there are.
    sources: [...new Set([ids[k % ids.length]!, ...(k % 3 === 0 ? [ids[(k + 4) % ids.length]!] : []), ...ids.slice(all.length).filter((_, j) => j % all.length === k)])],
  }));
  const figures = [0, 1, 2, 3].map((k) => ({
    label: cap(phrase(r, r.int(4, 8))),
    value: k % 2 ? `${r.int(5, 95)}%` : `$${r.int(2, 90)} billion`,
    sources: [ids[(k * 3) % ids.length]!],
  }));

  const paragraph = (extra: string[] = []) => `${sentence(r)} ${sentence(r)} ${sentence(r)} ${cite(...extra)}`;
  const item = (lead?: string) => `- ${lead ? `**${lead}** ` : ''}${sentence(r, 16, 24)} ${cite()}`;
  const shuffled = [...SECTIONS].sort(() => r.next() - 0.5);
  const sections = size.words === undefined ? 5 : Math.max(1, Math.round((size.words - 60) / 290));
  const heads = Array.from({ length: sections }, (_, k) => `${shuffled[k % shuffled.length]!}${k >= shuffled.length ? ` ${Math.floor(k / shuffled.length) + 1}` : ''}`);
  const blocks: string[] = [
    `## The short version ${ANCHOR}the-short-version summary${END}`,
    ...([['What happened', false], ['Why it matters', true], ['The other side', false], ['What to watch', true]] as const).map(
      ([label, analysis]) => `<Part label="${label}"${analysis ? ' analysis' : ''}>\n\n${label === 'What happened' ? `${searchWord(i)}: ` : ''}${sentence(r, 14, 20)}${analysis ? '' : ` ${cite()}`}\n\n</Part>`,
    ),
  ];
  heads.forEach((h, k) => {
    const id = h.toLowerCase().replace(/’/g, '').replace(/[^a-z0-9]+/g, '-');
    blocks.push(`## ${h} ${ANCHOR}${id}${k === 1 ? ` ${id}-old` : ''}${END}`);
    const paras = [paragraph([ids[(2 * k) % ids.length]!]), paragraph([ids[(2 * k + 1) % ids.length]!]), paragraph(), paragraph()];
    if (k === 0) {
      paras[0] = `${sentence(r)} ${cap(sources[0]!.publisher)} reported it as “${sources[0]!.quotes![0]}” in its account. ${cite(ids[0]!)} ${sentence(r)} _${cap(phrase(r, 6))}_, the filing says. ${cite()}`;
      paras[1] = `${sentence(r)} A spokesperson called it “${sources[1]!.quotes![0]}” when asked. ${sentence(r)} The [full filing](${sources[7]!.url}) lists the terms. ${cite(ids[1]!, ids[7]!)}`;
    }
    if (k === 2) paras.splice(2, 0, `<Analysis>\n\n${sentence(r)} ${sentence(r)} ${cite()}\n\n</Analysis>`);
    if (k === 3) paras.splice(2, 0, `### A closer look`);
    blocks.push(...paras.slice(0, 2), [item(r.pick(NAMES)), item(r.pick(NAMES)), item()].join('\n'), ...paras.slice(2));
  });
  const body = blocks.join('\n\n');

  const head = [
      '---',
      `title: "${`Synthetic story ${i}: ${cap(phrase(r, 5))}`.slice(0, 54).trim()}"`,
      `dek: ${cap(phrase(rng(i + 7), 18))}.`,
      // One to four topics, from their own generator so the rest of the story is as before.
      `topics: [${[...new Set(Array.from({ length: rng(i + 11).int(1, 4) }, (_, k) => BENCH_TOPICS[(i * 7 + k * 13) % BENCH_TOPICS.length]))].join(', ')}]`,
      `published: "2025-11-${pad((i % 28) + 1)}"`,
      `updated: "2025-12-${pad((i % 28) + 1)}"`,
      'sources:',
      ...sources.flatMap((s) => [
        `  - id: ${s.id}`,
        `    kind: ${s.kind}`,
        `    publisher: ${s.publisher}`,
        `    title: ${s.title}`,
        `    url: ${s.url}`,
        `    published: "${s.published}"`,
        ...(s.note ? [`    note: ${s.note}`] : []),
        ...(s.quotes ? ['    quotes:', ...s.quotes.map((q) => `      - ${q}`)] : []),
      ]),
      'timeline:',
      ...timeline.flatMap((e) => [
        `  - id: ${e.id}`,
        `    date: "${e.date}"`,
        `    precision: ${e.precision}`,
        `    title: ${e.title}`,
        `    text: ${e.text}`,
        `    sources: [${e.sources.join(', ')}]`,
      ]),
      'figures:',
      ...figures.flatMap((f) => [`  - label: ${f.label}`, `    value: "${f.value}"`, `    sources: [${f.sources.join(', ')}]`]),
      '---',
      '',
    ].join('\n');

  const mdx =
    head +
    body
      .replaceAll(new RegExp(`${CITE}([^${END}]*)${END}`, 'g'), '<Cite ids="$1" />')
      .replaceAll(new RegExp(`${ANCHOR}([^ ${END}]+) ?([^${END}]*)${END}`, 'g'), (_, id: string, aliases: string) =>
        aliases ? `<Anchor id="${id}" aliases="${aliases}" />` : `<Anchor id="${id}" />`,
      ) +
    '\n';

  const sites = [...body.matchAll(new RegExp(`${CITE}([^${END}]*)${END}`, 'g'))].map((m) => ({ ids: m[1]!.split(' ') }));
  const numbered = numberCitations({ body: sites.map((s) => s.ids) });
  const names = new Map(sources.map((s) => [s.id, s]));
  let n = 0;
  const floorMdx =
    head +
    body
      .replaceAll(new RegExp(`${CITE}([^${END}]*)${END}`, 'g'), () => `<Cite refs={${JSON.stringify(toRefs(numbered.groups.body[n++]!, names))}} />`)
      .replaceAll(new RegExp(` ?${ANCHOR}[^${END}]*${END}`, 'g'), '') +
    '\n';

  return { slug, mdx, floorMdx };
}

export function writeStories(dir: string, n: number, variant: 'site' | 'floor' = 'site'): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const s = syntheticStory(i);
    writeFileSync(path.join(dir, `${s.slug}.mdx`), variant === 'floor' ? s.floorMdx : s.mdx);
  }
}
