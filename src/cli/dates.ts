import { calendarSpan } from '../model/index.js';
import { CliError } from './errors.js';

const SHAPE = /^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|Q(\d)))?$/;
const SHAPES = 'YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www or YYYY-Qn';

/**
 * The first and last calendar day of a TIMEX3 calendar value (`2025`, `2025-08`, `2025-08-07`,
 * `2025-W33`, `2025-Q3`), or null when it is no such value or names no real date (`2025-13`,
 * `2025-02-30`, `2025-W54`).
 */
export function calendarRange(value: string): { first: string; last: string } | null {
  return SHAPE.test(value) ? calendarSpan(value) : null;
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
