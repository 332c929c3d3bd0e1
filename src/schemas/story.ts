/**
 * The content model of a story: the one place its shape is written down.
 * Everything else (pages, components, checks) is typed from `Story`.
 *
 * Field-level rules live on the fields; rules that relate fields to each
 * other (ids exist, ids unique, timeline order) live in `crossCheck`.
 * Rules that need the MDX body (citations, the content lint) live in
 * `src/integrations/remark-story.ts`.
 */
import { z } from 'astro/zod';
import { isAfter, parseIsoDate, startOf, todayIso } from '../lib/dates.ts';
import { ID_PATTERN, pageOwnerOf } from '../lib/ids.ts';
import { knownTopics } from '../lib/topics.ts';
import { formatValue } from '../lib/problems.ts';
import { issueToProblems } from './errors.ts';

/** A lowercase id usable as a URL fragment: "cnbc-memo", "2026-02-27-amazon-deal". */
export const idSchema = z
  .string({ error: 'is not an id | write an id of lowercase letters, digits and hyphens, like "cnbc-memo"' })
  .regex(ID_PATTERN, {
    error: 'is not a valid id | use only lowercase letters, digits and hyphens, like "cnbc-memo"',
  });

/** Non-empty text after trimming. */
const text = (what: string) =>
  z.string({ error: `is not text | write ${what}` }).trim().min(1, { error: `is empty | write ${what}` });

/** An ISO date ("YYYY", "YYYY-MM" or "YYYY-MM-DD") that exists on the calendar and is not in the future. */
export const isoDateSchema = z.preprocess(
  // Astro's YAML parser turns unquoted dates into Date objects; take them back to ISO text.
  // (`npm run check:content` and the build's pre-check read YAML without that conversion,
  // so an impossible unquoted date such as 2026-02-30 is still caught there.)
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
  .string({ error: 'is not a date string | write the date in quotes, as "YYYY-MM-DD"' })
  .superRefine((value, ctx) => {
    const d = parseIsoDate(value);
    if (!d) {
      ctx.addIssue({
        code: 'custom',
        input: value,
        message: /^\d{4}(-\d{2}){0,2}$/.test(value)
          ? 'is not a real calendar date | check the month (01–12) and the day of that month'
          : 'is not a date | write it as "YYYY-MM-DD" ("YYYY-MM" or "YYYY" for a month or a year)',
      });
      return;
    }
    if (isAfter(d, new Date())) {
      ctx.addIssue({
        code: 'custom',
        input: value,
        message: `is after today (${todayIso()}) | a story cannot report the future: check the year and month`,
      });
    }
  }),
);

/** An absolute https: URL. `http:`, `javascript:`, `data:` and the rest are refused. */
export const httpsUrlSchema = z
  .string({ error: 'is not a web address | write the page\'s full https:// address' })
  .superRefine((value, ctx) => {
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      /* handled below */
    }
    if (!url || url.protocol !== 'https:' || !url.hostname.includes('.')) {
      ctx.addIssue({
        code: 'custom',
        input: value,
        message: 'is not an https:// web address | use the page\'s canonical https:// address (http:, javascript: and data: are refused)',
      });
    }
  });

/**
 * An object whose fields are all known: a misspelled field ("quote:" for
 * "quotes:", "upated:") is reported instead of being silently dropped.
 */
function fields<T extends z.core.$ZodLooseShape>(what: string, shape: T) {
  const names = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `is not a field of ${what} | check its spelling or remove it (${what} has: ${names})`
        : `is not ${what} | write ${what} as "name: value" lines`,
  });
}

/** What a source is, as the sources footer groups them and the printed endnotes name them. */
export const SOURCE_KINDS = {
  /** The party's own statement, filing or announcement. */
  primary: 'Company statement',
  /** A news organisation's reporting. */
  report: 'News report',
  /** Analysis or commentary by others. */
  analysis: 'Analysis',
} as const;

