import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monthNumber, weekdayNumber } from '../../normalize/calendar-de.js';

/** A named pattern list: a regex alternation and a normaliser for what it matched. */
export interface PatternList {
  name: string;
  pattern: string;
  /** The forms as written (for trigger words); empty for built-ins. */
  forms: string[];
  /** True when the list matches numbers written in digits. */
  digits: boolean;
  normalize(matched: string): string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

interface Entry { form: string; norm: string; re: RegExp }

/** Lets the first letter of a form match in either case (`Gestern` at a sentence start). */
function firstLetterEitherCase(form: string): string {
  const c = form[0];
  if (!c || c.toLowerCase() === c.toUpperCase()) return form;
  return `[${c.toLowerCase()}${c.toUpperCase()}]${form.slice(1)}`;
}

/** Parses lists.txt: `[name]` sections of `form<TAB>norm` lines. */
export function parseLists(text: string): Map<string, { form: string; norm: string }[]> {
  // a section `[name case]` matches its forms with their case as written
  const out = new Map<string, { form: string; norm: string }[]>();
  let cur: { form: string; norm: string }[] | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    const sec = /^\[([a-z0-9]+)( case)?\]$/.exec(line.trim());
    if (sec) {
      cur = [];
      out.set(sec[1]! + (sec[2] ? ' case' : ''), cur);
      continue;
    }
    if (!cur) throw new Error(`time lists: entry outside a section: ${line}`);
    const [form, norm = ''] = line.split('\t');
    cur.push({ form: form!.trim(), norm: norm.trim() });
  }
  return out;
}

function fromEntries(name: string, entries: { form: string; norm: string }[], fallback?: (s: string) => string | undefined, exactCase = false): PatternList {
  const compiled: Entry[] = entries.map((e) => ({ ...e, re: new RegExp(`^(?:${e.form})$`, exactCase ? 'u' : 'iu') }));
  const sorted = [...entries].sort((a, b) => b.form.length - a.form.length);
  const pattern = `(?:${sorted.map((e) => (exactCase ? e.form : firstLetterEitherCase(e.form))).join('|')})`;
  const memo = new Map<string, string>();
  const lookup = (matched: string): string => {
      const s = matched.replace(/\s+/g, ' ');
      for (const e of compiled) {
        if (e.re.test(s)) {
          if (e.norm) return e.norm;
          break;
        }
      }
      const f = fallback?.(s);
      if (f !== undefined) return f;
      throw new Error(`time lists: no normalisation for "${matched}" in [${name}]`);
  };
  return {
    name,
    pattern,
    forms: entries.map((e) => e.form),
    digits: false,
    // memoised: the same few forms come back again and again
    normalize(matched: string): string {
      let v = memo.get(matched);
      if (v === undefined) {
        v = lookup(matched);
        if (memo.size < 10_000) memo.set(matched, v);
      }
      return v;
    },
  };
}

function builtin(name: string, pattern: string, normalize: (s: string) => string, forms: string[] = []): PatternList {
  return { name, pattern, forms, digits: true, normalize };
}

/** Number as written (`3`, `3,5`, `dreieinhalb`) → decimal string (`3`, `3.5`). */
function numberNormaliser(words: PatternList): (s: string) => string {
  return (s) => (/^[0-9]/.test(s) ? String(Number(s.replace(/\./g, '').replace(',', '.'))) : words.normalize(s));
}

/** Loads every named list (data + built-ins) keyed by name. */
export function loadLists(dir: string): Map<string, PatternList> {
  const data = parseLists(readFileSync(join(dir, 'lists.txt'), 'utf8'));
  const lists = new Map<string, PatternList>();
  for (const [key, entries] of data) {
    const name = key.replace(/ case$/, '');
    let fallback: ((s: string) => string | undefined) | undefined;
    // month and weekday names share the normalize stage's calendar table
    if (name === 'month') fallback = (s) => { const n = monthNumber(s); return n ? pad2(n) : undefined; };
    if (name === 'weekday') fallback = (s) => { const n = weekdayNumber(s); return n ? String(n) : undefined; };
    lists.set(name, fromEntries(name, entries, fallback, key.endsWith(' case')));
  }
  const numword = lists.get('numword');
  if (!numword) throw new Error('time lists: [numword] missing');
  const builtins: PatternList[] = [
    builtin('year', '(?:1[0-9]{3}|20[0-9]{2})', (s) => s),
    builtin('year2', "(?:'[0-9]{2}|[0-9]{2})", (s) => { const n = Number(s.replace("'", '')); return String(n <= 30 ? 2000 + n : 1900 + n); }),
    builtin('yearbc', '[0-9]{1,4}', (s) => `BC${s.padStart(4, '0')}`),
    builtin('day', '(?:0?[1-9]|[12][0-9]|3[01])', (s) => pad2(Number(s))),
    builtin('monthnum', '(?:0?[1-9]|1[0-2])', (s) => pad2(Number(s))),
    builtin('hour', '(?:[01]?[0-9]|2[0-4])', (s) => pad2(Number(s))),
    builtin('minute', '[0-5][0-9]', (s) => s),
    builtin('num', `(?:[0-9]{1,3}(?:\\.[0-9]{3})*(?:,[0-9]+)?|[0-9]+|${numword.pattern})`, numberNormaliser(numword), numword.forms),
    builtin('century', '(?:[1-9]|1[0-9]|2[01])', (s) => pad2(Number(s) - 1)),
    builtin('decade', '[1-9]0', (s) => s[0]!),
    builtin('cent2', '(?:1[0-9]|20)', (s) => s),
    builtin('yy', '[0-9]{2}', (s) => s),
    builtin('decade4', '(?:1[0-9]{2}0|20[0-9]0)', (s) => s.slice(0, 3)),
  ];
  for (const b of builtins) lists.set(b.name, b);
  return lists;
}
