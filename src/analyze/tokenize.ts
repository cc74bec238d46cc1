import type { AnalyzedArticle, Sentence, Token } from '../model/index.js';
import type { AnalyzeComponent } from './pipeline.js';
import abbreviationData from './tokenize/abbreviations.json' with { type: 'json' };

/**
 * Tokenizer and sentence splitter for German news text. Offsets are UTF-16 code units into the
 * input, so `text.slice(t.start, t.end) === t.text` for every token. Tokens follow the GermEval /
 * TIGER convention the NER model was trained on: punctuation split off, abbreviation and ordinal
 * periods kept on the word (`Dr.`, `10.`), hyphenated compounds one token (`US-Präsident`).
 */

interface AbbrevEntry { abbr: string; example: string; sentences?: number; maybeFinal?: boolean; finalExample?: string }
interface AbbrevData { single: AbbrevEntry[]; parts: AbbrevEntry[]; final: AbbrevEntry[]; sentenceOpeners: string[] }
const abbrevs = abbreviationData as AbbrevData;

/** Abbreviations (with their period) that never end a sentence by themselves. */
const SINGLE = new Set(abbrevs.single.map((e) => e.abbr));
/** Abbreviations (units, company forms) that end a sentence before a typical sentence opener. */
const MAYBE_FINAL = new Set(abbrevs.single.filter((e) => e.maybeFinal).map((e) => e.abbr));
const OPENERS = new Set(abbrevs.sentenceOpeners);
/** Abbreviations that may end a sentence when a capitalised word follows (`usw.`, `etc.`). */
const FINAL = new Set(abbrevs.final.map((e) => e.abbr));
/** Multi-part abbreviations (`z. B.`), matched as a sequence of parts with optional spaces. */
const PARTS: { re: RegExp; parts: number }[] = abbrevs.parts
  .map((e) => e.abbr.split(/\s+/))
  .sort((a, b) => b.length - a.length)
  .map((ps) => ({
    re: new RegExp(ps.map((p) => p.replace(/\./g, '\\.')).join('[ \\t\\u00a0]?'), 'y'),
    parts: ps.length,
  }));
const PART_FIRST = new Set(abbrevs.parts.map((e) => e.abbr.split(/\s+/)[0]!));

const MONTHS = new Set([
  'januar', 'jänner', 'februar', 'feber', 'märz', 'april', 'mai', 'juni', 'juli', 'august',
  'september', 'oktober', 'november', 'dezember', 'jan', 'feb', 'mär', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'okt', 'nov', 'dez',
]);
/** Words after which `N.` is an ordinal even before a capitalised noun (`der 2. Weltkrieg`). */
const ORDINAL_LEFT = new Set([
  'der', 'die', 'das', 'des', 'dem', 'den', 'am', 'im', 'vom', 'zum', 'zur', 'beim', 'ab', 'bis',
  'seit', 'ihr', 'ihre', 'ihrem', 'ihren', 'ihrer', 'ihres', 'sein', 'seine', 'seinem', 'seinen',
  'seiner', 'seines', 'jeder', 'jedes', 'jedem', 'diese', 'dieser', 'diesem', 'dieses', 'dem',
  'einem', 'einer', 'eines', 'zu', 'und', 'oder', 'bzw.', 'bis', 'vor', 'nach', 'zwischen', '(',
  'ins', 'fürs', 'ums', 'aufs', 'unsere', 'unserer', 'unserem',
]);
/** Capitalised nouns that commonly follow an ordinal (`3. Platz`, `20. Jahrhundert`). */
const ORDINAL_RIGHT = new Set([
  'jahrhundert', 'jahrhunderts', 'jahrtausend', 'platz', 'runde', 'mal', 'stock', 'weltkrieg',
  'weltkriegs', 'weltkrieges', 'geburtstag', 'jahrestag', 'liga', 'bundesliga', 'klasse',
  'spieltag', 'etappe', 'minute', 'sitzung', 'amtszeit', 'parteitag', 'gipfel', 'kapitel',
  'auflage', 'ausgabe', 'sinfonie', 'symphonie', 'bezirk', 'juni', 'advent', 'tag', 'woche',
  'quartal', 'halbjahr', 'legislaturperiode', 'wahlperiode', 'todestag', 'internationalen',
]);

