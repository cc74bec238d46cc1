import type { AnalyzedArticle, Sentence, Token } from '../../../model/index.js';
import { entityTokens, type Clause, type Group, type SentenceViewBase } from '../clauses.js';
import type { EnglishLexicon } from './lexicon.js';

/**
 * A light phrase and clause analysis of one English sentence, standing in for a parser: entity
 * mentions grouped into noun phrases (titles in front included: `US special envoy Steve Witkoff`),
 * with their preposition and coordination (`Trump and Russian President Vladimir Putin`), and
 * clauses split at punctuation, subordinators (`that`, `whether`) and coordinators before a verb
 * (`… but failed to agree`). English order is subject–verb–object, so roles follow from position.
 */
export interface EnglishView extends SentenceViewBase {
  lex: EnglishLexicon;
  /** The subordinator or relative pronoun that opens clause `ci`, or null. */
  opener: (ci: number) => string | null;
  /** Clause `ci` starts with a coordinator (`and said …`, `but failed …`). */
  coordinated: (ci: number) => boolean;
}

const isLower = (s: string): boolean => /^\p{Ll}/u.test(s);
const isUpper = (s: string): boolean => /^\p{Lu}/u.test(s);

/** `Trump's`, `Russia’s`, `the Kremlin's`, `allies'`: the mention is a possessive. */
function possessive(text: string, next: string | undefined): boolean {
  return /['’]s$/.test(text) || /s['’]$/.test(text) || next === "'s" || next === '’s';
}

/** Index of the dash closing a dateline (`MOSCOW —`, `ABU DHABI (Reuters) —`) at the sentence start, or -1. */
function datelineEnd(tokens: readonly Token[], s: Sentence): number {
  for (let i = s.tokenStart; i < Math.min(s.tokenEnd, s.tokenStart + 8); i++) {
    const t = tokens[i]!.text;
    if ((t === '—' || t === '–' || t === '-') && i > s.tokenStart) return i;
    if (t === '(' || t === ')' || t === ',') continue;
    if (!/^[\p{Lu}\p{N}]/u.test(t) && !/^[a-z]+$/.test(t)) return -1;
    // a dateline is written in capitals (`WASHINGTON`) or is a place with an agency in parentheses
    if (/^\p{Ll}/u.test(t) && tokens[s.tokenStart]!.text !== tokens[s.tokenStart]!.text.toUpperCase()) return -1;
  }
  return -1;
}

