import type { Sentence, Span, TimeExpression, TimexType } from '../../model/index.js';
import { paths } from '../../paths.js';
import { join } from 'node:path';
import { loadLists, type PatternList } from './lists.js';
import { literalWords, loadRules, ruleFirstWords, ruleTriggers, type TimeRule } from './rules.js';
import { parseAnchor, resolveValue, type Anchor, type ResolveContext, type Tense } from './resolve.js';
import { sentenceSpans, tenseAt } from './tense.js';

export const RULES_DIR = join(paths.rules, 'time');

export interface TaggedTimex extends TimeExpression {
  /** Name of the rule that found it (rules.txt). */
  rule: string;
}

export interface Tagger {
  lists: Map<string, PatternList>;
  rules: TimeRule[];
  /** Word beginning → indices of the rules whose matches may begin with it. */
  byFirst: Map<string, number[]>;
  /** Word beginning → indices of the rules whose matches may contain it anywhere. */
  byWord: Map<string, number[]>;
  /** Rules whose matches may begin with a number. */
  digitFirst: number[];
  /** Rules whose matches may contain a number. */
  digitSet: Set<number>;
  /** Rules that can match a number standing alone (`1939`), tried at every number. */
  loneDigitRules: number[];
  /** The same by the length of the number (a lone 4-digit number can only be a year). */
  loneByLength: Map<number, number[]>;
  /** Number rules that look back to a word before a space (`am 3.`), by that word; or to a mark (`1912/13`). */
  afterSpace: Map<string, number[]>;
  afterMark: number[];
  loneSet: Set<number>;
  wordCache: Map<string, WordInfo>;
  /** Lower-cased first two letters of two-letter first words, first three of longer ones (as char codes), to skip other words without slicing them. */
  starts2: Set<number>;
  starts3: Set<number>;
  /** For words of six letters or more: their first four letters must begin a first word (or a number-word compound). */
  starts4: Set<number>;
  /** The same for any word of any rule (for the next-word test). */
  anyStarts: { s2: Set<number>; s3: Set<number>; s4: Set<number> };
}

function addTo(map: Map<string, number[]>, w: string, i: number): void {
  const l = map.get(w);
  if (l) l.push(i); else map.set(w, [i]);
}

