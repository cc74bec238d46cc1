/**
 * Publication-date shapes → TIMEX3 value at the precision written (`2025-08-07`, `2025-01`, `2025`).
 * Accepts a whole date string only (a header line, a meta tag, a feed's pubDate), never a date
 * somewhere inside a sentence: that is the time tagger's job.
 */
import { MONTH_PATTERN, WEEKDAY_PATTERN, daysInMonth, monthNumber } from './calendar-de.js';
import rules from './boilerplate.json' with { type: 'json' };

export interface NormalizedDate {
  /** TIMEX3 calendar value: `2025-08-07`, `2025-08`, `2025`. */
  value: string;
  /** Time of day as written (`14:32`), when the input had one. */
  time?: string;
}

const PREFIX = new RegExp(`^(?:${rules.datePrefixes.patterns.join('|')})\\s*[:.]?\\s*`, 'iu');
const WEEKDAY = new RegExp(`^(?:${WEEKDAY_PATTERN})\\.?,?\\s+`, 'iu');
const ZONE = String.raw`(?:gmt|utc|ut|mesz|mez|cest|cet|eest|eet|west|wet|bst|msk|est|edt|cst|cdt|mst|mdt|pst|pdt|z|(?:gmt|utc)?[+-]\d{1,2}(?::?\d{2})?)`;
// A time at the end: `, 14:32 Uhr`, ` um 14.32 Uhr`, ` 14:32:00 +0200`, `T14:32:00Z`, ` 2:32 p.m.`.
const TIME = new RegExp(
  String.raw`(?:\s*[,|–—-]\s*|\s+|T)(?:um\s+|at\s+)?(\d{1,2})(?::(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?:uhr|h)?|\.(\d{2})\s*(?:uhr|h))` +
    String.raw`\s*([ap]\.?\s?m\.?)?\s*(?:\(?${ZONE}\)?)?\s*$`,
  'iu',
);
const ISO_DAY = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/u;
const ISO_MONTH = /^(\d{4})-(\d{2})$/u;
const YEAR = /^(\d{4})$/u;
const NUMERIC_DMY = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})$/u;
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})\\.?\\s*(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})$`, 'iu');
const MONTH_DAY_YEAR = new RegExp(`^(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'iu');
const MONTH_YEAR = new RegExp(`^(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})$`, 'iu');

/** Normalises a publication date as written; null when the string is not (only) a date. */
export function normalizeDateText(raw: string): NormalizedDate | null {
  let s = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  s = s.replace(/^[([]|[)\]]$/gu, '').trim();
  s = s.replace(PREFIX, '');
  s = s.replace(WEEKDAY, '');
  s = s.replace(/^(?:den|am|the|on)\s+/iu, '');
  s = s.replace(/[\s,;|·–—-]+$/u, '');
  if (!s) return null;

  let time: string | undefined;
  const t = TIME.exec(s);
  if (t && t.index > 0) {
    let hour = Number(t[1]);
    const minute = Number(t[2] ?? t[3]);
    const ampm = t[4]?.toLowerCase().replace(/[.\s]/gu, '');
    if (ampm === 'pm' && hour < 12) hour += 12;
    if (ampm === 'am' && hour === 12) hour = 0;
    if (hour > 23 || minute > 59) return null;
    time = `${pad(hour)}:${pad(minute)}`;
    s = s.slice(0, t.index).replace(/[\s,]+$/u, '');
  }

  const value = dateValue(s);
  if (!value) return null;
  // A time only belongs to a day-precision date.
  return time && value.length === 10 ? { value, time } : { value };
}

function dateValue(s: string): string | null {
  let m: RegExpExecArray | null;
  if ((m = ISO_DAY.exec(s))) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = NUMERIC_DMY.exec(s))) return day(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  if ((m = DAY_MONTH_YEAR.exec(s))) return day(Number(m[3]), monthNumber(m[2]!) ?? 0, Number(m[1]));
  if ((m = MONTH_DAY_YEAR.exec(s))) return day(Number(m[3]), monthNumber(m[1]!) ?? 0, Number(m[2]));
  if ((m = MONTH_YEAR.exec(s))) return month(Number(m[2]), monthNumber(m[1]!) ?? 0);
  if ((m = ISO_MONTH.exec(s))) return month(Number(m[1]), Number(m[2]));
  if ((m = YEAR.exec(s))) return plausibleYear(Number(m[1])) ? m[1]! : null;
  return null;
}

function day(year: number, mon: number, d: number): string | null {
  if (!plausibleYear(year) || mon < 1 || mon > 12 || d < 1 || d > daysInMonth(year, mon)) return null;
  return `${year}-${pad(mon)}-${pad(d)}`;
}

function month(year: number, mon: number): string | null {
  if (!plausibleYear(year) || mon < 1 || mon > 12) return null;
  return `${year}-${pad(mon)}`;
}

/** Two-digit years are this century up to 69, last century from 70 (`08.08.25` → 2025). */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function plausibleYear(y: number): boolean {
  return y >= 1800 && y <= 2200;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
