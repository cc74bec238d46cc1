import { calendarSpan, type TimexValue } from '../../model/index.js';

/** First calendar day a TIMEX3 calendar value covers (`2025-W33` → 2025-08-11), or null. */
export function firstDay(value: TimexValue): string | null {
  return calendarSpan(value)?.first ?? null;
}

/** Last calendar day a calendar value covers, or null. */
export function lastDay(value: TimexValue): string | null {
  return calendarSpan(value)?.last ?? null;
}