// Token shapes, tried in this order at each position (all sticky).
const RE_SPACE = /[\s\u00a0\u200b\ufeff]+/y;
const RE_URL = /(?:https?:\/\/|www\.)[^\s<>"„“”»«]+/iy;
const RE_EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy;
const RE_ACRONYM_DOTTED = /(?:\p{Lu}\.){2,}(?!\p{L})/uy; // U.S., J.R.R.
const RE_DATE_NUM = /\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?(?!\d)/y; // 10.5.2020, 10.5.
const RE_NUMBER = /\d+(?:[.,:]\d+)*(?:[-‐][\p{L}\p{N}]+)*(?:\p{L}+(?:[-‐][\p{L}\p{N}]+)*)?/uy; // 1.000,50 / 90er / 3-fach
const RE_WORD = /[\p{L}\p{M}\p{N}]+(?:['’]\p{L}+)?(?:[-‐&][\p{L}\p{M}\p{N}]+(?:['’]\p{L}+)?)*/uy;
const RE_TAG = /[#@][\p{L}\p{N}_]+/uy;
const RE_ELLIPSIS = /\.{2,}|…/y;
const RE_MARKS = /[!?]+/y;
const RE_DASH_RUN = /-{2,}/y;
/** Trailing hyphen of a truncated compound (`Ein- und Ausfuhr`, `Landes-, Bundes-`). */
const RE_TRUNC_NEXT = /[ \t]*(?:und|oder|bzw\.|sowie|,|\/)/y;

const ROMAN = /^(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)$/;

function matchAt(re: RegExp, text: string, i: number): number {
  re.lastIndex = i;
  return re.test(text) ? re.lastIndex : -1;
}

/** The word that follows position i (after whitespace), for lookahead decisions. */
function nextWord(text: string, i: number): string {
  const m = /[\s\u00a0]*([^\s\u00a0]*)/y;
  m.lastIndex = i;
  const r = m.exec(text);
  return r?.[1] ?? '';
}

function isUpperStart(s: string): boolean {
  return /^[\p{Lu}]/u.test(s);
}

function isLowerStart(s: string): boolean {
  return /^[\p{Ll}]/u.test(s);
}

/** Whether `N.` at this point is an ordinal rather than a number ending the sentence. */
function ordinalPeriod(text: string, afterDot: number, prev: string | undefined, digits: string): boolean {
  if (afterDot < text.length && !/[\s\u00a0]/.test(text[afterDot]!)) return false; // `3.5` handled by number
  if (/^[ \t\u00a0\r]*\n[ \t\u00a0\r]*\n/.test(text.slice(afterDot, afterDot + 40))) return false; // paragraph end
  const nw = nextWord(text, afterDot);
  if (nw === '') return false;
  const bare = nw.replace(/[.,;:!?)\]]+$/, '').toLowerCase();
  if (MONTHS.has(bare)) return true;
  if (isLowerStart(nw)) return true;
  if (/^\d/.test(nw)) return digits.length <= 2 && /^\d{1,4}\.?$/.test(nw) && prev !== undefined && ORDINAL_LEFT.has(prev.toLowerCase());
  if (isUpperStart(nw)) {
    if (digits.length > 3) return false;
    if (ORDINAL_RIGHT.has(bare)) return true;
    return prev !== undefined && ORDINAL_LEFT.has(prev.toLowerCase());
  }
  return false;
}