/** One source in the story's ledger. */
export const sourceSchema = fields('a source', {
  /** Stable id used by citations and by the `#source-<id>` anchor. */
  id: idSchema,
  /** primary (the party's own statement, filing or announcement), report (news reporting) or analysis. */
  kind: z.enum(['primary', 'report', 'analysis'], { error: 'is not a kind of source | write primary (the party’s own statement), report (news reporting) or analysis' }),
  /** Who published it, as readers know them: "CNBC". */
  publisher: text('the publisher'),
  /** The page's exact title. */
  title: text('the exact title of the source'),
  /** Canonical https URL of the page. */
  url: httpsUrlSchema,
  /** Date the source was published, "YYYY-MM-DD". */
  published: isoDateSchema,
  /** Optional one-line note shown under the source. */
  note: text('a note').optional(),
  /** Exact words the story quotes from this source; each becomes a deep link (text fragment). */
  quotes: z.array(text('the quoted words'), { error: 'is not a list | put each quote on its own "- " line' }).optional(),
});

/** One dated event on the timeline. */
export const timelineEntrySchema = fields('a timeline entry', {
  /** Stable anchor id, by convention "<date>-<what>": "2026-02-27-amazon-deal". */
  id: idSchema,
  /** ISO date written at its precision: "2026-02-27", "2026-03" or "2025". */
  date: isoDateSchema,
  /** How exact the date is: day, month or year. Must match how `date` is written. */
  precision: z.enum(['day', 'month', 'year'], { error: 'is not a precision | write day, month or year' }),
  /** A short title for the event. */
  title: text('a short title'),
  /** One or two sentences on what happened. */
  text: text('one or two sentences'),
  /** Ids of the sources that support this entry. */
  sources: z
    .array(idSchema, { error: 'is not a list of source ids | write the ids in brackets, like [cnbc-memo]' })
    .min(1, { error: 'lists no source | add the id of at least one source' }),
});

/** One number or fact that stands out. */
export const figureSchema = fields('a key figure', {
  /** What the figure is: "Amazon's investment, at most". */
  label: text('a label'),
  /** The figure itself: "$50 billion". */
  value: text('the value'),
  /** Ids of the sources that support it. */
  sources: z
    .array(idSchema, { error: 'is not a list of source ids | write the ids in brackets, like [cnbc-memo]' })
    .min(1, { error: 'lists no source | add the id of at least one source' }),
});

/** A term a reader may not know, defined from the sources, or marked as one they name without defining. */
export const termSchema = fields('a term', {
  /** Anchor id: the list entry is `#term-<id>`; the body writes <Term id="…">words</Term>. */
  id: idSchema,
  /** The term as readers meet it: "OpenAI Frontier". */
  term: text('the term'),
  /** One sentence in the newsroom's words, saying only what the sources say. */
  definition: text('a one-sentence definition').optional(),
  /** `none` when the sources name the term but do not define it (instead of a definition). */
  definedBy: z.literal('none', { error: 'is not "none" | write definedBy: none when the sources do not define the term, or give a definition' }).optional(),
  /** With definedBy: none, optionally what the sources do say about it. */
  note: text('a note').optional(),
  /** Ids of the sources that define (or name) it. */
  sources: z
    .array(idSchema, { error: 'is not a list of source ids | write the ids in brackets, like [cnbc-memo]' })
    .min(1, { error: 'lists no source | add the id of at least one source' }),
});

/** One entry in "Updates and corrections". */
export const changeSchema = fields('a change', {
  /** Anchor id, `#change-<id>`: by convention "<date>-<what>". */
  id: idSchema,
  /** When the change was published, "YYYY-MM-DD". */
  date: isoDateSchema,
  /** update (new facts or a rewrite) or correction (something was wrong). */
  kind: z.enum(['update', 'correction'], { error: 'is not a kind of change | write update or correction' }),
  /** What changed, in one or two sentences. */
  text: text('what changed'),
});

