import { addDays, addMonths, addWeeks, getISODay, getISOWeek, getISOWeekYear } from 'date-fns';

/**
 * Resolution of underspecified and relative values, in the manner of HeidelTime's
 * disambiguation step. Rules write value templates with these placeholders:
 *   UNDEF-YEAR-…      year taken from the anchor, moved by the sentence's tense (`im März`)
 *   REL(unit,n)       anchor moved by n units: day, week, weekend, month, quarter, half, year, decade, century
 *   WD(n)             the weekday n (1 = Monday) before/after the anchor, by tense (`am Donnerstag`)
 *   DAY               the last day mentioned (for clock times: `um 20.30 Uhr`), else the anchor's day
 *   HOL(year,spec)    a holiday: spec `MM-DD` or `E+n` (days from Easter Sunday); year may be UNDEF
 *   MDAY(dd)          day dd of the month last mentioned (`am 3.`)
 *   WE                the weekend of the anchor's week, or the one before in past tense
 *   CENT(d)           the decade d of the anchor's century, or of the one before (`die 80er Jahre`)
 */
export type Tense = 'past' | 'present' | 'future';

export interface Anchor {
  /** The value relative expressions were resolved against (DCT or last absolute date). */
  value: string;
  y: number;
  m?: number;
  d?: number;
}

