import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TimexType } from '../../model/index.js';
import type { PatternList } from './lists.js';

/** An example written next to a rule in rules.txt: the text, the expected value, and the DCT. */
export interface RuleExample {
  text: string;
  value: string;
  mod?: string;
  dct?: string;
}

export interface TimeRule {
  name: string;
  type: TimexType;
  /** The pattern as written, with `%list` placeholders. */
  source: string;
  /** Sticky form of the pattern, tried only where a trigger word starts (see triggerWords). */
  regex: RegExp;
  /** Value template: `%list` references plus functions resolved against the anchor (see resolve.ts). */
  value: string;
  mod?: string;
  /** `| day=anchor`: the expression means the anchor's day (`heute`), so clock times after it belong to that day. */
  anchorDay?: boolean;
  /** Which list each capture group name stands for. */
  groups: Map<string, string>;
  examples: RuleExample[];
  line: number;
}

const TYPES = new Set(['DATE', 'TIME', 'DURATION', 'SET']);

/**
 * Expands a rule pattern: `%name` or `%name#2` becomes a named capture group over that list,
 * a space means one or more whitespace characters, and the whole never ends inside a word or
 * number (it is only tried where a word starts).
 */
function compilePattern(src: string, lists: Map<string, PatternList>, groups: Map<string, string>, where: string): RegExp {
  const body = src.replace(/%([a-z0-9]+)(?:#(\d))?/g, (_m, name: string, k?: string) => {
    const list = lists.get(name);
    if (!list) throw new Error(`${where}: unknown list %${name}`);
    const g = k ? `${name}_${k}` : name;
    groups.set(g, name);
    return `(?<${g}>${list.pattern})`;
  }).replace(/ /g, '\\s+');
  // The tagger tries a rule only where a word starts, so only the end needs a boundary check.
  return new RegExp(`(?:${body})(?![\\p{L}\\p{N}])`, 'uy');
}

function parseExample(s: string, where: string): RuleExample {
  // `TEXT => VALUE [mod=M] [@ DCT]`
  const m = /^(.*?) => (\S+)(?: mod=(\S+))?(?: @ (\S+))?\s*$/.exec(s);
  if (!m) throw new Error(`${where}: bad example "${s}"`);
  const ex: RuleExample = { text: m[1]!, value: m[2]! };
  if (m[3]) ex.mod = m[3];
  if (m[4]) ex.dct = m[4];
  return ex;
}

/** Parses rules.txt: `NAME TYPE PATTERN => VALUE [| mod=MOD] [| day=anchor]`, examples as `# ex: …` lines above. */
export function parseRules(text: string, lists: Map<string, PatternList>, file = 'rules.txt'): TimeRule[] {
  const rules: TimeRule[] = [];
  let pending: RuleExample[] = [];
  text.split('\n').forEach((raw, i) => {
    const where = `${file}:${i + 1}`;
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) return;
    if (line.startsWith('#')) {
      const ex = /^#\s*ex:\s*(.*)$/.exec(line);
      if (ex) pending.push(parseExample(ex[1]!, where));
      return;
    }
    const m = /^(\S+)\s+(\S+)\s+(.*?) => (.*)$/.exec(line);
    if (!m) throw new Error(`${where}: cannot parse rule`);
    const [, name, type, pattern, rest] = m as unknown as [string, string, string, string, string];
    if (!TYPES.has(type)) throw new Error(`${where}: unknown type ${type}`);
    const [value, ...opts] = rest.split(' | ').map((s) => s.trim());
    const groups = new Map<string, string>();
    const rule: TimeRule = {
      name, type: type as TimexType, source: pattern, regex: compilePattern(pattern, lists, groups, where),
      value: value!, groups, examples: pending, line: i + 1,
    };
    for (const o of opts) {
      const kv = /^mod=(\S+)$/.exec(o);
      if (kv) rule.mod = kv[1]!;
      else if (o === 'day=anchor') rule.anchorDay = true;
      else throw new Error(`${where}: unknown option ${o}`);
    }
    rules.push(rule);
    pending = [];
  });
  return rules;
}

export function loadRules(dir: string, lists: Map<string, PatternList>): TimeRule[] {
  return parseRules(readFileSync(join(dir, 'rules.txt'), 'utf8'), lists);
}

