import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzedArticle, PloverType } from '../../model/index.js';
import { kb } from '../../kb/index.js';
import { paths } from '../../paths.js';
import { clauseRoles, isAdjectiveLike, type SentenceView } from './clauses.js';
import type { FoundEvent, Match } from './finder.js';

/**
 * Events read across sentences (rules in src/analyze/rules/events/discourse.json): readiness that is no event; event nouns and sides resuming an event named before.
 */

/** One example of a discourse rule (run by test/analyze/events-discourse.test.ts). */
export interface DiscourseExample {
  text: string;
  /** `surface|TYPE[|normalized]`, as in the trigger examples. */
  entities: string[];
  /** `surface|VALUE` time expressions. */
  timexes?: string[];
  expect: {
    sentence: number;
    type: PloverType;
    actors?: string[];
    recipients?: string[];
    place?: string | null;
    date?: string;
    status?: string;
    absent?: boolean;
  };
}

interface RawRules {
  lists: Record<string, string[]>;
  rules: Record<string, { rule: Record<string, unknown>; examples: DiscourseExample[] }>;
}

interface Rules {
  disposition: { frames: { word: string; prep: string }[] };
  resumed: { subjects: Set<string>; shortForms: Map<string, string>; definite: Set<string>; reach: number };
  examples: Record<string, DiscourseExample[]>;
}

let cached: Rules | null = null;

/** The rules of discourse.json, each built from the named word lists it refers to. */
export function discourseRules(): Rules {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(join(paths.rules, 'events', 'discourse.json'), 'utf8')) as RawRules;
  const list = (rule: string, key: string): string[] => {
    const name = raw.rules[rule]?.rule[key];
    const xs = typeof name === 'string' ? raw.lists[name] : undefined;
    if (!xs) throw new Error(`discourse.json: ${rule}.${key} names no word list`);
    return xs.map((w) => w.toLowerCase());
  };
  const num = (rule: string, key: string): number => Number(raw.rules[rule]?.rule[key] ?? 0);
  const pairs = (rule: string, key: string): [string, string][] => list(rule, key).map((x) => x.split('|') as [string, string]);
  cached = {
    disposition: { frames: pairs('disposition', 'frames').map(([word, prep]) => ({ word, prep })) },
    resumed: { subjects: new Set(list('resumedEvent', 'subjects')), shortForms: new Map(pairs('resumedEvent', 'shortForms')), definite: new Set(list('resumedEvent', 'definite')), reach: num('resumedEvent', 'reach') },
    examples: Object.fromEntries(Object.entries(raw.rules).map(([k, r]) => [k, r.examples])),
  };
  return cached;
}

const upper = (s: string): boolean => /^\p{Lu}/u.test(s);

// ── readiness ───────────────────────────────────────────────────────────────────────────────────

/**
 * `offen für Gespräche`, `zu Verhandlungen bereit`, `bereit, … zu verhandeln`: readiness (frames:
 * a word and the preposition of what one is ready for) is no event; its mentions are dropped.
 */
export function dropDispositions(v: SentenceView, found: FoundEvent[]): void {
  const { frames } = discourseRules().disposition;
  const has = (ci: number, word: string): boolean => {
    const c = v.clauses[ci];
    if (!c) return false;
    for (let k = c.start; k < c.end; k++) if (v.lower(k) === word) return true;
    return false;
  };
  const framed = (e: FoundEvent): boolean => {
    const ci = v.clauseOf(e.token);
    let j = e.token - 1;
    while (j >= v.sentence.tokenStart && (v.lex.words.determiners.has(v.lower(j)) || /^\d/.test(v.tokens[j]!.text) || (/^[a-zäöüß]/.test(v.tokens[j]!.text) && isAdjectiveLike(v.lower(j), v.lex)))) j--;
    const prep = v.lex.words.prepositionAlias[v.lower(j)] ?? v.lower(j);
    // A noun after the frame's preposition, the frame word in its clause (`offen für Gespräche`, `zu Gesprächen bereit`).
    if (upper(v.tokens[e.token]!.text) && frames.some((f) => f.prep === prep && has(ci, f.word))) return true;
    // An infinitive (`zu verhandeln`) in a clause after the frame word's (`bereit, mit X zu verhandeln`).
    if (v.lower(e.token - 1) === 'zu') return frames.some((f) => f.prep === 'zu' && (has(ci, f.word) || has(ci - 1, f.word)));
    return false;
  };
  for (let k = found.length - 1; k >= 0; k--) if (framed(found[k]!)) found.splice(k, 1);
}

// ── resumed events ──────────────────────────────────────────────────────────────────────────────

