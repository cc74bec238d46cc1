import type { Sentence, Span, TimeExpression, TimexType } from '../../model/index.js';
import { paths } from '../../paths.js';
import { join } from 'node:path';
import { loadLists, type PatternList } from './lists.js';
import { loadRules, ruleTriggers, type TimeRule } from './rules.js';
import { parseAnchor, resolveValue, type Anchor, type ResolveContext } from './resolve.js';
import { sentenceSpans, tenseAt } from './tense.js';

export const RULES_DIR = join(paths.rules, 'time');

export interface TaggedTimex extends TimeExpression {
  /** Name of the rule that found it (rules.txt). */
  rule: string;
}

export interface Tagger {
  lists: Map<string, PatternList>;
  rules: TimeRule[];
  /** Word beginning → indices of the rules that may match there; `digitRules` for numbers. */
  byWord: Map<string, number[]>;
  digitRules: number[];
}

export function buildTagger(lists: Map<string, PatternList>, rules: TimeRule[]): Tagger {
  const byWord = new Map<string, number[]>();
  const digitRules: number[] = [];
  rules.forEach((r, i) => {
    const t = ruleTriggers(r, lists);
    if (t.digits) digitRules.push(i);
    for (const w of t.words) {
      const l = byWord.get(w);
      if (l) l.push(i); else byWord.set(w, [i]);
    }
  });
  return { lists, rules, byWord, digitRules };
}

let cached: Tagger | null = null;

/** Loads lists and rules once per process. */
export function defaultTagger(): Tagger {
  if (!cached) {
    const lists = loadLists(RULES_DIR);
    cached = buildTagger(lists, loadRules(RULES_DIR, lists));
  }
  return cached;
}

interface Candidate {
  start: number;
  end: number;
  rule: TimeRule;
  groups: Record<string, string | undefined>;
  order: number;
}

function findCandidates(text: string, tagger: Tagger): Candidate[] {
  const out: Candidate[] = [];
  const tried = new Uint8Array(tagger.rules.length);
  const tryRule = (order: number, p: number): void => {
    const rule = tagger.rules[order]!;
    rule.regex.lastIndex = p;
    const m = rule.regex.exec(text);
    if (!m || m[0].length === 0) return;
    let start = m.index;
    let end = m.index + m[0].length;
    // a pattern may end in whitespace before a lookahead; keep the span tight
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    while (start < end && /\s/.test(text[start]!)) start++;
    out.push({ start, end, rule, groups: m.groups ?? {}, order });
  };
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      for (const r of tagger.digitRules) tryRule(r, m.index);
      continue;
    }
    const lw = w.toLowerCase();
    tried.fill(0);
    for (let k = Math.min(lw.length, 16); k >= 2; k--) {
      const rs = tagger.byWord.get(lw.slice(0, k));
      if (!rs) continue;
      for (const r of rs) {
        if (tried[r]) continue;
        tried[r] = 1;
        tryRule(r, m.index);
      }
    }
  }
  return out;
}

/** Longest match wins; on equal length the rule written first. */
function selectNonOverlapping(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.order - b.order || a.start - b.start);
  const taken: Candidate[] = [];
  for (const c of sorted) {
    if (taken.some((t) => t.start < c.end && c.start < t.end)) continue;
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

function substitute(template: string, c: Candidate, lists: Map<string, PatternList>, optional = false): string {
  return template.replace(/%([a-z0-9]+)(?:#(\d))?/g, (m, name: string, k?: string) => {
    const g = k ? `${name}_${k}` : name;
    const listName = c.rule.groups.get(g);
    const raw = c.groups[g];
    if (optional && raw === undefined) return '';
    if (!listName || raw === undefined) throw new Error(`time rule ${c.rule.name}: template uses ${m} but the pattern did not capture it`);
    return lists.get(listName)!.normalize(raw);
  });
}

const DAY_VALUE = /^(\d{4}-\d{2}-\d{2})/;
const ABSOLUTE = /^(?:\d{4}(?:-\d{2}){0,2}|\d{4}-(?:W\d{2}|Q\d|H\d|SP|SU|FA|WI))(?:T.*)?$/;

export interface TagOptions {
  /** Sentences (from the tokenizer) to use instead of the built-in splitter. */
  sentences?: readonly Span[];
  tagger?: Tagger;
}

/**
 * Finds and normalises German time expressions in `text`. `dct` is the document creation time
 * (publication date, any TIMEX3 precision); without it relative expressions are resolved
 * against the last absolute date in the text (narrative mode).
 */
export function tagTimex(text: string, dct?: string | null, opts: TagOptions = {}): TaggedTimex[] {
  const tagger = opts.tagger ?? defaultTagger();
  const sentences = opts.sentences && opts.sentences.length ? opts.sentences : sentenceSpans(text);
  const chosen = selectNonOverlapping(findCandidates(text, tagger));
  const dctAnchor = parseAnchor(dct);
  const narrative = !dctAnchor;
  let textAnchor: Anchor | null = null;
  let lastDay: string | null = dctAnchor && dctAnchor.d !== undefined ? dctAnchor.value.slice(0, 10) : null;
  let si = 0;
  const out: TaggedTimex[] = [];
  for (const c of chosen) {
    while (si < sentences.length - 1 && sentences[si]!.end <= c.start) si++;
    const sentence = sentences[si] ?? { start: 0, end: text.length };
    const anchor = dctAnchor ?? textAnchor;
    const ctx: ResolveContext = { anchor, lastDay, tense: tenseAt(text, sentence, c), narrative };
    const template = substitute(c.rule.value, c, tagger.lists);
    const value = resolveValue(template, ctx);
    const t: TaggedTimex = {
      start: c.start, end: c.end, text: text.slice(c.start, c.end), type: c.rule.type as TimexType, value,
      sentence: si, rule: c.rule.name,
    };
    const mod = c.rule.mod ? substitute(c.rule.mod, c, tagger.lists, true) : '';
    if (mod) t.mod = mod;
    if (template !== value && anchor) t.anchor = anchor.value;
    out.push(t);
    if ((t.type === 'DATE' || t.type === 'TIME') && ABSOLUTE.test(value) && !value.startsWith('X')) {
      const d = DAY_VALUE.exec(value);
      if (d) lastDay = d[1]!;
      const a = parseAnchor(value);
      // the anchor for a narrative follows its dates; keep the finer anchor when a year repeats it
      if (a && !(textAnchor && textAnchor.y === a.y && a.m === undefined)) textAnchor = a;
    }
  }
  return out;
}

/** Sentences from the tokenizer as spans (the tagger needs only their offsets). */
export function sentenceOffsets(sentences: readonly Sentence[]): Span[] {
  return sentences.map((s) => ({ start: s.start, end: s.end }));
}
