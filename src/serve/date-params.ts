import { calendarRange, DATE_SHAPES, type CalendarSpan } from '../model/index.js';
import { BadRequest } from './errors.js';

/** A non-empty `from`/`to` value with its calendar span, or a BadRequest naming the parameter. */
function parsed(raw: string | undefined, name: string): { value: string; span: CalendarSpan } | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const span = calendarRange(value);
  if (!span) throw new BadRequest(`${name} must be a date (${DATE_SHAPES}), got "${raw}"`);
  return { value, span };
}

/**
 * A `from`/`to` URL parameter checked with the CLI's one date parser (calendarRange), so the
 * web accepts exactly what `--from`/`--to` accept. Empty means no filter; anything else that is
 * not a calendar value is a BadRequest naming the parameter (400: JSON for /api, a page for pages).
 */
export function dateParam(raw: string | undefined, name: string): string | undefined {
  return parsed(raw, name)?.value;
}

/** `dateParam` as a day bound, like the CLI's `--from`/`--to`: the value's first day, or its last when `end`. */
export function dateBoundParam(raw: string | undefined, name: string, end: boolean): string | undefined {
  const p = parsed(raw, name);
  return p && (end ? p.span.last : p.span.first);
}