/** The determiner before a noun (adjectives skipped), lower case, or ''. */
function determinerOf(v: SentenceView, token: number): string {
  let j = token - 1;
  while (j >= v.sentence.tokenStart && /^[a-zäöüß]/.test(v.tokens[j]!.text) && isAdjectiveLike(v.lower(j), v.lex)) j--;
  return j >= v.sentence.tokenStart ? v.lower(j) : '';
}

/** `Der Austausch`: short forms (shortForms) with a definite determiner, as matches of the entry they resume. */
export function resumingMatches(v: SentenceView): Match[] {
  const r = discourseRules().resumed;
  const out: Match[] = [];
  for (let i = v.sentence.tokenStart; i < v.sentence.tokenEnd; i++) {
    if (!upper(v.tokens[i]!.text)) continue;
    const id = r.shortForms.get(v.lower(i));
    const entry = id ? v.lex.entries.find((e) => e.id === id) : undefined;
    // `Der Austausch von Argumenten`: a complement names what is exchanged, so it is no resumption.
    if (!entry || !r.definite.has(determinerOf(v, i)) || v.lower(i + 1) === 'von') continue;
    out.push({ entry, token: i });
  }
  return out;
}

/** The clause's subject is a definite plural of the sides (`Die Delegationen`, `die Unterhändler`) with no name. */
export function resumingSubject(v: SentenceView, ci: number): boolean {
  const r = discourseRules().resumed;
  const c = v.clauses[ci];
  if (!c || clauseRoles(v, ci).subject) return false;
  for (let k = c.start; k < c.end; k++) {
    if (!upper(v.tokens[k]!.text) || !r.subjects.has(v.lower(k))) continue;
    // `die Delegationen der USA`: named sides are the clause's own.
    if (v.groups.some((g) => g.lead <= k + 1 && g.start > k)) continue;
    const det = determinerOf(v, k);
    if ((det === 'die' || det === 'diese') && !v.lex.words.prepositions.has(v.lower(k - 1))) return true;
  }
  return false;
}

/**
 * A mention with no participants that resumes an earlier event (a definite event noun, a short form,
 * or a verb whose subject is `die Delegationen`) takes the participants of the last fitting event of
 * its type within `reach` sentences. Short forms and side-subject verbs that find none are no events.
 */
export function resumeParticipants(v: SentenceView, found: FoundEvent[], before: readonly FoundEvent[]): void {
  const r = discourseRules().resumed;
  const short = new Set(resumingMatches(v).map((m) => m.token));
  const drop = new Set<FoundEvent>();
  for (const e of found) {
    if (e.actors.length + e.recipients.length > 0) continue;
    const entry = v.lex.entries.find((x) => x.id === e.entryId);
    const sides = entry?.pos === 'verb' && resumingSubject(v, v.clauseOf(e.token));
    const definite = entry?.pos === 'noun' && r.definite.has(determinerOf(v, e.token));
    const only = short.has(e.token) || (sides && entry?.needsRecipient === true);
    if (sides || definite || only) {
      const prior = [...before, ...found.filter((x) => x.token < e.token)];
      const ante = prior.findLast((x) => x.type === e.type && x.sentence >= e.sentence - r.reach && fits(v.doc, e, x, sides));
      if (ante) {
        e.actors = [...ante.actors];
        e.recipients = [...ante.recipients];
        if (ante.place !== null && siteIn(e.place, ante.place)) e.place = ante.place;
        continue;
      }
    }
    if (only) drop.add(e);
  }
  for (let k = found.length - 1; k >= 0; k--) if (drop.has(found[k]!)) found.splice(k, 1);
}

const UNREAL = new Set(['planned', 'hypothetical']);

/**
 * An antecedent fits the resuming mention: it has participants, is presented alike (done, or still
 * to come: `Der Austausch soll … stattfinden` resumes a planned release, not a past one), has its
 * mode (`den Besuch` resumes a visit), and, for `die Delegationen`, has a state or organisation side.
 */
function fits(doc: AnalyzedArticle, e: FoundEvent, x: FoundEvent, sides: boolean): boolean {
  const ps = [...x.actors, ...x.recipients];
  if (ps.length === 0 || UNREAL.has(e.status) !== UNREAL.has(x.status)) return false;
  if (e.mode !== null && x.mode !== e.mode) return false;
  return !sides || ps.some((p) => doc.entities[p]!.type !== 'PER');
}

/** `im Dolmabahçe-Palast` after `in Istanbul`: a KB site (or none) in the country of the city named before lies in that city. */
function siteIn(site: string | null, city: string): boolean {
  if (site === null) return true;
  const k = kb();
  const s = k.lookup(site).entries.find((x) => x.kind === 'place');
  const c = k.lookup(city).entries.find((x) => x.kind === 'place' || x.kind === 'capital');
  return s?.placeKind === 'place' && c !== undefined && (c.placeKind === 'city' || c.kind === 'capital') && s.country === c.country;
}
