import { precisionOf } from '../model/index.js';

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

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m, d));

export function timexSpan(value: string | null | undefined): TimeSpan | null {
  if (!value) return null;
  const p = precisionOf(value);
  if (!p) return null;
  const y = Number(value.slice(0, 4));
  switch (p) {
    case 'minute':
    case 'hour':
    case 'day': {
      const d = utc(y, Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
      return { start: iso(d), end: iso(utc(y, d.getUTCMonth(), d.getUTCDate() + 1)), point: true };
    }
    case 'month': {
      const m = Number(value.slice(5, 7)) - 1;
      return { start: iso(utc(y, m, 1)), end: iso(utc(y, m + 1, 1)), point: false };
    }
    case 'week': {
      // ISO week: week 1 contains 4 January; weeks start on Monday.
      const w = Number(value.slice(6, 8));
      const jan4 = utc(y, 0, 4);
      const monday = utc(y, 0, 4 - ((jan4.getUTCDay() + 6) % 7) + (w - 1) * 7);
      const weekend = value.endsWith('-WE');
      const start = weekend ? utc(y, monday.getUTCMonth(), monday.getUTCDate() + 5) : monday;
      return { start: iso(start), end: iso(utc(y, monday.getUTCMonth(), monday.getUTCDate() + 7)), point: false };
    }
    case 'quarter': {
      const q = Number(value.slice(6, 7)) - 1;
      return { start: iso(utc(y, q * 3, 1)), end: iso(utc(y, q * 3 + 3, 1)), point: false };
    }
    case 'half': {
      const h = Number(value.slice(6, 7)) - 1;
      return { start: iso(utc(y, h * 6, 1)), end: iso(utc(y, h * 6 + 6, 1)), point: false };
    }
    case 'season': {
      const s = ({ SP: [2, 5], SU: [5, 8], FA: [8, 11], WI: [11, 14] } as const)[value.slice(5, 7) as 'SP' | 'SU' | 'FA' | 'WI'];
      return { start: iso(utc(y, s[0], 1)), end: iso(utc(y, s[1], 1)), point: false };
    }
    case 'year':
      return { start: `${y}-01-01`, end: `${y + 1}-01-01`, point: false };
  }
}