/** Frontmatter of a story, before cross-field checks. */
export const storyFields = fields('a story', {
  /** The headline: the news in a few words; at most 54 characters, so the page title (" · The Explainer" added) fits search results and tabs. */
  title: text('a title').max(54, { error: 'is longer than 54 characters | shorten the headline; the dek says the rest' }),
  /** One sentence under the headline; also the page's description. */
  dek: text('a dek (one sentence under the title)').max(200, { error: 'is longer than 200 characters | keep it to one sentence; the short version says the rest' }),
  /** First publication, "YYYY-MM-DD". */
  published: isoDateSchema,
  /** Last substantive update, "YYYY-MM-DD"; defaults to `published`. */
  updated: isoDateSchema.optional(),
  /** One to four topic ids, each a file of content/topics/ (a draft may have none yet). */
  topics: z.array(idSchema, { error: 'is not a list of topic ids | write the ids in brackets, like [openai, cloud-computing]' }).max(4, { error: 'names more than four topics | keep the one to four the story is most about' }).optional(),
  /** The source ledger: every source the story cites, each cited at least once. */
  sources: z.array(sourceSchema, { error: 'is not a list | list the sources as "- id: …" entries' }).min(1, { error: 'is empty | list every source the story cites' }),
  /** Dated events, oldest first. */
  timeline: z.array(timelineEntrySchema, { error: 'is not a list | list the events as "- id: …" entries' }).default([]),
  /** Key figures shown beside the story. */
  figures: z.array(figureSchema, { error: 'is not a list | list the figures as "- label: …" entries' }).default([]),
  /** Terms explained in the "Terms" list, each used in the body as <Term id="…">. */
  terms: z.array(termSchema, { error: 'is not a list | list the terms as "- id: …" entries' }).default([]),
  /** Updates and corrections, oldest first; the latest is named beside the updated date. */
  changes: z.array(changeSchema, { error: 'is not a list | list the changes as "- id: …" entries' }).default([]),
  /** true while the story is being written: the dev server shows it with a "Draft" banner, a build leaves it out, and it may keep the new-story template's placeholders. */
  draft: z.boolean({ error: 'is not true or false | write draft: true while the story is being written, or remove the line' }).optional(),
  /** Why the short version has no "The other side" part: "none — no party contests this". */
  otherSide: z.string({ error: 'is not text | write why there is no other side, as "none — …"' }).regex(/^none\b/, { error: 'does not start with "none" | write otherSide: none — and why no party’s view is given' }).optional(),
});

export type StoryFields = z.output<typeof storyFields>;

type Ctx = { addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string; input?: unknown }) => void };

const entries = <T>(v: unknown): Partial<T>[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'object' && x !== null) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Rules that relate fields to each other. Reported as issues with a path and the bad value.
 * It also runs when some fields are wrong (see `when` below), so that every
 * problem in a file is reported in one run; it reads the data defensively.
 */
