import { calendarRange, DATE_SHAPES } from '../model/index.js';
import { CliError } from './errors.js';

/**
 * The one parser for every `--from`/`--to` option: a TIMEX3 calendar value becomes its first day
 * (`--from`) or last day (`--to`, so `--to 2025-08` takes in all of August); anything else is a
 * one-line CliError.
 */
export function dateBound(value: string, name: string, end: boolean): string {
  const r = calendarRange(value.trim());
  if (!r) throw new CliError(`${name} must be a date (${DATE_SHAPES}), got "${value}"`);
  return end ? r.last : r.first;
}

/** `dateBound` as a commander option parser: `.option('--from <date>', '…', dateOption('--from', false))`. */
export function dateOption(name: string, end: boolean): (value: string) => string {
  return (value) => dateBound(value, name, end);
}

/** Help text for a date option. */
export { DATE_SHAPES };
