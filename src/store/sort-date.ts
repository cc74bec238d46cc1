import { precisionOf, type TimexValue } from '../model/index.js';

const SEASON_MONTH: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

function iso(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** Monday of ISO week `w` of ISO year `y`. */
function isoWeekMonday(y: number, w: number): string | null {
  if (w < 1 || w > 53) return null;
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday1 = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  return new Date(monday1.getTime() + (w - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * First calendar day covered by a TIMEX3 value (`2025-08` → `2025-08-01`), for ordering and
 * range filters only — the value itself keeps its precision. Null for non-calendar values.
 */
export function sortDateOf(value: TimexValue | null | undefined): string | null {
  if (!value) return null;
  const p = precisionOf(value);
  if (!p) return null;
  const y = Number(value.slice(0, 4));
  switch (p) {
    case 'minute':
    case 'hour':
    case 'day':
      return iso(y, Number(value.slice(5, 7)), Number(value.slice(8, 10)));
    case 'week':
      return isoWeekMonday(y, Number(value.slice(6, 8)));
    case 'month':
      return iso(y, Number(value.slice(5, 7)), 1);
    case 'season':
      return iso(y, SEASON_MONTH[value.slice(5, 7)] ?? 1, 1);
    case 'quarter':
      return iso(y, (Number(value.slice(6, 7)) - 1) * 3 + 1, 1);
    case 'half':
      return iso(y, value.slice(6, 7) === '2' ? 7 : 1, 1);
    case 'year':
      return iso(y, 1, 1);
  }
}
