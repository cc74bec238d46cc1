/**
 * TIMEX3-style calendar values. A value carries its own precision: `2025-08-07` (day),
 * `2025-08` (month), `2025-W33` (week), `2025-Q3` (quarter), `2025` (year), `2025-08-07T14:30`
 * (minute). We never invent a day for a month-precision date.
 */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A normalised TIMEX3 value string, e.g. `2025-08-07`, `2025-W33`, `P3D`, `PAST_REF`. */
export type TimexValue = string;

export type DatePrecision = 'year' | 'half' | 'quarter' | 'season' | 'month' | 'week' | 'day' | 'hour' | 'minute';

/** Precision of a calendar TIMEX3 value, or null for values that are not calendar points (P3D, PAST_REF). */
export function precisionOf(value: TimexValue): DatePrecision | null {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return 'minute';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}$/.test(value)) return 'hour';
  if (/^\d{4}-\d{2}-\d{2}(T(MO|AF|EV|NI|DT))?$/.test(value)) return 'day';
  if (/^\d{4}-W\d{2}(-WE)?$/.test(value)) return 'week';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}-(SP|SU|FA|WI)$/.test(value)) return 'season';
  if (/^\d{4}-Q\d$/.test(value)) return 'quarter';
  if (/^\d{4}-H\d$/.test(value)) return 'half';
  if (/^\d{4}$/.test(value)) return 'year';
  return null;
}

/** First and last calendar day (inclusive ISO dates) of the interval a TIMEX3 calendar value covers. */
export interface CalendarSpan {
  first: string;
  last: string;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** Start month (1-based) of each season: spring March–May, …, winter December–February. */
const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** Monday of ISO week 1 of ISO year `y` (the week holding 4 January). */
function week1Monday(y: number): number {
  const jan4 = Date.UTC(y, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
}

/** Months `from`..`to` (1-based, inclusive; `to` may pass 12 for winter) of year `y`. */
function months(y: number, from: number, to: number): CalendarSpan {
  return { first: isoDay(Date.UTC(y, from - 1, 1)), last: isoDay(Date.UTC(y, to, 1) - DAY_MS) };
}

/**
 * The first and last day of the calendar interval a TIMEX3 value covers (`2025-08` → 08-01..08-31,
 * `2025-W33` → its Monday..Sunday, `2025-W33-WE` → its Saturday..Sunday, times → their day), or
 * null for non-calendar values (P3D, PAST_REF) and values naming no real date (`2025-13`,
 * `2025-02-30`, `2025-W53` in a 52-week year, `2025-Q5`).
 */
export function calendarSpan(value: TimexValue): CalendarSpan | null {
  const p = precisionOf(value);
  if (!p) return null;
  const y = Number(value.slice(0, 4));
  switch (p) {
    case 'minute':
    case 'hour':
    case 'day': {
      const day = value.slice(0, 10);
      const m = Number(value.slice(5, 7));
      // Date.UTC rolls 2025-02-30 over into March: a real date reads back the same.
      if (m < 1 || isoDay(Date.UTC(y, m - 1, Number(value.slice(8, 10)))) !== day) return null;
      return { first: day, last: day };
    }
    case 'week': {
      const w = Number(value.slice(6, 8));
      const weeks = (week1Monday(y + 1) - week1Monday(y)) / (7 * DAY_MS);
      if (w < 1 || w > weeks) return null;
      const monday = week1Monday(y) + (w - 1) * 7 * DAY_MS;
      return { first: isoDay(monday + (value.endsWith('-WE') ? 5 * DAY_MS : 0)), last: isoDay(monday + 6 * DAY_MS) };
    }
    case 'month': {
      const m = Number(value.slice(5, 7));
      return m >= 1 && m <= 12 ? months(y, m, m) : null;
    }
    case 'quarter': {
      const q = Number(value.slice(6, 7));
      return q >= 1 && q <= 4 ? months(y, q * 3 - 2, q * 3) : null;
    }
    case 'half': {
      const h = Number(value.slice(6, 7));
      return h >= 1 && h <= 2 ? months(y, h * 6 - 5, h * 6) : null;
    }
    case 'season': {
      const s = SEASON_START[value.slice(5, 7)] ?? 1;
      return months(y, s, s + 2);
    }
    case 'year':
      return months(y, 1, 12);
  }
}

const FILTER_SHAPE = /^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|Q(\d)))?$/;
/** The calendar values a date filter (`--from`/`--to`, `?from=`/`?to=`) accepts, for help and error text. */
export const DATE_SHAPES = 'YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www or YYYY-Qn';

/**
 * The first and last calendar day of a date-filter value (`2025`, `2025-08`, `2025-08-07`,
 * `2025-W33`, `2025-Q3`), or null when it is no such value or names no real date (`2025-13`,
 * `2025-02-30`, `2025-W54`). The one parser of the CLI's and the web's date filters.
 */
export function calendarRange(value: string): CalendarSpan | null {
  return FILTER_SHAPE.test(value) ? calendarSpan(value) : null;
}
