import { calendarSpan, type TimexValue } from '../model/index.js';

/**
 * First calendar day covered by a TIMEX3 value (`2025-08` → `2025-08-01`), for ordering and
 * range filters only — the value itself keeps its precision. A weekend (`2025-W33-WE`) sorts with
 * its week's Monday. Null for non-calendar values.
 */
export function sortDateOf(value: TimexValue | null | undefined): string | null {
  if (!value) return null;
  return calendarSpan(value.replace(/-WE$/, ''))?.first ?? null;
}
