import type { AnalyzedArticle, Sentence, Span, Token } from '../../model/index.js';
import type { Lexicon } from './lexicon.js';

/**
 * A light clause and phrase analysis over one sentence's tokens, standing in for a German parser:
 * entity mentions grouped into noun phrases (with their preposition and coordination), clauses
 * split at punctuation, and subject/object guesses from German word order (verb-second main
 * clauses, verb-final subordinate clauses).
 */

/** Token indices are absolute (into doc.tokens). */
export interface Group {
  /** Entity indices (into doc.entities); several when coordinated (`Russland und die Ukraine`). */
  ents: number[];
  start: number;
  end: number;
  /** First token of the noun phrase (determiners, adjectives and role words in front included). */
  lead: number;
  /** Governing preposition (normalised: `im` → `in`), or null for a bare phrase. */
  prep: string | null;
  /** Accusative/dative-looking determiner in front (`den`, `dem`): not a subject. */
  objectLike: boolean;
  clause: number;
  /** A source, not a participant: `nach Angaben des Weißen Hauses`, `X zufolge`. */
  source?: boolean;
  /** A prenominal genitive (`Trumps Frist`, `Russlands Präsident`): it qualifies a noun, it is no subject. */
  genitive?: boolean;
}

export interface Clause {
  start: number;
  end: number;
}

/** What every language's view of one sentence offers: its noun phrases, clauses and tokens. */
export interface SentenceViewBase {
  doc: AnalyzedArticle;
  sentence: Sentence;
  index: number;
  tokens: Token[];
  groups: Group[];
  /** Entities lying strictly inside one token (names in compounds: `Trump-Putin-Gipfel`), by token index. */
  inside: Map<number, number[]>;
  clauses: Clause[];
  clauseOf: (token: number) => number;
  lower: (token: number) => string;
}

export interface SentenceView extends SentenceViewBase {
  lex: Lexicon;
  isBreak: (token: number) => boolean;
}

const PRONOUNS = new Set(['er', 'sie', 'wir', 'ich', 'es', 'man', 'beide', 'diese', 'dieser']);
const ADVERBS = new Set(['auch', 'noch', 'erneut', 'bereits', 'schon', 'nun', 'jetzt', 'dann', 'zunächst', 'zuletzt', 'inzwischen', 'sich', 'miteinander', 'persönlich', 'wieder', 'gestern', 'heute', 'morgen', 'damals', 'anschließend', 'außerdem', 'jedoch', 'aber', 'allerdings', 'nur', 'mehr', 'weiter', 'weiterhin', 'ebenfalls', 'scharf', 'zudem']);

export function isAdjectiveLike(lw: string, lex: Lexicon): boolean {
  const w = lex.words;
  if (!/^[a-zäöüß-]{4,}$/.test(lw) || !/(e|en|er|es|em)$/.test(lw)) return false;
  return !(lex.allVerbForms.has(lw) || w.finiteAuxiliaries.has(lw) || w.prepositions.has(lw) || w.coordinators.has(lw)
    || w.negation.has(lw) || w.subordinators.has(lw) || w.speechVerbs.has(lw) || w.hypothetical.has(lw) || ADVERBS.has(lw));
}

function isRoleWord(text: string, lex: Lexicon): boolean {
  if (!/^\p{Lu}/u.test(text)) return false;
  const lw = text.toLowerCase();
  return lex.words.roleWords.some((r) => lw.endsWith(r));
}

/**
 * The mention is a genitive standing before a noun (`Trumps Frist`, `Putins Sprecher`): its text
 * adds an `s` (or apostrophe) to the name's last word and a capitalised word that is no name follows.
 */
function prenominalGenitive(doc: AnalyzedArticle, e: number, end: number, sentence: Sentence): boolean {
  const ent = doc.entities[e]!;
  const last = ent.normalized.split(/\s+/).at(-1) ?? '';
  const text = ent.text;
  if (!(text === `${last}s` || text === `${last}'` || text === `${last}’` || text === `${last}es`)) return false;
  const next = doc.tokens[end];
  if (!next || end >= sentence.tokenEnd || !/^\p{Lu}\p{Ll}/u.test(next.text)) return false;
  return !doc.entities.some((x) => x.start < next.end && x.end > next.start);
}

