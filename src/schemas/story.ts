/** The content model of a story; cross-field rules are in `crossCheck`, rules on the MDX body in src/checks/. */
import { z } from 'astro/zod';
import { isAfter, parseIsoDate, startOf, todayIso } from '../lib/dates.ts';
import { ID_PATTERN, pageOwnerOf } from '../lib/ids.ts';
import { knownTopics } from '../lib/topics.ts';
import { formatValue } from '../lib/problems.ts';
import { issueToProblems } from './errors.ts';

export const idSchema = z
  .string({ error: 'is not an id | write an id of lowercase letters, digits and hyphens, like "cnbc-memo"' })
  .regex(ID_PATTERN, { error: 'is not a valid id | use only lowercase letters, digits and hyphens, like "cnbc-memo"' });

const text = (what: string) =>
  z.string({ error: `is not text | write ${what}` }).trim().min(1, { error: `is empty | write ${what}` });

const sourceIdsSchema = z
  .array(idSchema, { error: 'is not a list of source ids | write the ids in brackets, like [cnbc-memo]' })
  .min(1, { error: 'lists no source | add the id of at least one source' });

export const isoDateSchema = z.preprocess(
  // Astro's YAML parser turns unquoted dates into Dates; check:content reads YAML without that, so 2026-02-30 is caught there.
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
  .string({ error: 'is not a date string | write the date in quotes, as "YYYY-MM-DD"' })
  .superRefine((value, ctx) => {
    const d = parseIsoDate(value);
    if (!d) {
      const message = /^\d{4}(-\d{2}){0,2}$/.test(value)
        ? 'is not a real calendar date | check the month (01–12) and the day of that month'
        : 'is not a date | write it as "YYYY-MM-DD" ("YYYY-MM" or "YYYY" for a month or a year)';
      return ctx.addIssue({ code: 'custom', input: value, message });
    }
    if (isAfter(d, new Date())) {
      ctx.addIssue({ code: 'custom', input: value, message: `is after today (${todayIso()}) | a story cannot report the future: check the year and month` });
    }
  }),
);

/** `http:`, `javascript:`, `data:` and the rest are refused. */
export const httpsUrlSchema = z
  .string({ error: 'is not a web address | write the page\'s full https:// address' })
  .superRefine((value, ctx) => {
    const url = URL.parse(value);
    if (!url || url.protocol !== 'https:' || !url.hostname.includes('.')) {
      const message = 'is not an https:// web address | use the page\'s canonical https:// address (http:, javascript: and data: are refused)';
      ctx.addIssue({ code: 'custom', input: value, message });
    }
  });

/** A misspelled field ("quote:" for "quotes:") is reported instead of silently dropped. */
function fields<T extends z.core.$ZodLooseShape>(what: string, shape: T) {
  const names = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `is not a field of ${what} | check its spelling or remove it (${what} has: ${names})`
        : `is not ${what} | write ${what} as "name: value" lines`,
  });
}

export const SOURCE_KINDS = { primary: 'Company statement', report: 'News report', analysis: 'Analysis' } as const;

export const sourceSchema = fields('a source', {
  id: idSchema,
  kind: z.enum(['primary', 'report', 'analysis'], { error: 'is not a kind of source | write primary (the party’s own statement), report (news reporting) or analysis' }),
  publisher: text('the publisher'),
  title: text('the exact title of the source'),
  url: httpsUrlSchema,
  published: isoDateSchema,
  note: text('a note').optional(),
  /** Each becomes a deep link (text fragment). */
  quotes: z.array(text('the quoted words'), { error: 'is not a list | put each quote on its own "- " line' }).optional(),
});

export const timelineEntrySchema = fields('a timeline entry', {
  /** By convention "<date>-<what>": "2026-02-27-amazon-deal". */
  id: idSchema,
  date: isoDateSchema,
  precision: z.enum(['day', 'month', 'year'], { error: 'is not a precision | write day, month or year' }),
  title: text('a short title'),
  text: text('one or two sentences'),
  sources: sourceIdsSchema,
});

export const figureSchema = fields('a key figure', { label: text('a label'), value: text('the value'), sources: sourceIdsSchema });

export const termSchema = fields('a term', {
  id: idSchema,
  term: text('the term'),
  /** In the newsroom's words, saying only what the sources say. */
  definition: text('a one-sentence definition').optional(),
  definedBy: z.literal('none', { error: 'is not "none" | write definedBy: none when the sources do not define the term, or give a definition' }).optional(),
  note: text('a note').optional(),
  sources: sourceIdsSchema,
});

export const changeSchema = fields('a change', {
  id: idSchema,
  date: isoDateSchema,
  kind: z.enum(['update', 'correction'], { error: 'is not a kind of change | write update or correction' }),
  text: text('what changed'),
});