export function buildTagger(lists: Map<string, PatternList>, rules: TimeRule[]): Tagger {
  const byWord = new Map<string, number[]>();
  const byFirst = new Map<string, number[]>();
  const digitSet = new Set<number>();
  const digitFirst: number[] = [];
  rules.forEach((r, i) => {
    const t = ruleTriggers(r, lists);
    if (t.digits) digitSet.add(i);
    for (const w of t.words) addTo(byWord, w, i);
    // where the first word cannot be worked out, any word of the rule may begin it
    const f = ruleFirstWords(r, lists) ?? t;
    if (f.digits) digitFirst.push(i);
    for (const w of f.words) addTo(byFirst, w, i);
  });
  const starts2 = new Set<number>();
  const starts3 = new Set<number>();
  const starts4 = new Set<number>();
  const quad = (w: string): number => ((w.charCodeAt(0) * 1024 + w.charCodeAt(1)) * 1024 + w.charCodeAt(2)) * 1024 + w.charCodeAt(3);
  // compounds of a number word and a duration adjective (`einwöchig`, `dreitägig`) begin with a
  // short number word and the adjective's first letter
  const adjInitials = new Set((lists.get('unitadj')?.forms ?? []).map((f) => f[0]!.toLowerCase()));
  for (const w of byFirst.keys()) {
    if (w.length === 2) starts2.add(w.charCodeAt(0) * 65536 + w.charCodeAt(1));
    else starts3.add((w.charCodeAt(0) * 65536 + w.charCodeAt(1)) * 65536 + w.charCodeAt(2));
    if (w.length >= 4) starts4.add(quad(w));
    if (w.length === 3) for (const c of adjInitials) starts4.add(quad(w + c));
  }
  const anyStarts = { s2: new Set<number>(), s3: new Set<number>(), s4: new Set<number>() };
  for (const w of byWord.keys()) {
    if (w.length === 2) anyStarts.s2.add(w.charCodeAt(0) * 65536 + w.charCodeAt(1));
    else anyStarts.s3.add((w.charCodeAt(0) * 65536 + w.charCodeAt(1)) * 65536 + w.charCodeAt(2));
    if (w.length >= 4) anyStarts.s4.add(quad(w));
    if (w.length === 3) for (const c of adjInitials) anyStarts.s4.add(quad(w + c));
  }
  // which rules match a bare number by themselves, by its length: found by trying them on a few
  const loneByLength = new Map<number, number[]>();
  for (const sample of ['1939', '12', '7']) {
    for (const i of digitFirst) {
      const re = rules[i]!.regex;
      re.lastIndex = 0;
      const m = re.exec(`${sample} `);
      if (m === null || m[0].trim() !== sample) continue;
      const l = loneByLength.get(sample.length) ?? [];
      l.push(i);
      loneByLength.set(sample.length, l);
    }
  }
  // rules that begin by looking back (`(?<=am )%day\.`) depend on what precedes, not on the next
  // word: tried at every number after a space, or after punctuation, as their look-behind ends
  const afterSpace = new Map<string, number[]>();
  const afterMark: number[] = [];
  for (const i of digitFirst) {
    const src = rules[i]!.source;
    if (!src.startsWith('(?<=')) continue;
    const close = src.indexOf(')%');
    if (close > 0 && src[close - 1] === ' ') {
      // keyed by the words the look-behind allows (`um`, `ab`, `am` …)
      for (const w of literalWords(src.slice(0, close))) addTo(afterSpace, w, i);
    } else afterMark.push(i);
  }
  const loneDigitRules = [...new Set([...[...loneByLength.values()].flat(), ...[...afterSpace.values()].flat(), ...afterMark])];
  return {
    lists, rules, byFirst, byWord, digitFirst, digitSet, loneDigitRules, loneByLength, afterSpace, afterMark, loneSet: new Set(loneDigitRules),
    wordCache: new Map(), starts2, starts3, starts4, anyStarts,
  };
}

const taggers = new Map<string, Tagger>();

/** The tagger of a rule folder (lists and rules), loaded once per process. */
export function taggerFor(dir: string): Tagger {
  let t = taggers.get(dir);
  if (!t) {
    const lists = loadLists(dir);
    taggers.set(dir, (t = buildTagger(lists, loadRules(dir, lists))));
  }
  return t;
}

/** The German tagger. */
export function defaultTagger(): Tagger {
  return taggerFor(RULES_DIR);
}

interface Candidate {
  start: number;
  end: number;
  rule: TimeRule;
  groups: Record<string, string | undefined>;
  order: number;
}

/**
 * Frequent function words that begin matches only together with the next word (`den
 * vergangenen Jahren`, `in Zukunft`): a rule is tried at one of them only if the next word
 * could also be part of that rule, which spares most attempts at `der`, `die`, `und`.
 */
const WEAK = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'dass', 'denn', 'denen', 'deshalb', 'dann', 'doch', 'und', 'es', 'er',
  'in', 'im', 'am', 'an', 'als', 'auf', 'zum', 'zur', 'ein', 'eine', 'einen', 'einer', 'einem', 'eines',
  'diese', 'dieser', 'diesem', 'diesen', 'dieses', 'dies', 'deren', 'dessen', 'bis', 'von', 'zu', 'mit', 'über', 'unter',
  'mehr', 'weniger', 'vor', 'nach', 'seit', 'ab', 'um', 'gut', 'rund', 'etwa', 'fast', 'knapp',
]);

/** Per UTF-16 code unit: 1 for a letter or digit; and its lower-case code unit. Built once. */
const WORD = new Uint8Array(65536);
const LOWER = new Uint16Array(65536);
{
  const re = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 65536; c++) {
    const ch = String.fromCharCode(c);
    if (c < 0xd800 || c > 0xdfff) WORD[c] = re.test(ch) ? 1 : 0;
    const l = ch.toLowerCase();
    LOWER[c] = l.length === 1 ? l.charCodeAt(0) : c;
  }
}

interface WordInfo {
  /** Rules whose matches may begin with this word. */
  first: readonly number[];
  /** Rules whose matches may contain this word. */
  /** Membership by rule index (1 = this word may be part of the rule), for a quick test. */
  any: Uint8Array;
  weak: boolean;
}

