import { describe, expect, it } from 'vitest';
import { formatDate, formatLongDate, isAfter, parseIsoDate } from '../../src/lib/dates.ts';

describe('dates', () => {
  it.each([
    ['2026-02-27', 'Feb 27, 2026'],
    ['2026-03', 'March 2026'],
    ['2025', '2025'],
  ])('formats %s at its own precision as "%s"', (iso, shown) => {
    expect(formatDate(iso)).toBe(shown);
  });

  it('formats the long form for running text', () => {
    expect(formatLongDate('2026-04-12')).toBe('April 12, 2026');
    expect(formatLongDate('2026-03')).toBe('March 2026');
  });

  it.each(['2026-02-30', '2026-13-01', '2025-02-29', '2026-00-10', '26-02-27', '2026/02/27', 'March 2026'])(
    'refuses %s, which is not a real date',
    (bad) => {
      expect(parseIsoDate(bad)).toBeNull();
      expect(() => formatDate(bad)).toThrow(bad);
    },
  );

  it('accepts a leap day in a leap year', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29, precision: 'day' });
  });

  it('knows a date after today from one before', () => {
    const today = new Date('2026-11-26T12:00:00Z');
    expect(isAfter(parseIsoDate('2026-11-27')!, today)).toBe(true);
    expect(isAfter(parseIsoDate('2026-11-26')!, today)).toBe(false);
    expect(isAfter(parseIsoDate('2026-12')!, today)).toBe(true);
    expect(isAfter(parseIsoDate('2026-11')!, today)).toBe(false);
  });
});

describe('coveredPeriod', () => {
  it('runs from the first timeline date, to the month, to the last, to its day', async () => {
    const { coveredPeriod } = await import('../../src/lib/dates.ts');
    expect(coveredPeriod(['2025-01-21', '2025-10-28', '2026-04-13'])).toEqual({ start: '2025-01-21', end: '2026-04-13', text: 'January 2025 to April 13, 2026', iso: '2025-01-21/2026-04-13' });
    expect(coveredPeriod(['2026-03-01', '2026-03-22'])?.text).toBe('March 1, 2026 to March 22, 2026');
    expect(coveredPeriod(['2025', '2026-02'])?.text).toBe('2025 to February 2026');
    expect(coveredPeriod(['2026-04-13'])).toEqual({ start: '2026-04-13', end: '2026-04-13', text: 'April 13, 2026', iso: '2026-04-13' });
    expect(coveredPeriod([])).toBeUndefined();
  });
});
