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