/** Index of the dash closing a dateline at the start of the sentence, or -1. */
function datelineEnd(tokens: readonly Token[], sentence: Sentence): number {
  let parens = 0;
  for (let i = sentence.tokenStart; i < Math.min(sentence.tokenEnd, sentence.tokenStart + 10); i++) {
    const t = tokens[i]!.text;
    if ((t === '-' || t === '–' || t === '—') && i > sentence.tokenStart) return i;
    if (t === '(') parens++;
    else if (t === ')') parens--;
    else if (t === ',' || t === '/') continue;
    // Inside parentheses the agency (`dpa`, `AFP`); outside only capitalised words of place names.
    else if (parens === 0 && !/^\p{Lu}/u.test(t)) return -1;
  }
  return -1;
}

/**
 * The token range an entity mention covers within a sentence, or null if it covers none;
 * `inside` when the name lies strictly within one hyphenated token (`Trump-Putin-Gipfel`).
 * Shared by the German and the English sentence views.
 */
export function entityTokens(tokens: readonly Token[], ent: Span, sentence: Sentence): { start: number; end: number; inside: boolean } | null {
  let ts = -1;
  let te = -1;
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    const t = tokens[i]!;
    if (t.end > ent.start && t.start < ent.end) {
      if (ts < 0) ts = i;
      te = i + 1;
    }
  }
  if (ts < 0) return null;
  const t = tokens[ts]!;
  const inside = te === ts + 1 && (t.start < ent.start || t.end > ent.end) && /[-–]/.test(t.text);
  return { start: ts, end: te, inside };
}

export function viewSentence(doc: AnalyzedArticle, index: number, lex: Lexicon): SentenceView {
  const sentence = doc.sentences[index]!;
  const tokens = doc.tokens;
  const lowerCache = new Map<number, string>();
  const lower = (i: number): string => {
    let s = lowerCache.get(i);
    if (s === undefined) lowerCache.set(i, (s = tokens[i]?.text.toLowerCase() ?? ''));
    return s;
  };
  const isBreak = (i: number): boolean => lex.words.clauseBreaks.has(lower(i));

  const clauses: Clause[] = [];
  const clauseIdx = new Map<number, number>();
  let cs = sentence.tokenStart;
  for (let i = sentence.tokenStart; i <= sentence.tokenEnd; i++) {
    if (i === sentence.tokenEnd || isBreak(i)) {
      if (i > cs) {
        for (let k = cs; k < i; k++) clauseIdx.set(k, clauses.length);
        clauses.push({ start: cs, end: i });
      }
      cs = i + 1;
    }
  }
  const clauseOf = (t: number): number => clauseIdx.get(t) ?? -1;

  // Entities of this sentence, mapped to token ranges.
  const inside = new Map<number, number[]>();
  const spans: { e: number; start: number; end: number }[] = [];
  doc.entities.forEach((ent, e) => {
    if (ent.start < sentence.start || ent.end > sentence.end) return;
    const r = entityTokens(tokens, ent, sentence);
    if (!r) return;
    if (r.inside) inside.set(r.start, [...(inside.get(r.start) ?? []), e]);
    else spans.push({ e, start: r.start, end: r.end });
  });
  spans.sort((a, b) => a.start - b.start);

  const groups: Group[] = [];
  const spanStart = new Map(spans.map((sp) => [sp.e, sp.start]));
  for (const sp of spans) {
    const prev = groups.at(-1);
    if (prev && sp.start < prev.end) continue; // overlapping mentions: keep the first
    let j = sp.start - 1;
    let objectLike = false;
    for (let n = 0; j >= sentence.tokenStart && n < 6; n++, j--) {
      const lw = lower(j);
      if (lex.words.determiners.has(lw)) {
        objectLike ||= lex.words.objectDeterminers.has(lw);
        continue;
      }
      if (isRoleWord(tokens[j]!.text, lex) || (/^[a-zäöüß]/.test(tokens[j]!.text) && isAdjectiveLike(lw, lex))) continue;
      break;
    }
    let lead = j + 1;
    const clause = clauseOf(sp.start);
    // `Polens Premier Tusk`, `und Frankreichs Präsident Macron`: a genitive right before the name's
    // title belongs to that noun phrase; it is no participant of its own (nor a coordinated one).
    const lastEnt = prev?.ents.at(-1);
    if (prev && lastEnt !== undefined && prev.end === lead && lead < sp.start && prev.clause === clause && prenominalGenitive(doc, lastEnt, prev.end, sentence)) {
      const genStart = spanStart.get(lastEnt)!;
      if (prev.ents.length === 1) groups.pop();
      else {
        prev.ents.pop();
        prev.end = genStart - 1; // before the coordinator
      }
      lead = genStart;
      j = genStart - 1;
    }
    const before = j >= sentence.tokenStart ? lower(j) : '';
    const last = groups.at(-1);
    if (last && lex.words.coordinators.has(before) && last.end === j && last.clause === clause) {
      last.ents.push(sp.e);
      last.end = sp.end;
      continue;
    }
    const prep = lex.words.prepositions.has(before) ? (lex.words.prepositionAlias[before] ?? before) : null;
    const source = lower(lead - 1) === 'angaben' || lower(sp.end) === 'zufolge';
    groups.push({ ents: [sp.e], start: sp.start, end: sp.end, lead, prep, objectLike, clause, source, genitive: prenominalGenitive(doc, sp.e, sp.end, sentence) });
  }

  // A dateline (`Abu Dhabi, Vereinigte Arabische Emirate - …`, `Istanbul (dpa) - …`) names where the
  // report was filed: its names are no subject an elided clause could borrow, nor any participant.
  const dash = datelineEnd(tokens, sentence);
  if (dash >= 0) for (const g of groups) if (g.end <= dash) g.source = true;

  return { doc, sentence, index, lex, tokens, groups, inside, clauses, clauseOf, lower, isBreak };
}

