import * as chrono from 'chrono-node';
import { tagTimex } from '../../src/analyze/time/index.js';
import type { SpanTimex } from './corpora.js';

/** A system under evaluation: text + reference date (or null) → time expressions. */
export type TimeSystem = (text: string, dct: string | null) => SpanTimex[];

export const chronik: TimeSystem = (text, dct) =>
  tagTimex(text, dct).map((t) => ({ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value }));

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Reference date for chrono: the DCT, or for narratives the corpus' own DATETIME. */
function refDate(dct: string | null, fallback: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(dct ?? fallback) ?? /^(\d{4})-(\d{2})-(\d{2})/.exec(fallback)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
}

/**
 * chrono-node's German parser, its results turned into TIMEX3 values at the precision chrono
 * says it is certain of (TIME when the hour is known).
 */
export function chronoDe(fallbackRef: string): TimeSystem {
  return (text, dct) => {
    const ref = refDate(dct, fallbackRef);
    return chrono.de.parse(text, { instant: ref, timezone: 0 }).map((r) => {
      const c = r.start;
      const y = c.get('year') ?? 0;
      const mo = c.get('month') ?? 1;
      const d = c.get('day') ?? 1;
      let type = 'DATE';
      let value: string;
      if (c.isCertain('hour')) {
        type = 'TIME';
        value = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
      } else if (c.isCertain('day') || c.isCertain('weekday')) value = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
      else if (c.isCertain('month')) value = `${pad(y, 4)}-${pad(mo)}`;
      else value = pad(y, 4);
      return { start: r.index, end: r.index + r.text.length, text: r.text, type, value };
    });
  };
}