export function viewEnglishSentence(doc: AnalyzedArticle, index: number, lex: EnglishLexicon): EnglishView {
  const sentence = doc.sentences[index]!;
  const tokens = doc.tokens;
  const w = lex.words;
  const lowerCache = new Map<number, string>();
  const lower = (i: number): string => {
    let s = lowerCache.get(i);
    if (s === undefined) lowerCache.set(i, (s = (tokens[i]?.text ?? '').toLowerCase().replace(/’/g, "'")));
    return s;
  };
  const { tokenStart: a, tokenEnd: b } = sentence;

  // Entities of this sentence as token ranges; names inside one hyphenated token apart.
  const inside = new Map<number, number[]>();
  const spans: { e: number; start: number; end: number }[] = [];
  const entityAt = new Map<number, number>();
  doc.entities.forEach((ent, e) => {
    if (ent.start < sentence.start || ent.end > sentence.end) return;
    // The German recogniser takes a capitalised trigger opening an English sentence (`Talks between …`)
    // for a name: a one-word mention the KB does not know that is a trigger form is the trigger.
    if (!ent.kbId && !/\s/.test(ent.text) && lex.byFirst.get(ent.text.toLowerCase())?.some((f) => f.words.length === 1)) return;
    const r = entityTokens(tokens, ent, sentence);
    if (!r) return;
    if (r.inside) {
      inside.set(r.start, [...(inside.get(r.start) ?? []), e]);
      return;
    }
    spans.push({ e, start: r.start, end: r.end });
    for (let i = r.start; i < r.end; i++) if (!entityAt.has(i)) entityAt.set(i, e);
  });
  spans.sort((x, y) => x.start - y.start || y.end - x.end);

  // Clauses.
  const clauses: Clause[] = [];
  const clauseIdx = new Map<number, number>();
  const openers: (string | null)[] = [];
  const coord: boolean[] = [];
  let cs = a;
  let opener: string | null = null;
  let co = false;
  const close = (end: number): void => {
    if (end > cs) {
      for (let k = cs; k < end; k++) clauseIdx.set(k, clauses.length);
      clauses.push({ start: cs, end });
      openers.push(opener);
      coord.push(co);
    }
  };
  for (let i = a; i < b; i++) {
    const lw = lower(i);
    if (w.clauseBreaks.has(lw)) {
      close(i);
      cs = i + 1;
      opener = null;
      co = false;
      continue;
    }
    if (i === cs) {
      // a clause opened after a comma: `…, who met Putin`, `…, that the talks …`
      if (w.subordinators.has(lw) || w.relatives.has(lw)) opener = lw;
      continue;
    }
    const subord = w.subordinators.has(lw) || w.relatives.has(lw);
    const next = i + 1 < b ? tokens[i + 1]!.text : '';
    // `and`/`but` before a verb (lower case, no determiner, pronoun or number) coordinates clauses, not names
    const coordinator = w.clauseCoordinators.has(lw) && !entityAt.has(i + 1) && isLower(next) && !w.determiners.has(next.toLowerCase()) && !w.titleWords.has(next.toLowerCase());
    if (subord || coordinator) {
      close(i);
      cs = i;
      opener = subord ? lw : null;
      co = coordinator;
    }
  }
  close(b);
  const clauseOf = (t: number): number => clauseIdx.get(t) ?? -1;

  // Entities that only qualify a title (`US special envoy …`, `Kremlin aide …`, `Russia's President …`)
  // belong to the named person's phrase and are no participants of their own.
  const isTitle = (i: number): boolean => w.titleWords.has(lower(i));
  const modifier = new Set<number>();
  for (const sp of spans) {
    let j = sp.end;
    let titles = 0;
    while (j < b && j < sp.end + 5 && !entityAt.has(j) && (isTitle(j) || (isUpper(tokens[j]!.text) && titles > 0) || (lower(j) === 'of' && titles > 0))) {
      if (isTitle(j)) titles++;
      j++;
    }
    const next = entityAt.get(j);
    // `the US president` as a role mention: the country qualifies the role
    if (titles === 0 && next !== undefined && j === sp.end && doc.entities[next]!.role !== undefined && doc.entities[sp.e]!.type !== 'PER') modifier.add(sp.e);
    if (titles > 0 && next !== undefined && doc.entities[next]!.type === 'PER' && doc.entities[sp.e]!.type !== 'PER') modifier.add(sp.e);
  }

  const groups: Group[] = [];
  const dash = datelineEnd(tokens, sentence);
  for (const sp of spans) {
    if (modifier.has(sp.e)) continue;
    const prev = groups.at(-1);
    if (prev && sp.start < prev.end) continue; // overlapping mentions: keep the first
    // The phrase's first token: determiners, titles, capitalised words (`Russian`), modifier names.
    let j = sp.start - 1;
    const clause = clauseOf(sp.start);
    for (let n = 0; j >= a && n < 8; n++, j--) {
      if (clauseOf(j) !== clause) break;
      const lw = lower(j);
      const e = entityAt.get(j);
      if (e !== undefined) {
        if (modifier.has(e)) continue;
        break;
      }
      if (w.determiners.has(lw) || isTitle(j)) continue;
      if (lw === 'of' && j - 1 >= a && isTitle(j - 1) && isTitle(j + 1)) continue;
      if (isUpper(tokens[j]!.text) && j > a && !w.pronouns.has(lw) && !w.prepositions.has(lw) && !w.subordinators.has(lw) && !w.clauseBreaks.has(lw)) continue;
      break;
    }
    const lead = j + 1;
    const before = j >= a ? lower(j) : '';
    const ent = doc.entities[sp.e]!;
    const genitive = possessive(ent.text, tokens[sp.end]?.text);
    const last = groups.at(-1);
    if (last && w.coordinators.has(before) && last.end === j && last.clause === clause && !last.genitive) {
      last.ents.push(sp.e);
      last.end = sp.end;
      continue;
    }
    const prep = w.prepositions.has(before) ? before : null;
    const source = (dash >= 0 && sp.end <= dash) || (prep === 'to' && lower(j - 1) === 'according');
    groups.push({ ents: [sp.e], start: sp.start, end: sp.end, lead, prep, objectLike: false, clause, source, genitive });
  }

  return {
    doc, sentence, index, lex, tokens, groups, inside, clauses, clauseOf, lower,
    opener: (ci) => openers[ci] ?? null,
    coordinated: (ci) => coord[ci] ?? false,
  };
}
