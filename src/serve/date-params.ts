import { calendarRange, DATE_SHAPES } from '../cli/dates.js';
import { BadRequest } from './api-articles.js';

/**
 * A `from`/`to` URL parameter checked with the CLI's one date parser (src/cli/dates.ts), so the
 * web accepts exactly what `--from`/`--to` accept. Empty means no filter; anything else that is
 * not a calendar value is a BadRequest naming the parameter (400: JSON for /api, a page for pages).
 */
export function dateParam(raw: string | undefined, name: string): string | undefined {
  const v = raw?.trim();
  if (!v) return undefined;
  if (!calendarRange(v)) throw new BadRequest(`${name} must be a date (${DATE_SHAPES}), got "${raw}"`);
  return v;
}