/** Lower-case literal words of a pattern or list form (character classes like `[Jj]` read as one letter). */
export function literalWords(src: string): string[] {
  const plain = src.replace(/\[([A-ZÄÖÜ])([a-zäöü])\]/g, (_m, _u: string, l: string) => l).replace(/%[a-z0-9]+(#\d)?/g, ' ')
    // an optional letter ends the literal word (`Jahre?n?` starts `Jahr`)
    .replace(/\p{L}\?/gu, ' ');
  return [...plain.matchAll(/[\p{L}]{2,}/gu)].map((m) => m[0].toLowerCase());
}

/**
 * Words that can occur in a rule's matches: its literal words and its lists' forms, plus whether
 * digits can. The tagger tries a rule only at word starts beginning with one of these, which
 * keeps it fast on long texts (an over-approximation, so nothing is lost).
 */
export function ruleTriggers(rule: TimeRule, lists: Map<string, PatternList>): { words: Set<string>; digits: boolean } {
  const words = new Set(literalWords(rule.source));
  let digits = /\\d|\[0-9/.test(rule.source);
  for (const listName of new Set(rule.groups.values())) {
    const list = lists.get(listName)!;
    digits ||= list.digits;
    for (const f of list.forms) for (const w of literalWords(f)) words.add(w);
  }
  return { words, digits };
}

interface FirstSet { words: Set<string>; digits: boolean; unknown: boolean }

/** Index of the `)` closing the group opened at `open`. */
function closing(src: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') { i++; continue; }
    if (inClass) { if (ch === ']') inClass = false; continue; }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  throw new Error(`unbalanced group in ${src}`);
}

/** Splits a group body at its top-level `|`. */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let last = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') { i++; continue; }
    if (inClass) { if (ch === ']') inClass = false; continue; }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) { out.push(src.slice(last, i)); last = i + 1; }
  }
  out.push(src.slice(last));
  return out;
}

/**
 * The words a match of this pattern can begin with (a small walk over the pattern: optional
 * items let the next one begin it too; lookarounds take no text). Lets the tagger try a rule
 * only where its first word stands.
 */
function firstOf(src: string, lists: Map<string, PatternList>, acc: FirstSet): boolean {
  // returns whether the whole of `src` can match the empty string
  for (const alt of alternatives(src)) {
    if (firstOfSeq(alt, lists, acc)) return true;
  }
  return false;
}

function firstOfSeq(src: string, lists: Map<string, PatternList>, acc: FirstSet): boolean {
  let i = 0;
  while (i < src.length) {
    const item: FirstSet = { words: new Set(), digits: false, unknown: false };
    let nullable = false;
    let end: number;
    const ch = src[i]!;
    if (ch === '(') {
      const close = closing(src, i);
      const inner = src.slice(i + 1, close);
      end = close + 1;
      if (/^\?(?:<[=!]|[=!])/.test(inner)) { i = end; continue; } // lookaround: no text
      nullable = firstOf(inner.replace(/^\?(?::|<[A-Za-z_][A-Za-z0-9_]*>)/, ''), lists, item);
    } else if (ch === '%') {
      const m = /^%([a-z0-9]+)(?:#\d)?/.exec(src.slice(i))!;
      const list = lists.get(m[1]!)!;
      item.digits = list.digits;
      for (const f of list.forms) {
        const w = literalWords(f)[0];
        if (w) item.words.add(w);
        else item.unknown = true;
      }
      end = i + m[0].length;
    } else if (ch === '[') {
      const close = src.indexOf(']', i);
      const cls = src.slice(i + 1, close);
      end = close + 1;
      if (/0-9|\\d/.test(cls)) item.digits = true;
      else if (/^[\p{Lu}][\p{Ll}]$|^[\p{Ll}][\p{Lu}]$/u.test(cls)) {
        // `[Jj]ede`: one letter in either case, then the rest of the word
        const rest = /^[\p{L}]*/u.exec(src.slice(end))![0];
        item.words.add((cls[0]! + rest).toLowerCase().replace(/\p{L}$/u, (c) => (src[end + rest.length] === '?' ? '' : c)));
        end += rest.length;
      } else if (/\p{L}/u.test(cls)) item.unknown = true;
    } else if (ch === '\\') {
      if (src[i + 1] === 'd') item.digits = true;
      else if (src[i + 1] === 'p') item.unknown = true;
      end = i + 2;
      if (src[i + 1] === 'p' && src[i + 2] === '{') end = src.indexOf('}', i) + 1;
    } else if (/\p{L}/u.test(ch)) {
      const word = /^[\p{L}]+/u.exec(src.slice(i))![0];
      end = i + word.length;
      // a trailing optional letter is not part of the word's start
      item.words.add((src[end] === '?' ? word.slice(0, -1) : word).toLowerCase());
    } else if (ch === '.') {
      item.unknown = true;
      end = i + 1;
    } else if (/[0-9]/.test(ch)) {
      item.digits = true;
      end = i + 1;
    } else {
      end = i + 1; // punctuation or space: cannot begin a match at a word start
    }
    const q = src[end];
    if (q === '?' || q === '*') { nullable = true; end++; }
    else if (q === '+') end++;
    else if (q === '{') { nullable ||= src[end + 1] === '0'; end = src.indexOf('}', end) + 1; }
    if (src[end] === '?') end++; // lazy quantifier
    for (const w of item.words) acc.words.add(w);
    acc.digits ||= item.digits;
    acc.unknown ||= item.unknown;
    if (!nullable) return false;
    i = end;
  }
  return true;
}

/** Words (and whether digits) a rule's matches can begin with; null when the pattern is too open to say. */
export function ruleFirstWords(rule: TimeRule, lists: Map<string, PatternList>): { words: Set<string>; digits: boolean } | null {
  const acc: FirstSet = { words: new Set(), digits: false, unknown: false };
  const empty = firstOf(rule.source, lists, acc);
  if (acc.unknown || empty) return null;
  return { words: new Set([...acc.words].filter((w) => w.length >= 2)), digits: acc.digits };
}