/** Splits text into tokens (no sentence information). */
export function tokenizeWords(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  const push = (start: number, end: number): void => {
    tokens.push({ start, end, text: text.slice(start, end) });
  };
  while (i < n) {
    let e = matchAt(RE_SPACE, text, i);
    if (e > i) { i = e; continue; }
    const c = text[i]!;
    const prevText = tokens.length > 0 ? tokens[tokens.length - 1]!.text : undefined;
    const atWordStart = i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]!);

    // URLs and e-mail addresses, without trailing sentence punctuation.
    if ((c === 'h' || c === 'H' || c === 'w' || c === 'W') && (e = matchAt(RE_URL, text, i)) > 0) {
      while (e > i && /[.,;:!?)\]'’]/.test(text[e - 1]!)) e--;
      push(i, e); i = e; continue;
    }
    if (/[\p{L}\p{N}]/u.test(c) && (e = matchAt(RE_EMAIL, text, i)) > 0) { push(i, e); i = e; continue; }

    // Multi-part abbreviations: `z. B.` → `z.` `B.`
    if (atWordStart && /\p{L}/u.test(c)) {
      let handled = false;
      const firstEnd = text.indexOf('.', i);
      if (firstEnd > i && firstEnd - i <= 3 && PART_FIRST.has(text.slice(i, firstEnd + 1))) {
        for (const p of PARTS) {
          p.re.lastIndex = i;
          if (p.re.test(text) && !/\p{L}/u.test(text[p.re.lastIndex] ?? '')) {
            const end = p.re.lastIndex;
            let s = i;
            for (let k = s; k < end; k++) {
              if (text[k] === '.') { push(s, k + 1); s = k + 1; while (s < end && /[ \t\u00a0]/.test(text[s]!)) s++; }
            }
            i = end; handled = true; break;
          }
        }
      }
      if (handled) continue;
    }

    // Dotted acronyms and initials: `U.S.`, `J.` (initials get their period).
    if (/\p{Lu}/u.test(c) && atWordStart) {
      e = matchAt(RE_ACRONYM_DOTTED, text, i);
      if (e > 0) { push(i, e); i = e; continue; }
      if (text[i + 1] === '.' && !/[\p{L}\p{N}]/u.test(text[i + 2] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[i - 1] ?? ' ')) {
        push(i, i + 2); i += 2; continue;
      }
    }

    if (/\d/.test(c)) {
      e = matchAt(RE_DATE_NUM, text, i);
      if (e > 0) { push(i, e); i = e; continue; }
      e = matchAt(RE_NUMBER, text, i);
      if (e > 0) {
        const digits = text.slice(i, e);
        if (text[e] === '.' && /^\d+$/.test(digits) && ordinalPeriod(text, e + 1, prevText, digits)) e++;
        push(i, e); i = e; continue;
      }
    }

    if (/[\p{L}\p{M}\p{N}]/u.test(c)) {
      e = matchAt(RE_WORD, text, i);
      if (e > 0) {
        const word = text.slice(i, e);
        if (text[e] === '.') {
          const withDot = word + '.';
          const lastPart = withDot.slice(withDot.search(/[^-‐]*$/)); // `Goethe-Str.` → `Str.`
          if (SINGLE.has(withDot) || FINAL.has(withDot) || SINGLE.has(lastPart) ||
            (ROMAN.test(word) && isLowerStart(nextWord(text, e + 1)))) e++;
        } else if ((text[e] === '-' || text[e] === '‐') && matchAt(RE_TRUNC_NEXT, text, e + 1) > 0) {
          e++;
        }
        push(i, e); i = e; continue;
      }
    }

    if ((c === '#' || c === '@') && (e = matchAt(RE_TAG, text, i)) > 0) { push(i, e); i = e; continue; }
    if ((e = matchAt(RE_ELLIPSIS, text, i)) > 0) { push(i, e); i = e; continue; }
    if ((e = matchAt(RE_MARKS, text, i)) > 0) { push(i, e); i = e; continue; }
    if ((e = matchAt(RE_DASH_RUN, text, i)) > 0) { push(i, e); i = e; continue; }
    // Anything else is one character (keep surrogate pairs together).
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    push(i, i + len); i += len;
  }
  return tokens;
}

