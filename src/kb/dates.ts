/**
 * KB dates come at year, month or day precision (`2017`, `2022-10`, `2017-01-20`). Each is a
 * span of days: `lo` its first day, `hi` the first day after it (both `YYYY-MM-DD`, so plain
 * string comparison orders them).
 */
export interface DateBounds {
  lo: string;
  hi: string;
}

export const OPEN_END = '9999-12-31';

export function isKbDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12) return false;
  return day >= 1 && day <= daysIn(Number(m[1]), month);
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Bounds of a KB date or of a TIMEX3 calendar value (`2025-08-15`, `2025-08`, `2025-W33`, `2025`). */
export function dateBounds(value: string): DateBounds {
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (d) {
    const next = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]) + 1));
    return { lo: `${d[1]}-${d[2]}-${d[3]}`, hi: next.toISOString().slice(0, 10) };
  }
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { lo: `${m[1]}-${m[2]}-01`, hi: mo === 12 ? `${y + 1}-01-01` : `${m[1]}-${pad(mo + 1)}-01` };
  }
  const w = /^(\d{4})-W(\d{2})/.exec(value);
  if (w) {
    // ISO week: Monday of week 1 is the Monday on or before 4 January.
    const y = Number(w[1]);
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (Number(w[2]) - 1) * 7 * 86400000);
    const lo = monday.toISOString().slice(0, 10);
    return { lo, hi: new Date(monday.getTime() + 7 * 86400000).toISOString().slice(0, 10) };
  }
  const y = /^(\d{4})/.exec(value);
  if (y) return { lo: `${y[1]}-01-01`, hi: `${Number(y[1]) + 1}-01-01` };
  throw new Error(`not a calendar date: ${value}`);
}

/**
 * True when a role interval covers day `d`. The start counts from its first possible day and
 * the end is exclusive (a handover day belongs to the successor); a month-precision end covers
 * its whole month, since we do not know the day.
 */
export function heldOn(r: { start?: string; end?: string }, d: string): boolean {
  if (r.start && dateBounds(r.start).lo > d) return false;
  if (r.end) {
    const b = dateBounds(r.end);
    const endExclusive = r.end.length === 10 ? b.lo : b.hi;
    if (d >= endExclusive) return false;
  }
  return true;
}

/**
 * True when two intervals certainly overlap, whatever the unknown days of month- or
 * year-precision bounds turn out to be (used by the KB validator).
 */
export function certainlyOverlap(a: { start?: string; end?: string }, b: { start?: string; end?: string }): boolean {
  const latestStart = (r: { start?: string }): string => (r.start ? lastDay(r.start) : '0000-01-01');
  const earliestEnd = (r: { end?: string }): string => (r.end ? dateBounds(r.end).lo : OPEN_END);
  return latestStart(a) < earliestEnd(b) && latestStart(b) < earliestEnd(a);
}

function lastDay(v: string): string {
  const b = dateBounds(v);
  const d = new Date(`${b.hi}T00:00:00Z`);
  return new Date(d.getTime() - 86400000).toISOString().slice(0, 10);
}
