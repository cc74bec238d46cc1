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
  /** Which list each capture group name stands for. */
  groups: Map<string, string>;
  examples: RuleExample[];
  line: number;
}

const TYPES = new Set(['DATE', 'TIME', 'DURATION', 'SET']);

/**
 * Expands a rule pattern: `%name` or `%name#2` becomes a named capture group over that list,
 * a space means one or more whitespace characters, and the whole is bounded so that it never
 * starts or ends inside a word or number.
 */
function compilePattern(src: string, lists: Map<string, PatternList>, groups: Map<string, string>, where: string): RegExp {
  const body = src.replace(/%([a-z0-9]+)(?:#(\d))?/g, (_m, name: string, k?: string) => {
    const list = lists.get(name);
    if (!list) throw new Error(`${where}: unknown list %${name}`);
    const g = k ? `${name}_${k}` : name;
    groups.set(g, name);
    return `(?<${g}>${list.pattern})`;
  }).replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'uy');
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

/** Parses rules.txt: `NAME TYPE PATTERN => VALUE [| mod=MOD]`, examples as `# ex: …` lines above. */
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
    const [value, ...opts] = rest.split('|').map((s) => s.trim());
    const groups = new Map<string, string>();
    const rule: TimeRule = {
      name, type: type as TimexType, source: pattern, regex: compilePattern(pattern, lists, groups, where),
      value: value!, groups, examples: pending, line: i + 1,
    };
    for (const o of opts) {
      const kv = /^mod=(\S+)$/.exec(o);
      if (!kv) throw new Error(`${where}: unknown option ${o}`);
      rule.mod = kv[1]!;
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
function literalWords(src: string): string[] {
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
