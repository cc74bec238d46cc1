import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../model/index.js';
import { packageRoot } from '../../paths.js';
import { parseLists } from './lists.js';
import { tagTimex, taggerFor, type TaggedTimex, type Tagger } from './tagger.js';
import type { Tense } from './resolve.js';

/**
 * English time expressions: the German tagger's engine (rule format, value functions, overlap
 * resolution) with English rule and list files (src/analyze/time/en/) and English tense markers,
 * so `on Tuesday`, `July 8`, `next week` resolve against the publication date as German ones do.
 */
export const ENGLISH_RULES_DIR = join(packageRoot, 'src', 'analyze', 'time', 'en');

export function englishTagger(): Tagger {
  return taggerFor(ENGLISH_RULES_DIR);
}

interface Markers {
  past: RegExp;
  future: RegExp;
  notPast: Set<string>;
}

let markers: Markers | null = null;

function tenseMarkers(): Markers {
  if (!markers) {
    const data = parseLists(readFileSync(join(ENGLISH_RULES_DIR, 'tense.txt'), 'utf8'));
    const alt = (name: string): RegExp => new RegExp(`^(?:${(data.get(name) ?? []).map((e) => e.form).join('|')})$`, 'i');
    markers = { past: alt('past'), future: alt('future'), notPast: new Set((data.get('notpast') ?? []).map((e) => e.form)) };
  }
  return markers;
}

const WORD = /[\p{L}']+/gu;
const CLAUSE_MARK = /[,;:—–]|\bthat\b/u;

function tenseOf(word: string, m: Markers): Tense | null {
  if (m.future.test(word)) return 'future';
  if (m.past.test(word)) return 'past';
  // regular past forms (`launched`, `agreed`): lower case, so names and nouns in -ed stay out
  if (/^\p{Ll}{2,}ed$/u.test(word) && !m.notPast.has(word)) return 'past';
  return null;
}

/** Tense words of one sentence (absolute offsets), kept for the sentence last asked about: its expressions share them. */
let sentenceWords: { text: string; start: number; end: number; words: { pos: number; end: number; t: Tense }[] } | null = null;

function tenseWordsOf(text: string, sentence: Span): { pos: number; end: number; t: Tense }[] {
  const c = sentenceWords;
  if (c && c.text === text && c.start === sentence.start && c.end === sentence.end) return c.words;
  const m = tenseMarkers();
  const words: { pos: number; end: number; t: Tense }[] = [];
  for (const w of text.slice(sentence.start, sentence.end).matchAll(WORD)) {
    const t = tenseOf(w[0], m);
    if (t) words.push({ pos: sentence.start + w.index, end: sentence.start + w.index + w[0].length, t });
  }
  sentenceWords = { text, start: sentence.start, end: sentence.end, words };
  return words;
}

/**
 * The tense of the clause around an English time expression: the nearest marker with no comma,
 * dash or `that` in between, else the nearest in the sentence; nothing found is present.
 */
export function englishTenseAt(text: string, sentence: Span, at: Span): Tense {
  let best: { d: number; t: Tense } | null = null;
  let inClause: { d: number; t: Tense } | null = null;
  for (const { pos, end, t } of tenseWordsOf(text, sentence)) {
    if (pos >= at.start && end <= at.end) continue; // the expression's own words (`last`, `next`)
    const d = pos < at.start ? at.start - end : pos - at.end;
    if (!best || d < best.d) best = { d, t };
    const between = pos < at.start ? text.slice(end, at.start) : text.slice(at.end, pos);
    if (!CLAUSE_MARK.test(between) && (!inClause || d < inClause.d)) inClause = { d, t };
  }
  return (inClause ?? best)?.t ?? 'present';
}

/** English time expressions in `text`, resolved against `dct` (the publication date). */
export function tagEnglishTimex(text: string, dct?: string | null, sentences?: readonly Span[]): TaggedTimex[] {
  return tagTimex(text, dct, { tagger: englishTagger(), tense: englishTenseAt, ...(sentences ? { sentences } : {}) });
}
