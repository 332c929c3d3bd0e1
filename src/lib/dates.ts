/** Story dates are ISO strings at three precisions: "2025", "2026-03", "2026-02-27". */
import { LOCALE } from './site.ts';

export type Precision = 'day' | 'month' | 'year';

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parseIsoDate(value: string): PartialDate | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day, precision: 'day' };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function startOf(d: PartialDate): number {
  return Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1);
}

export function isAfter(d: PartialDate, today: Date): boolean {
  const t = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return startOf(d) > t;
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const OPTIONS: Record<Precision | 'long', Intl.DateTimeFormatOptions> = {
  day: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
  long: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
};
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, style: Precision | 'long'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  if (!formatters.has(key)) formatters.set(key, new Intl.DateTimeFormat(locale, OPTIONS[style]));
  return formatters.get(key)!;
}

/** Throws on a string that is not a real date, so a bad date can never print. */
export function formatDate(value: string, locale = LOCALE): string {
  const d = parseIsoDate(value);
  if (!d) throw new Error(`Not a real date: "${value}"`);
  return formatter(locale, d.precision).format(new Date(startOf(d)));
}

export function formatLongDate(value: string, locale = LOCALE): string {
  const d = parseIsoDate(value);
  if (!d) throw new Error(`Not a real date: "${value}"`);
  if (d.precision !== 'day') return formatDate(value, locale);
  return formatter(locale, 'long').format(new Date(startOf(d)));
}

export interface CoveredPeriod {
  start: string;
  end: string;
  /** The start to the month, the end to its own precision: "January 2025 to April 13, 2026". */
  text: string;
  iso: string;
}

export function coveredPeriod(dates: readonly string[], locale = LOCALE): CoveredPeriod | undefined {
  if (dates.length === 0) return undefined;
  const start = dates[0]!;
  const end = dates.at(-1)!;
  const s = parseIsoDate(start);
  if (!s) throw new Error(`Not a real date: "${start}"`);
  const endText = formatLongDate(end, locale);
  if (start === end) return { start, end, text: endText, iso: start };
  // The start to the month ("January 2025"), or to the day when the period is within one month.
  const sameMonth = start.slice(0, 7) === end.slice(0, 7) && s.precision === 'day';
  const startText = s.precision === 'year' ? formatDate(start, locale) : sameMonth ? formatLongDate(start, locale) : formatDate(start.slice(0, 7), locale);
  return { start, end, text: startText === endText ? endText : `${startText} to ${endText}`, iso: `${start}/${end}` };
}
