import { CliError } from './errors.js';

const DAY_MS = 86_400_000;
const SHAPE = /^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|Q(\d)))?$/;
const SHAPES = 'YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www or YYYY-Qn';

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Monday of ISO week 1 of ISO year `y` (the week holding 4 January). */
function week1Monday(y: number): number {
  const jan4 = Date.UTC(y, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
}

/**
 * The first and last calendar day of a TIMEX3 calendar value (`2025`, `2025-08`, `2025-08-07`,
 * `2025-W33`, `2025-Q3`), or null when it is no such value or names no real date (`2025-13`,
 * `2025-02-30`, `2025-W54`).
 */
export function calendarRange(value: string): { first: string; last: string } | null {
  const m = SHAPE.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const [, , month, day, week, quarter] = m;
  if (week !== undefined) {
    const w = Number(week);
    const weeks = (week1Monday(y + 1) - week1Monday(y)) / (7 * DAY_MS);
    if (w < 1 || w > weeks) return null;
    const monday = week1Monday(y) + (w - 1) * 7 * DAY_MS;
    return { first: isoDay(monday), last: isoDay(monday + 6 * DAY_MS) };
  }
  // Months [from, to] (1-based, inclusive) the value covers.
  let from = 1;
  let to = 12;
  if (quarter !== undefined) {
    const q = Number(quarter);
    if (q < 1 || q > 4) return null;
    [from, to] = [q * 3 - 2, q * 3];
  } else if (month !== undefined) {
    from = to = Number(month);
    if (from < 1 || from > 12) return null;
  }
  if (day !== undefined) {
    const ms = Date.UTC(y, from - 1, Number(day));
    // Date.UTC rolls 2025-02-30 over into March: a real date reads back the same.
    if (isoDay(ms) !== value) return null;
    return { first: value, last: value };
  }
  return { first: isoDay(Date.UTC(y, from - 1, 1)), last: isoDay(Date.UTC(y, to, 1) - DAY_MS) };
}

/**
 * The one parser for every `--from`/`--to` option: a TIMEX3 calendar value becomes its first day
 * (`--from`) or last day (`--to`, so `--to 2025-08` takes in all of August); anything else is a
 * one-line CliError.
 */
export function dateBound(value: string, name: string, end: boolean): string {
  const r = calendarRange(value.trim());
  if (!r) throw new CliError(`${name} must be a date (${SHAPES}), got "${value}"`);
  return end ? r.last : r.first;
}

/** `dateBound` as a commander option parser: `.option('--from <date>', '…', dateOption('--from', false))`. */
export function dateOption(name: string, end: boolean): (value: string) => string {
  return (value) => dateBound(value, name, end);
}

/** Help text for a date option. */
export const DATE_SHAPES = SHAPES;