export const storyFields = fields('a story', {
  /** At most 54 characters, so the page title (" · The Explainer" added) fits search results and tabs. */
  title: text('a title').max(54, { error: 'is longer than 54 characters | shorten the headline; the dek says the rest' }),
  dek: text('a dek (one sentence under the title)').max(200, { error: 'is longer than 200 characters | keep it to one sentence; the short version says the rest' }),
  published: isoDateSchema,
  updated: isoDateSchema.optional(),
  /** One to four topic ids, each a file of content/topics/ (a draft may have none yet). */
  topics: z.array(idSchema, { error: 'is not a list of topic ids | write the ids in brackets, like [openai, cloud-computing]' }).max(4, { error: 'names more than four topics | keep the one to four the story is most about' }).optional(),
  sources: z.array(sourceSchema, { error: 'is not a list | list the sources as "- id: …" entries' }).min(1, { error: 'is empty | list every source the story cites' }),
  timeline: z.array(timelineEntrySchema, { error: 'is not a list | list the events as "- id: …" entries' }).default([]),
  figures: z.array(figureSchema, { error: 'is not a list | list the figures as "- label: …" entries' }).default([]),
  terms: z.array(termSchema, { error: 'is not a list | list the terms as "- id: …" entries' }).default([]),
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

/** Runs even when some fields are wrong (see `when` below), so every problem is reported in one run: reads defensively. */
export function crossCheck(data: StoryFields, ctx: Ctx): void {
  const issue = (path: (string | number)[], input: unknown, message: string) => ctx.addIssue({ code: 'custom', path, input, message });
  const claim = (seen: Set<string>, id: string | undefined, path: (string | number)[], plural: string, each: string) => {
    if (id === undefined) return;
    if (seen.has(id)) issue(path, id, `is used by two ${plural} | give each ${each} its own id`);
    seen.add(id);
  };
  const sourceIds = new Set<string>();
  entries<Source>(data.sources).forEach((s, i) => claim(sourceIds, str(s.id), ['sources', i, 'id'], 'sources', 'source'));
  const known = [...sourceIds].join(', ');
  const checkRefs = (ids: unknown, path: (string | number)[]) => {
    if (!Array.isArray(data.sources) || !Array.isArray(ids)) return;
    ids.forEach((id, k) => typeof id === 'string' && !sourceIds.has(id) && issue([...path, k], id, `is not a source of this story | use one of: ${known}`));
  };

  const entryIds = new Set<string>();
  let previous: { start: number; date: string } | null = null;
  entries<TimelineEntry>(data.timeline).forEach((e, i) => {
    const id = str(e.id);
    const owner = id === undefined ? undefined : pageOwnerOf(id);
    if (owner) issue(['timeline', i, 'id'], id, `is taken by ${owner} | give the entry an id like "2026-02-27-amazon-deal"`);
    claim(entryIds, id, ['timeline', i, 'id'], 'timeline entries', 'entry');
    checkRefs(e.sources, ['timeline', i, 'sources']);
    const date = str(e.date);
    const d = date === undefined ? null : parseIsoDate(date);
    if (!date || !d) return;
    if (d.precision !== e.precision && (e.precision === 'day' || e.precision === 'month' || e.precision === 'year')) {
      const written = e.precision === 'day' ? '"YYYY-MM-DD"' : e.precision === 'month' ? '"YYYY-MM"' : '"YYYY"';
      issue(['timeline', i, 'date'], date, `gives a ${d.precision} but precision is "${e.precision}" | write the date as ${written} or change precision`);
    }
    const start = startOf(d);
    if (previous && start < previous.start) issue(['timeline', i, 'date'], date, `comes before the previous entry (${previous.date}) | list timeline entries oldest first`);
    previous = { start, date };
  });
  entries<Figure>(data.figures).forEach((f, i) => checkRefs(f.sources, ['figures', i, 'sources']));
  const termIds = new Set<string>();
  entries<Term>(data.terms).forEach((t, i) => {
    checkRefs(t.sources, ['terms', i, 'sources']);
    claim(termIds, str(t.id), ['terms', i, 'id'], 'terms', 'term');
    if (t.definition === undefined && t.definedBy === undefined) {
      issue(['terms', i, 'term'], t.term, 'has no definition | give a one-sentence definition from the sources, or write definedBy: none when they name the term without defining it');
    } else if (t.definition !== undefined && t.definedBy !== undefined) {
      issue(['terms', i, 'definedBy'], t.definedBy, 'is given beside a definition | keep the definition, or remove it and keep definedBy: none');
    }
  });
  const changeIds = new Set<string>();
  entries<Change>(data.changes).forEach((c, i) => claim(changeIds, str(c.id), ['changes', i, 'id'], 'changes', 'change'));

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
    issue(['updated'], updatedText, `is before published (${publishedText}) | set updated on or after the published date`);
  }
  const lastDay = updated ?? published;
  entries<Change>(data.changes).forEach((c, i) => {
    const d = str(c.date) ? parseIsoDate(str(c.date)!) : null;
    if (d && lastDay && startOf(d) > startOf(lastDay)) {
      issue(['changes', i, 'date'], c.date, `is after the story’s updated date (${updatedText ?? publishedText}) | set updated to the date of the latest change`);
    }
  });
}

// `when`: run the cross-field rules even when a field failed, so one run reports everything.
export const storySchema = storyFields.superRefine(crossCheck, { when: () => true });

export type Story = z.output<typeof storySchema>;
export type Source = Story['sources'][number];
export type TimelineEntry = Story['timeline'][number];
export type Figure = Story['figures'][number];
export type Term = Story['terms'][number];
export type Change = Story['changes'][number];

/** The same rules, each problem reported under its field's name with check:content's wording (Astro's loader prints it). */
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