export interface ClauseRoles {
  subject: Group | null;
  objects: Group[];
  /** The subject is a phrase we know is not one of our entities (`Die Polizei`, `Er`). */
  subjectElsewhere: boolean;
}

/** Subject and objects of one clause by German word order. */
export function clauseRoles(v: SentenceView, ci: number, skip: ReadonlySet<Group> = new Set()): ClauseRoles {
  const c = v.clauses[ci]!;
  const { lex } = v;
  const bare = v.groups.filter((g) => g.clause === ci && g.prep === null && !g.source && !skip.has(g));
  let first = c.start;
  const coordinated = lex.words.coordinators.has(v.lower(first)) || v.lower(first) === 'aber';
  if (coordinated) first++;
  const fw = v.lower(first);
  // `…, und wies Trumps Frist zurück`: a coordinated clause opening with its finite verb shares the
  // subject of an earlier clause; every phrase in it is an object.
  if (coordinated && first < c.end && /^[a-zäöüß]/.test(v.tokens[first]!.text) && (lex.allVerbForms.has(fw) || lex.words.finiteAuxiliaries.has(fw))) {
    return { subject: null, objects: bare, subjectElsewhere: false };
  }
  const subordinate = lex.words.subordinators.has(fw) && !lex.words.determiners.has(fw);
  // `zu treffen`, or a separable verb with `zu` inside (`auszusetzen`, `zurückzuweisen`).
  const infinitive = v.tokens.slice(c.start, c.end).some((t, k) => (t.text === 'zu' && k + c.start + 1 < c.end && /^[a-zäöü]/.test(v.tokens[k + c.start + 1]!.text))
    || (lex.allVerbForms.has(t.text) && /^[a-zäöüß]+zu[a-zäöüß]+en$/.test(t.text) && !t.text.startsWith('zu')));
  const pickSubject = (gs: Group[]): ClauseRoles => {
    const subject = gs.find((g) => !g.objectLike && !g.genitive) ?? null;
    return { subject, objects: gs.filter((g) => g !== subject), subjectElsewhere: false };
  };
  if (subordinate) return pickSubject(bare);
  if (infinitive && bare.length === 0) return { subject: null, objects: [], subjectElsewhere: false };
  // The finite verb: the first lower-case word after the first phrase that is no determiner, preposition or adjective.
  let f = -1;
  for (let i = first + 1; i < c.end; i++) {
    if (v.groups.some((g) => i >= g.start && i < g.end)) continue;
    const t = v.tokens[i]!.text;
    const lw = v.lower(i);
    if (!/^[a-zäöüß]/.test(t)) continue;
    if (lex.words.finiteAuxiliaries.has(lw) || lex.allVerbForms.has(lw)) { f = i; break; }
    if (lex.words.determiners.has(lw) || lex.words.prepositions.has(lw) || isAdjectiveLike(lw, lex) || ADVERBS.has(lw) || lex.words.coordinators.has(lw)) continue;
    f = i;
    break;
  }
  if (f < 0) return pickSubject(bare);
  const vorfeld = bare.filter((g) => g.start < f && !g.genitive);
  if (vorfeld.length > 0) {
    const subject = vorfeld[0]!;
    return { subject, objects: bare.filter((g) => g !== subject), subjectElsewhere: false };
  }
  const npStart = lex.words.determiners.has(fw) || PRONOUNS.has(fw);
  const vorfeldHasNoun = f > first && npStart;
  if (vorfeldHasNoun) return { subject: null, objects: bare, subjectElsewhere: true };
  return pickSubject(bare.filter((g) => g.start > f));
}
