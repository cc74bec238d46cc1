import { calendarSpan, precisionOf } from '../model/index.js';

/**
 * The stretch of calendar a TIMEX3 value covers, as ISO dates [start, end) — so month- or
 * year-precision events are drawn as ranges on the time axis, never pinned to a made-up day.
 */
export interface TimeSpan {
  start: string;
  end: string;
  /** True for day (or finer) precision: drawn as a point. */
  point: boolean;
}

export function timexSpan(value: string | null | undefined): TimeSpan | null {
  if (!value) return null;
  const p = precisionOf(value);
  const span = calendarSpan(value);
  if (!p || !span) return null;
  const end = new Date(Date.parse(`${span.last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { start: span.first, end, point: p === 'day' || p === 'hour' || p === 'minute' };
}
