import { precisionOf, type TimexValue } from '../../model/index.js';

/** First calendar day a TIMEX3 calendar value covers (`2025-W33` → 2025-08-11), or null. */
export function firstDay(value: TimexValue): string | null {
  const p = precisionOf(value);
  if (!p) return null;
  const y = Number(value.slice(0, 4));
  switch (p) {
    case 'minute':
    case 'hour':
    case 'day':
      return value.slice(0, 10);
    case 'week': {
      const w = Number(value.slice(6, 8));
      const jan4 = Date.UTC(y, 0, 4);
      const dow = (new Date(jan4).getUTCDay() + 6) % 7;
      const monday = jan4 - dow * 86400000 + (w - 1) * 7 * 86400000 + (value.endsWith('-WE') ? 5 * 86400000 : 0);
      return new Date(monday).toISOString().slice(0, 10);
    }
    case 'month':
      return `${value.slice(0, 7)}-01`;
    case 'quarter':
      return `${y}-${String((Number(value.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
    case 'half':
      return value.endsWith('H1') ? `${y}-01-01` : `${y}-07-01`;
    case 'season': {
      const m = { SP: '03', SU: '06', FA: '09', WI: '12' }[value.slice(5, 7)] ?? '01';
      return `${y}-${m}-01`;
    }
    case 'year':
      return `${y}-01-01`;
  }
}

/** Last calendar day a calendar value covers, or null. */
export function lastDay(value: TimexValue): string | null {
  const p = precisionOf(value);
  const first = firstDay(value);
  if (!p || !first) return null;
  const d = new Date(`${first}T00:00:00Z`);
  const add = (months: number, days = 0): string => {
    const e = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate() + days));
    return new Date(e.getTime() - 86400000).toISOString().slice(0, 10);
  };
  switch (p) {
    case 'minute':
    case 'hour':
    case 'day':
      return first;
    case 'week':
      return add(0, value.endsWith('-WE') ? 2 : 7);
    case 'month':
      return add(1);
    case 'quarter':
      return add(3);
    case 'season':
      return add(3);
    case 'half':
      return add(6);
    case 'year':
      return add(12);
  }
}