/** What may follow a short trigger word in an inflected form (`Tag` → `Tages`, not `den` → `dennoch`). */
const SHORT_ENDINGS = /^(?:e|n|s|r|m|en|es|er|em|ns|ens)$/;

/** True for the second part of a compound such as `ein|wöchigen`: it begins with a trigger word itself. */
function startsWithTrigger(rest: string, map: Map<string, number[]>): boolean {
  for (let k = Math.min(rest.length, 16); k >= 4; k--) if (map.has(rest.slice(0, k))) return true;
  return false;
}

function rulesByPrefix(lw: string, map: Map<string, number[]>, all: Map<string, number[]>): number[] {
  const set = new Set<number>();
  for (let k = Math.min(lw.length, 16); k >= 2; k--) {
    if (k <= 3 && k < lw.length && !SHORT_ENDINGS.test(lw.slice(k)) && !startsWithTrigger(lw.slice(k), all)) continue;
    const rs = map.get(lw.slice(0, k));
    if (rs) for (const r of rs) set.add(r);
  }
  return [...set].sort((a, b) => a - b);
}

/** What the rules know of a word as written (memoised: words repeat a lot). */
function wordInfo(w: string, tagger: Tagger): WordInfo {
  const hit = tagger.wordCache.get(w);
  if (hit) return hit;
  const lw = w.toLowerCase();
  const any = new Uint8Array(tagger.rules.length);
  for (const r of rulesByPrefix(lw, tagger.byWord, tagger.byWord)) any[r] = 1;
  const info = { first: rulesByPrefix(lw, tagger.byFirst, tagger.byWord), any, weak: WEAK.has(lw) };
  if (tagger.wordCache.size > 400_000) tagger.wordCache.clear();
  tagger.wordCache.set(w, info);
  return info;
}

const NO_RULES: readonly number[] = [];
/** The next-word set of a word no rule contains. */
const NOTHING = new Uint8Array(0);

/** Cheap test on a word's first letters (no string made): may it be a word of some rule? */
function mayBeIn(text: string, start: number, end: number, st: { s2: Set<number>; s3: Set<number>; s4: Set<number> }): boolean {
  const len = end - start;
  const c0 = LOWER[text.charCodeAt(start)]!;
  const c1 = LOWER[text.charCodeAt(start + 1)]!;
  const pair = c0 * 65536 + c1;
  if (len < 6) return st.s2.has(pair) || (len >= 3 && st.s3.has(pair * 65536 + LOWER[text.charCodeAt(start + 2)]!));
  const c2 = LOWER[text.charCodeAt(start + 2)]!;
  const c3 = LOWER[text.charCodeAt(start + 3)]!;
  if (c0 >= 1024 || c1 >= 1024 || c2 >= 1024 || c3 >= 1024) return true;
  return st.s4.has(((c0 * 1024 + c1) * 1024 + c2) * 1024 + c3);
}
const shortCache = new Map<number, WordInfo>();
let shortCacheOwner: Tagger | null = null;

/** wordInfo for text[start, end): short words by a numeric key, so no string is made for them. */
function infoAt(text: string, start: number, end: number, tagger: Tagger): WordInfo {
  const len = end - start;
  if (len > 3) return wordInfo(text.slice(start, end), tagger);
  if (shortCacheOwner !== tagger) { shortCache.clear(); shortCacheOwner = tagger; }
  const key = ((text.charCodeAt(start) * 65536 + text.charCodeAt(start + 1)) * 65536 + (len === 3 ? text.charCodeAt(start + 2) : 0)) * 4 + len;
  let info = shortCache.get(key);
  if (!info) {
    info = wordInfo(text.slice(start, end), tagger);
    shortCache.set(key, info);
  }
  return info;
}