export interface ResolveContext {
  anchor: Anchor | null;
  /** The last day-precision date of the text so far (for clock times). */
  lastDay: string | null;
  tense: Tense;
  /** No document creation time: resolve against the text's own dates, ignoring tense. */
  narrative: boolean;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
// years before Christ are negative here and written `BC0490` (TIMEX convention)
const pad4 = (n: number): string => (n < 0 ? `BC${String(-n).padStart(4, '0')}` : String(n).padStart(4, '0'));

export function parseAnchor(value: string | null | undefined): Anchor | null {
  if (!value) return null;
  const m = /^(BC)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return null;
  const a: Anchor = { value, y: m[1] ? -Number(m[2]) : Number(m[2]) };
  if (m[3]) a.m = Number(m[3]);
  if (m[4]) a.d = Number(m[4]);
  // a week value such as 2025-W33 anchors on its Monday
  const w = /^(\d{4})-W(\d{2})/.exec(value);
  if (w) {
    const jan4 = new Date(Date.UTC(Number(w[1]), 0, 4));
    const monday = addDays(jan4, 1 - getISODay(jan4) + (Number(w[2]) - 1) * 7);
    return { value, ...fromDate(monday) };
  }
  return a;
}

function toDate(y: number, m: number, d: number): Date {
  const dt = new Date(Date.UTC(2000, m - 1, d));
  dt.setUTCFullYear(y);
  return dt;
}

function fromDate(dt: Date): { y: number; m: number; d: number } {
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function dayValue(dt: Date): string {
  const p = fromDate(dt);
  return `${pad4(p.y)}-${pad2(p.m)}-${pad2(p.d)}`;
}

function weekValue(dt: Date): string {
  return `${pad4(getISOWeekYear(dt))}-W${pad2(getISOWeek(dt))}`;
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toDate(year, month, day);
}

function holiday(year: number, spec: string): Date {
  const e = /^E([+-]\d+)$/.exec(spec);
  if (e) return addDays(easterSunday(year), Number(e[1]));
  const [mm, dd] = spec.split('-').map(Number);
  return toDate(year, mm!, dd!);
}

/** Month (1-12, fractional for coarser units) that a year-less value falls in, to compare with the anchor. */
function monthOf(rest: string): number | null {
  let m = /^-(\d{2})(?:-(\d{2}))?/.exec(rest);
  if (m) return Number(m[1]) + (m[2] ? Number(m[2]) / 32 : 0.5);
  m = /^-(SP|SU|FA|WI)/.exec(rest);
  if (m) return { SP: 4, SU: 7, FA: 10, WI: 1 }[m[1] as 'SP']!;
  m = /^-Q(\d)/.exec(rest);
  if (m) return Number(m[1]) * 3 - 1;
  m = /^-H(\d)/.exec(rest);
  if (m) return Number(m[1]) * 6 - 3;
  return null;
}

/**
 * Year for a year-less month/day: the occurrence nearest the anchor, unless the sentence's tense
 * points the other way (`im März` in August: past → this March, future → next March).
 */
/** Months by which the past is preferred for a year-less date in a sentence without tense. */
const PAST_LEAN = 1;
function yearFor(month: number | null, ctxIn: ResolveContext, monthOnly = false, force?: Tense): number | null {
  const ctx = force ? { ...ctxIn, tense: force } : ctxIn;
  const a = ctx.anchor;
  if (!a) return null;
  if (ctx.narrative || month === null || a.m === undefined) return a.y;
  // compare whole months for a month-precision value: `Anfang März` in a March article is this March
  const am = monthOnly ? a.m + 0.5 : a.m + (a.d !== undefined ? a.d / 32 : 0.5);
  // without tense, the nearest occurrence; news look back more than ahead, so the past gets
  // a few months' head start (`am 20. Januar` in an August article is this January)
  const lean = ctx.tense === 'present' ? PAST_LEAN : 0;
  let y = a.y;
  if (month - am > 6 - lean) y = a.y - 1;
  else if (am - month > 6 + lean) y = a.y + 1;
  // the tense moves a date by a year only when it lies more than a month on the wrong side
  // (`am 14. August` five days before the DCT is this August even in a future-tense sentence)
  const dist = y * 12 + month - (a.y * 12 + am);
  if (ctx.tense === 'past' && dist > 1) y -= 1;
  else if (ctx.tense === 'future' && dist < -1) y += 1;
  return y;
}

function rel(unitRaw: string, offRaw: string, ctx: ResolveContext): string {
  // `lday`, `lweek` …: counted from the last day mentioned rather than from the anchor
  const fromLast = unitRaw.startsWith('l') && ctx.lastDay !== null;
  const unit = unitRaw.replace(/^l(?=day|week|month|year|decade)/, '');
  const a = fromLast ? parseAnchor(ctx.lastDay) : ctx.anchor;
  const off = Number(offRaw);
  // half a year later: six months
  if (unit === 'year' && !Number.isInteger(off) && Number.isInteger(off * 12) && a?.m !== undefined) {
    return rel(fromLast ? 'lmonth' : 'month', String(off * 12), ctx);
  }
  if (!Number.isInteger(off)) {
    // vague offsets (`vor einigen Tagen`) give only a direction
    return offRaw.startsWith('-') ? 'PAST_REF' : 'FUTURE_REF';
  }
  if (!a) return { day: 'XXXX-XX-XX', week: 'XXXX-WXX', weekend: 'XXXX-WXX-WE', month: 'XXXX-XX', quarter: 'XXXX-QX', half: 'XXXX-HX', decade: 'XXX', century: 'XX' }[unit] ?? 'XXXX';
  const date = a.m !== undefined && a.d !== undefined ? toDate(a.y, a.m, a.d) : null;
  switch (unit) {
    case 'day': return date ? dayValue(addDays(date, off)) : truncate(a, off);
    case 'week': return date ? weekValue(addWeeks(date, off)) : truncate(a, 0);
    case 'weekend': return date ? `${weekValue(addWeeks(date, off))}-WE` : truncate(a, 0);
    case 'month': {
      if (a.m === undefined) return String(a.y + 0);
      const p = fromDate(addMonths(toDate(a.y, a.m, 1), off));
      return `${pad4(p.y)}-${pad2(p.m)}`;
    }
    case 'quarter': {
      if (a.m === undefined) return pad4(a.y);
      const q = a.y * 4 + Math.floor((a.m - 1) / 3) + off;
      return `${pad4(Math.floor(q / 4))}-Q${(q % 4) + 1}`;
    }
    case 'half': {
      if (a.m === undefined) return pad4(a.y);
      const h = a.y * 2 + Math.floor((a.m - 1) / 6) + off;
      return `${pad4(Math.floor(h / 2))}-H${(h % 2) + 1}`;
    }
    case 'year': return pad4(a.y + off);
    case 'decade': return String(Math.floor(a.y / 10) + off);
    case 'century': return pad2(Math.floor(a.y / 100) + off);
    default: throw new Error(`time: unknown unit ${unit}`);
  }
}

function truncate(a: Anchor, _off: number): string {
  return a.m !== undefined ? `${pad4(a.y)}-${pad2(a.m)}` : pad4(a.y);
}

function weekday(n: number, dir: string | undefined, ctx: ResolveContext): string {
  const a = ctx.anchor;
  if (!a || a.m === undefined || a.d === undefined) return `XXXX-WXX-${n}`;
  const date = toDate(a.y, a.m, a.d);
  const diff = n - getISODay(date);
  if (dir === '-') return dayValue(addDays(date, diff < 0 ? diff : diff - 7));
  if (dir === '+') return dayValue(addDays(date, diff > 0 ? diff : diff + 7));
  // news write the coming days in the present tense (`treffen sich am Donnerstag`: praesens
  // pro futuro) and what happened in the past tense; a narrative without a DCT tells the past
  const ahead = ctx.tense === 'future' || (ctx.tense === 'present' && !ctx.narrative);
  if (ahead) return dayValue(addDays(date, diff >= 0 ? diff : diff + 7));
  return dayValue(addDays(date, diff <= 0 ? diff : diff - 7));
}

/** `am Wochenende`: the past one in a past-tense sentence (before Saturday), else this week's. */
function weekend(ctx: ResolveContext): string {
  const a = ctx.anchor;
  if (!a || a.m === undefined || a.d === undefined) return 'XXXX-WXX-WE';
  const date = toDate(a.y, a.m, a.d);
  const back = ctx.tense === 'past' && getISODay(date) < 6;
  return `${weekValue(addWeeks(date, back ? -1 : 0))}-WE`;
}

/** Turns a value template (after list substitution) into a TIMEX3 value. */
export function resolveValue(template: string, ctx: ResolveContext): string {
  // `A||B`: A with a document creation time, B in a narrative without one
  const alt = template.split('||');
  let v = alt.length > 1 && ctx.narrative ? alt[1]! : alt[0]!;
  v = v.replace(/HOL\((\w+),([^)]+)\)/g, (_m, y: string, spec: string) => {
    if (y !== 'UNDEF') return dayValue(holiday(Number(y), spec));
    if (!ctx.anchor) return /^E/.test(spec) ? 'XXXX-XX-XX' : `XXXX-${spec}`;
    const probe = fromDate(holiday(ctx.anchor.y, spec));
    const year = yearFor(probe.m + probe.d / 32, ctx) ?? ctx.anchor.y;
    return dayValue(holiday(year, spec));
  });
  v = v.replace(/REL\((\w+),([+-]?[0-9.X]+)\)/g, (_m, unit: string, off: string) => rel(unit, off.replace('X', '0.5'), ctx));
  v = v.replace(/WD\((\d)(?:,([+-]))?\)/g, (_m, n: string, dir?: string) => weekday(Number(n), dir, ctx));
  v = v.replace(/^WE$/, () => weekend(ctx));
  // a day of the month alone (`am 3.`): the month of the last day mentioned, else of the anchor
  v = v.replace(/^MDAY\((\d{2})\)$/, (_m, d: string) => {
    const base = parseAnchor(ctx.lastDay) ?? ctx.anchor;
    if (!base || base.m === undefined) return `XXXX-XX-${d}`;
    return `${pad4(base.y)}-${pad2(base.m)}-${d}`;
  });
  v = v.replace(/CENT\((\d)\)/g, (_m, d: string) => {
    const a = ctx.anchor;
    if (!a) return `XX${d}`;
    const c = Math.floor(a.y / 100);
    // `die 20er Jahre` written in 2025 are still the 1920s
    return Number(`${c}${d}`) >= Math.floor(a.y / 10) ? `${c - 1}${d}` : `${c}${d}`;
  });
  v = v.replace(/^DAY/, () => ctx.lastDay ?? (ctx.anchor?.d !== undefined ? ctx.anchor.value.slice(0, 10) : 'XXXX-XX-XX'));
  // PAST-YEAR / NEXT-YEAR: as UNDEF-YEAR with the direction written in the text (`vergangenen Winter`)
  v = v.replace(/(UNDEF|PAST|NEXT)-YEAR(.*)$/, (_m, kind: string, rest: string) => {
    const force: Tense | undefined = kind === 'PAST' ? 'past' : kind === 'NEXT' ? 'future' : undefined;
    const y = yearFor(monthOf(rest), ctx, /^-\d{2}$/.test(rest), force);
    return `${y === null ? 'XXXX' : pad4(y)}${rest}`;
  });
  // units of time go after a T in durations: P3TH → PT3H
  v = v.replace(/^P([0-9.X]+)T([HMS])$/, 'PT$1$2');
  return v;
}