const TERMINATORS = new Set(['.', '!', '?', '…', '?!', '!?', '!!', '??', '!!!', '???']);
const ALWAYS_OPEN = new Set(['„', '‚', '(', '[', '{']);
const ALWAYS_CLOSE = new Set([')', ']', '}']);
const AMBIGUOUS_QUOTES = new Set(['"', '“', '”', '»', '«', '\'', '‘', '’', '›', '‹']);

/** Is the quote/bracket token at t a closing one (attached to the text before it)? */
function isClosing(text: string, t: Token): boolean {
  if (ALWAYS_CLOSE.has(t.text)) return true;
  if (!AMBIGUOUS_QUOTES.has(t.text)) return false;
  const before = t.start > 0 ? text[t.start - 1]! : ' ';
  const after = t.end < text.length ? text[t.end]! : ' ';
  const spaceBefore = /[\s\u00a0]/.test(before);
  const spaceAfter = /[\s\u00a0]/.test(after);
  if (!spaceBefore && spaceAfter) return true;
  if (spaceBefore && !spaceAfter) return false;
  if (!spaceBefore && /[.,;:!?…)\]]/.test(after)) return true;
  // `“` `«` close German quotes; `»` `„` open them.
  return t.text === '“' || t.text === '«' || t.text === '‘' || t.text === '‹';
}

function isOpening(text: string, t: Token): boolean {
  if (ALWAYS_OPEN.has(t.text)) return true;
  return AMBIGUOUS_QUOTES.has(t.text) && !isClosing(text, t);
}

/** A blank line (paragraph break) between two offsets. */
function paragraphBetween(text: string, from: number, to: number): boolean {
  const nl = text.indexOf('\n', from);
  if (nl < 0 || nl >= to) return false;
  return /\n[ \t\u00a0\r]*\n/.test(text.slice(from, to));
}

/** Groups tokens into sentences. */
export function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number): void => {
    if (last < first) return;
    sentences.push({ start: tokens[first]!.start, end: tokens[last]!.end, tokenStart: first, tokenEnd: last + 1 });
    first = last + 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (next === undefined) break;
    if (paragraphBetween(text, t.end, next.start)) { close(i); continue; }
    if (MAYBE_FINAL.has(t.text) && /^\p{Lu}/u.test(next.text) && OPENERS.has(next.text.toLowerCase())) { close(i); continue; }
    const isFinalAbbrev = FINAL.has(t.text);
    const isTerm = TERMINATORS.has(t.text) || /^[!?]+$/.test(t.text) || /^\.{2,}$/.test(t.text) || isFinalAbbrev;
    if (!isTerm) continue;
    // Absorb closing quotes and brackets that belong to this sentence.
    let j = i;
    while (j + 1 < tokens.length && isClosing(text, tokens[j + 1]!) && !paragraphBetween(text, tokens[j]!.end, tokens[j + 1]!.start)) j++;
    const after = tokens[j + 1];
    if (after === undefined) break;
    if (paragraphBetween(text, tokens[j]!.end, after.start)) { close(j); i = j; continue; }
    let brk: boolean;
    if (isUpperStart(after.text) || /^\d/.test(after.text)) brk = true;
    else if (isOpening(text, after)) brk = true;
    else brk = false;
    // Ellipses and abbreviations only end a sentence before a capitalised word.
    if ((isFinalAbbrev || /^\.{2,}$/.test(t.text) || t.text === '…') && !isUpperStart(after.text) && !isOpening(text, after)) brk = false;
    if (brk) { close(j); i = j; }
  }
  if (first < tokens.length) close(tokens.length - 1);
  return sentences;
}

export function tokenize(text: string): { tokens: Token[]; sentences: Sentence[] } {
  const tokens = tokenizeWords(text);
  return { tokens, sentences: splitSentences(text, tokens) };
}

export const tokenizeComponent: AnalyzeComponent = {
  name: 'tokenize',
  run(doc: AnalyzedArticle): void {
    const { tokens, sentences } = tokenize(doc.article.text);
    doc.tokens = tokens;
    doc.sentences = sentences;
  },
};

/** The abbreviation lists with their examples (for tests). */
export const abbreviationExamples: Readonly<AbbrevData> = abbrevs;