function findCandidates(text: string, tagger: Tagger): Candidate[] {
  const out: Candidate[] = [];
  const tryRule = (order: number, p: number): void => {
    const rule = tagger.rules[order]!;
    // test() first: most tries fail, and a failed test() allocates nothing
    rule.regex.lastIndex = p;
    if (!rule.regex.test(text)) return;
    rule.regex.lastIndex = p;
    const m = rule.regex.exec(text);
    if (!m || m[0].length === 0) return;
    let start = m.index;
    let end = m.index + m[0].length;
    // a pattern may end in whitespace before a lookahead; keep the span tight
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    while (start < end && /\s/.test(text[start]!)) start++;
    out.push({ start, end, rule, groups: m.groups ?? {}, order });
    if (end > coverEnd) coverEnd = end;
  };
  // Words inside a match found at an earlier word are not tried again: the earlier, longer
  // match is the one that will be kept (rules are written so that the longest form starts first).
  let coverEnd = 0;
  const n = text.length;
  // The rules a later word may be part of: null for a number, undefined at the end of the text.
  // Single letters (`v.` in `v. Chr.`) are skipped; with skipWeak, function words are too.
  const peek = (from: number, skipWeak: boolean): Uint8Array | null | undefined => {
    let i = from;
    for (;;) {
      while (i < n && !WORD[text.charCodeAt(i)]) i++;
      if (i >= n) return undefined;
      const start = i;
      while (i < n && WORD[text.charCodeAt(i)]) i++;
      const c = text.charCodeAt(start);
      if (c >= 48 && c <= 57) return null;
      if (i - start < 2) continue;
      if (!mayBeIn(text, start, i, tagger.anyStarts)) return NOTHING;
      const info = infoAt(text, start, i, tagger);
      if (skipWeak && info.weak) continue;
      return info.any;
    }
  };
  // A rule that needs a second word is tried only if the next word could be part of it too.
  const couldContinue = (r: number, next: Uint8Array | null | undefined): boolean =>
    next === null ? tagger.digitSet.has(r) : next !== undefined && next[r] === 1;
  // a hand-rolled word scanner: no match objects per word (this loop runs over every word)
  let i = 0;
  while (i < n) {
    if (!WORD[text.charCodeAt(i)]) { i++; continue; }
    const start = i;
    while (i < n && WORD[text.charCodeAt(i)]) i++;
    if (start < coverEnd) continue;
    const c = text.charCodeAt(start);
    if (c >= 48 && c <= 57) {
      // a number: the rules that match a bare number, and those the next word continues
      // (function words skipped: `10 bis 12 Uhr` looks at `12`, `2014 die Regierung` at `Regierung`)
      let digitsOnly = true;
      for (let k = start; k < i; k++) { const d = text.charCodeAt(k); if (d < 48 || d > 57) { digitsOnly = false; break; } }
      if (digitsOnly) for (const r of tagger.loneByLength.get(i - start) ?? NO_RULES) tryRule(r, start);
      const before = start > 0 ? text.charCodeAt(start - 1) : 10;
      if (before === 32 || before === 10 || before === 9 || before === 160) {
        let e = start - 1;
        while (e > 0 && !WORD[text.charCodeAt(e)]) e--;
        let b = e;
        while (b > 0 && WORD[text.charCodeAt(b - 1)]) b--;
        const prev = e - b < 6 ? tagger.afterSpace.get(text.slice(b, e + 1).toLowerCase()) : undefined;
        if (prev) for (const r of prev) tryRule(r, start);
      } else if (!WORD[before]) {
        for (const r of tagger.afterMark) tryRule(r, start);
      }
      const next = peek(i, true);
      if (next === undefined) continue;
      for (const r of tagger.digitFirst) if (!tagger.loneSet.has(r) && couldContinue(r, next)) tryRule(r, start);
      continue;
    }
    if (i - start < 2) continue;
    // cheap test on the first letters before any string is made
    const pair = LOWER[text.charCodeAt(start)]! * 65536 + LOWER[text.charCodeAt(start + 1)]!;
    const len = i - start;
    const c2 = LOWER[text.charCodeAt(start + 2)]!;
    if (len >= 6) {
      // too long for a short trigger plus an ending: the first four letters must begin a trigger
      const c0 = LOWER[text.charCodeAt(start)]!;
      const c1 = LOWER[text.charCodeAt(start + 1)]!;
      const c3 = LOWER[text.charCodeAt(start + 3)]!;
      if (c0 < 1024 && c1 < 1024 && c2 < 1024 && c3 < 1024 && !tagger.starts4.has(((c0 * 1024 + c1) * 1024 + c2) * 1024 + c3)) continue;
    } else if (!tagger.starts2.has(pair) && !(len >= 3 && tagger.starts3.has(pair * 65536 + c2))) continue;
    const info = infoAt(text, start, i, tagger);
    if (!info.first.length) continue;
    if (info.weak) {
      // the next word that is not itself a function word (`dass die Regierung` → `Regierung`)
      const next = peek(i, true);
      for (const r of info.first) if (couldContinue(r, next)) tryRule(r, start);
    } else {
      for (const r of info.first) tryRule(r, start);
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

const RANGE_END = /(?:\b(?:bis(?: zum| zur| in)?|seit)|[–-])\s*$/u;
const NEEDS_TENSE = /UNDEF|PAST-|NEXT-|WD\(|^WE$/;
const DAY_VALUE = /^(\d{4}-\d{2}-\d{2})/;
const ABSOLUTE = /^(?:BC)?(?:\d{4}(?:-\d{2}){0,2}|\d{4}-(?:W\d{2}|Q\d|H\d|SP|SU|FA|WI))(?:T.*)?$/;

export interface TagOptions {
  /** Sentences (from the tokenizer) to use instead of the built-in splitter. */
  sentences?: readonly Span[];
  tagger?: Tagger;
  /** The tense around an expression, for another language's rules (default: German markers). */
  tense?: (text: string, sentence: Span, at: Span) => Tense;
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
  const dctDay = dctAnchor && dctAnchor.d !== undefined ? dctAnchor.value.slice(0, 10) : null;
  let lastDay: string | null = dctDay;
  let lastDaySentence = -1;
  let si = 0;
  const out: TaggedTimex[] = [];
  for (const c of chosen) {
    while (si < sentences.length - 1 && sentences[si]!.end <= c.start) si++;
    const sentence = sentences[si] ?? { start: 0, end: text.length };
    const anchor = dctAnchor ?? textAnchor;
    const template = substitute(c.rule.value, c, tagger.lists);
    // the tense is looked up only where the value depends on it
    const tense = NEEDS_TENSE.test(template) ? (opts.tense ?? tenseAt)(text, sentence, c) : 'present';
    // with a DCT, a day mentioned more than a sentence ago no longer carries clock times
    const day = dctDay && si - lastDaySentence > 1 ? dctDay : lastDay;
    const ctx: ResolveContext = { anchor, lastDay: day, tense, narrative };
    const value = resolveValue(template, ctx);
    const t: TaggedTimex = {
      start: c.start, end: c.end, text: text.slice(c.start, c.end), type: c.rule.type as TimexType, value,
      sentence: si, rule: c.rule.name,
    };
    const mod = c.rule.mod ? substitute(c.rule.mod, c, tagger.lists, true) : '';
    if (mod) t.mod = mod;
    if (template !== value && anchor) t.anchor = anchor.value;
    out.push(t);
    if (c.rule.anchorDay && dctDay) { lastDay = dctDay; lastDaySentence = si; }
    if ((t.type === 'DATE' || t.type === 'TIME') && ABSOLUTE.test(value) && !value.startsWith('X')) {
      const d = DAY_VALUE.exec(value);
      if (d) { lastDay = d[1]!; lastDaySentence = si; }
      const a = parseAnchor(value);
      // the anchor for a narrative follows its dates; keep the finer anchor when a year repeats it
      // a bare year far from the story's time is an aside or a count (`1370 Landungsboote`), not a new anchor
      const aside = textAnchor !== null && a !== null && a.m === undefined && Math.abs(a.y - textAnchor.y) > 100;
      // the end of a range (`1914 bis 1918`) is not where the story stands
      const rangeEnd = RANGE_END.test(text.slice(Math.max(0, c.start - 12), c.start));
      if (a && !aside && !rangeEnd && !(textAnchor && textAnchor.y === a.y && a.m === undefined)) textAnchor = a;
    }
  }
  return out;
}

/** Sentences from the tokenizer as spans (the tagger needs only their offsets). */
export function sentenceOffsets(sentences: readonly Sentence[]): Span[] {
  return sentences.map((s) => ({ start: s.start, end: s.end }));
}