export function crossCheck(data: StoryFields, ctx: Ctx): void {
  const sourceIds = new Set<string>();
  entries<Source>(data.sources).forEach((s, i) => {
    const id = str(s.id);
    if (id === undefined) return;
    if (sourceIds.has(id)) {
      ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], input: id, message: 'is used by two sources | give each source its own id' });
    }
    sourceIds.add(id);
  });
  const known = [...sourceIds].join(', ');
  // Without a list of sources there is nothing to check references against (that is reported on its own).
  const checkRefs = (ids: unknown, path: (string | number)[]) => {
    if (!Array.isArray(data.sources) || !Array.isArray(ids)) return;
    ids.forEach((id, k) => {
      if (typeof id === 'string' && !sourceIds.has(id)) {
        ctx.addIssue({ code: 'custom', path: [...path, k], input: id, message: `is not a source of this story | use one of: ${known}` });
      }
    });
  };

  const entryIds = new Set<string>();
  let previous: { start: number; date: string } | null = null;
  entries<TimelineEntry>(data.timeline).forEach((e, i) => {
    const id = str(e.id);
    const owner = id === undefined ? undefined : pageOwnerOf(id);
    if (owner) {
      ctx.addIssue({ code: 'custom', path: ['timeline', i, 'id'], input: id, message: `is taken by ${owner} | give the entry an id like "2026-02-27-amazon-deal"` });
    }
    if (id !== undefined && entryIds.has(id)) {
      ctx.addIssue({ code: 'custom', path: ['timeline', i, 'id'], input: id, message: 'is used by two timeline entries | give each entry its own id' });
    }
    if (id !== undefined) entryIds.add(id);
    checkRefs(e.sources, ['timeline', i, 'sources']);
    const date = str(e.date);
    const d = date === undefined ? null : parseIsoDate(date);
    if (!date || !d) return;
    if (d.precision !== e.precision && (e.precision === 'day' || e.precision === 'month' || e.precision === 'year')) {
      ctx.addIssue({
        code: 'custom',
        path: ['timeline', i, 'date'],
        input: date,
        message: `gives a ${d.precision} but precision is "${e.precision}" | write the date as ${
          e.precision === 'day' ? '"YYYY-MM-DD"' : e.precision === 'month' ? '"YYYY-MM"' : '"YYYY"'
        } or change precision`,
      });
    }
    const start = startOf(d);
    if (previous && start < previous.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['timeline', i, 'date'],
        input: date,
        message: `comes before the previous entry (${previous.date}) | list timeline entries oldest first`,
      });
    }
    previous = { start, date };
  });
  entries<Figure>(data.figures).forEach((f, i) => checkRefs(f.sources, ['figures', i, 'sources']));
  const termIds = new Set<string>();
  entries<Term>(data.terms).forEach((t, i) => {
    checkRefs(t.sources, ['terms', i, 'sources']);
    const id = str(t.id);
    if (id !== undefined && termIds.has(id)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'id'], input: id, message: 'is used by two terms | give each term its own id' });
    if (id !== undefined) termIds.add(id);
    if (t.definition === undefined && t.definedBy === undefined) {
      ctx.addIssue({ code: 'custom', path: ['terms', i, 'term'], input: t.term, message: 'has no definition | give a one-sentence definition from the sources, or write definedBy: none when they name the term without defining it' });
    } else if (t.definition !== undefined && t.definedBy !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['terms', i, 'definedBy'], input: t.definedBy, message: 'is given beside a definition | keep the definition, or remove it and keep definedBy: none' });
    }
  });
  const changeIds = new Set<string>();
  entries<Change>(data.changes).forEach((c, i) => {
    const id = str(c.id);
    if (id !== undefined && changeIds.has(id)) ctx.addIssue({ code: 'custom', path: ['changes', i, 'id'], input: id, message: 'is used by two changes | give each change its own id' });
    if (id !== undefined) changeIds.add(id);
  });

  const topics = knownTopics();
  if (data.draft !== true && !(Array.isArray(data.topics) && data.topics.length)) {
    ctx.addIssue({ code: 'custom', path: ['topics'], input: data.topics, message: `names no topic | add topics: [ids] with one to four of: ${topics.join(', ')}` });
  }
  (Array.isArray(data.topics) ? data.topics : []).forEach((t, i) => {
    if (typeof t === 'string' && !topics.includes(t)) ctx.addIssue({ code: 'custom', path: ['topics', i], input: t, message: `is not a topic | use one of: ${topics.join(', ')} (or add content/topics/${t}.yaml)` });
  });

  const publishedText = str(data.published);
  const updatedText = str(data.updated);
  const published = publishedText ? parseIsoDate(publishedText) : null;
  const updated = updatedText ? parseIsoDate(updatedText) : null;
  if (published && updated && startOf(updated) < startOf(published)) {
    ctx.addIssue({ code: 'custom', path: ['updated'], input: updatedText, message: `is before published (${publishedText}) | set updated on or after the published date` });
  }
  const lastDay = updated ?? published;
  entries<Change>(data.changes).forEach((c, i) => {
    const d = str(c.date) ? parseIsoDate(str(c.date)!) : null;
    if (d && lastDay && startOf(d) > startOf(lastDay)) {
      ctx.addIssue({ code: 'custom', path: ['changes', i, 'date'], input: c.date, message: `is after the story’s updated date (${updatedText ?? publishedText}) | set updated to the date of the latest change` });
    }
  });
}

/** The full frontmatter schema used by the content collection and by `npm run check:content`. */
// `when`: run the cross-field rules even when a field failed, so one run reports everything.
export const storySchema = storyFields.superRefine(crossCheck, { when: () => true });

export type Story = z.output<typeof storySchema>;
export type Source = Story['sources'][number];
export type TimelineEntry = Story['timeline'][number];
export type Figure = Story['figures'][number];
export type Term = Story['terms'][number];
export type Change = Story['changes'][number];

/**
 * The schema the content collection uses: the same rules, but each problem
 * reported under its field's name with check:content's wording, so what Astro's
 * loader prints (in the dev server's terminal) reads like every other check.
 */
export const collectionSchema = z.unknown().transform((data, ctx): Story => {
  const result = storySchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    for (const p of issueToProblems(issue, '')) {
      ctx.addIssue({ code: 'custom', path: [p.field], input: p.value, message: `${formatValue(p.value)}${p.message}. Fix: ${p.fix}` });
    }
  }
  return z.NEVER;
});
