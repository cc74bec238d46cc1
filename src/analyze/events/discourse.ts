import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzedArticle, PloverType } from '../../model/index.js';
import { kb } from '../../kb/index.js';
import { paths } from '../../paths.js';
import { clauseRoles, isAdjectiveLike, viewSentence, type Group, type SentenceView } from './clauses.js';
import { clauseCircumstance, nearestYear, sameEntity, speechClause, type FoundEvent, type Match } from './finder.js';
import type { Lexicon } from './lexicon.js';

/**
 * Events read across sentences (rules in src/analyze/rules/events/discourse.json): readiness that is no event; event nouns and sides resuming an event named before; who led a side of talks; statements by an actor's own people right after its event; the addressee of a statement.
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
  commentary: { verbs: Map<string, string> };
  talksWithout: { preps: Set<string> };
  resumed: { subjects: Set<string>; shortForms: Map<string, string>; definite: Set<string>; reach: number };
  sideHeads: { lead: string[][]; sides: Set<string>; of: Set<string>; reach: number };
  followUp: { verbs: { word: string; particle: string | null }[]; speakers: string[]; governments: Set<string>; roles: Set<string>; reach: number };
  addressee: { nouns: Set<string>; verbs: Set<string>; prep: string; of: Set<string>; reach: number };
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
    // Verb form → the preposition its event noun follows ('' for an object: `nannte das Treffen`).
    commentary: { verbs: new Map(pairs('commentary', 'verbs').map(([w, p]) => [w, p ?? ''])) },
    talksWithout: { preps: new Set(list('talksWithout', 'preps')) },
    resumed: { subjects: new Set(list('resumedEvent', 'subjects')), shortForms: new Map(pairs('resumedEvent', 'shortForms')), definite: new Set(list('resumedEvent', 'definite')), reach: num('resumedEvent', 'reach') },
    sideHeads: { lead: list('sideHeads', 'lead').map((p) => p.split(/\s+/)), sides: new Set(list('sideHeads', 'sides')), of: new Set(raw.rules.sideHeads?.rule.of as string[]), reach: num('sideHeads', 'reach') },
    followUp: {
      verbs: list('spokespersonFollowUp', 'verbs').map((p) => {
        const [word, particle] = p.split(/\s+/) as [string, string | undefined];
        return { word, particle: particle ?? null };
      }),
      speakers: list('spokespersonFollowUp', 'speakers'),
      governments: new Set(list('spokespersonFollowUp', 'governments')),
      // Role keys as kb/roles.json spells them (not lower-cased).
      roles: new Set(raw.lists[String(raw.rules.spokespersonFollowUp?.rule.roles)] ?? []),
      reach: num('spokespersonFollowUp', 'reach'),
    },
    addressee: { nouns: new Set(list('addressee', 'nouns')), verbs: new Set(list('addressee', 'verbs')), prep: String(raw.rules.addressee?.rule.prep), of: new Set(list('addressee', 'of').map((t) => t.toUpperCase())), reach: num('addressee', 'reach') },
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

// ── commentary ──────────────────────────────────────────────────────────────────────────────────

/**
 * `Regierungssprecher X nannte das Treffen nützlich`, `Die Opposition spricht von einem Gipfel`: an
 * event noun judged by the clause's subject (its object, or after the preposition of the verb of
 * judging) does not make the judge a party. The subject leaves the mention's participants; the
 * mentions returned resume the event they judge (resumeParticipants) whatever their article, and
 * stay, as evidence that names no one, when there is none.
 */
export function commentedEvents(v: SentenceView, found: FoundEvent[]): Set<FoundEvent> {
  const { verbs } = discourseRules().commentary;
  const out = new Set<FoundEvent>();
  for (const e of found) {
    if (!upper(v.tokens[e.token]!.text)) continue;
    const ci = v.clauseOf(e.token);
    const c = v.clauses[ci];
    if (!c) continue;
    // The word that governs the noun phrase: a preposition, or none (an object).
    let j = e.token - 1;
    while (j >= c.start && !upper(v.tokens[j]!.text) && !v.lex.words.prepositions.has(v.lower(j)) && (!/[\p{L}]/u.test(v.tokens[j]!.text) || v.lex.words.determiners.has(v.lower(j)) || isAdjectiveLike(v.lower(j), v.lex) || !v.lex.allVerbForms.has(v.lower(j)))) j--;
    const prep = j >= c.start && v.lex.words.prepositions.has(v.lower(j)) ? v.lower(j) : '';
    let judged = false;
    for (let k = c.start; k < c.end && !judged; k++) judged = k !== e.token && verbs.get(v.lower(k)) === prep;
    if (!judged) continue;
    const subject = clauseRoles(v, ci).subject;
    if (!subject) continue;
    e.actors = e.actors.filter((x) => !subject.ents.includes(x));
    e.recipients = e.recipients.filter((x) => !subject.ents.includes(x));
    out.add(e);
  }
  return out;
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
export function resumeParticipants(v: SentenceView, found: FoundEvent[], before: readonly FoundEvent[], commented: ReadonlySet<FoundEvent> = new Set()): void {
  const r = discourseRules().resumed;
  const short = new Set(resumingMatches(v).map((m) => m.token));
  const drop = new Set<FoundEvent>();
  for (const e of found) {
    if (e.actors.length + e.recipients.length > 0) continue;
    const entry = v.lex.entries.find((x) => x.id === e.entryId);
    const sides = entry?.pos === 'verb' && resumingSubject(v, v.clauseOf(e.token));
    // A judged event (`spricht von einem konstruktiven Treffen`) is one the reader knows, whatever its article.
    const definite = entry?.pos === 'noun' && (r.definite.has(determinerOf(v, e.token)) || commented.has(e));
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

// ── rules over the sentences after an event ─────────────────────────────────────────────────────

/** Rules that read a later sentence into an earlier event: who led a side, follow-up statements, addressees. */
export function followUps(doc: AnalyzedArticle, lex: Lexicon, events: FoundEvent[]): void {
  sideHeads(doc, lex, events);
  spokespersonFollowUp(doc, lex, events);
  addressee(doc, lex, events);
}

/** The KB id of the side an entity mention stands for: a country or region, an organisation's or a capital's country. */
function sideId(doc: AnalyzedArticle, i: number): string | null {
  const m = doc.entities[i]!;
  if (m.type === 'PER') return null;
  const k = kb();
  const e = (m.kbId ? k.get(m.kbId) : undefined) ?? k.lookup(m.normalized).entries[0];
  if (!e) return null;
  if (e.kind === 'country' || e.kind === 'place') return e.id;
  return e.standsFor ?? null;
}

/**
 * The countries (or organisations) a person belongs to and his roles: from the role words in front
 * of the name (`Kreml-Sprecher` → RU) and the KB roles he held on `date`.
 */
function personSides(v: SentenceView, ent: number, date: string | null): { of: Set<string>; roles: Set<string> } {
  const k = kb();
  const m = v.doc.entities[ent]!;
  const of = new Set<string>();
  const roles = new Set<string>();
  const g = v.groups.find((x) => x.ents.includes(ent));
  const words: string[] = m.role ? [m.role] : [];
  if (g) for (let i = g.lead; i < v.tokens.length && v.tokens[i]!.start < m.start; i++) if (upper(v.tokens[i]!.text)) words.push(v.tokens[i]!.text);
  // A role word right before the phrase (`Agrarministerin Hanka Mittelstädt` when the phrase starts at the name).
  const before = g ? g.lead - 1 : -1;
  if (before >= v.sentence.tokenStart && upper(v.tokens[before]!.text)) words.push(v.tokens[before]!.text);
  for (const w of words) {
    const r = k.parseRole(w);
    if (r?.of) of.add(r.of);
    if (r?.role) roles.add(r.role);
  }
  const person = (m.kbId ? k.get(m.kbId) : undefined) ?? k.lookup(m.normalized).entries.find((e) => e.kind === 'person');
  const held = person?.kind === 'person' ? (date ? k.rolesOf(person.id, date) : person.roles) : [];
  for (const r of held) {
    of.add(r.of);
    roles.add(r.role);
  }
  return { of, roles };
}

/** Word sequence `p` starts at token k. */
function seqAt(v: SentenceView, k: number, p: readonly string[]): boolean {
  return p.every((w, n) => k + n < v.sentence.tokenEnd && v.lower(k + n) === w);
}

/**
 * `Die amerikanische Seite wurde von Rubio angeführt, die russische von Lawrow`: persons named as
 * leading a side (lead words; the side a country adjective or name with a side noun, or the
 * adjective alone repeating the noun) join that side of the last meeting reported with it within
 * `reach` sentences. A person whose role or KB role belongs to another country is left out.
 */
function sideHeads(doc: AnalyzedArticle, lex: Lexicon, events: FoundEvent[]): void {
  const r = discourseRules().sideHeads;
  doc.sentences.forEach((_, si) => {
    const v = viewSentence(doc, si, lex);
    let lead = false;
    for (let k = v.sentence.tokenStart; k < v.sentence.tokenEnd && !lead; k++) lead = r.lead.some((p) => seqAt(v, k, p));
    if (!lead) return;
    // Side markers: `die russische Seite`, `die russische [Seite] von …`, `die Delegation der USA`, `Russlands Delegation`.
    const markers: { token: number; side: string }[] = [];
    for (let k = v.sentence.tokenStart; k < v.sentence.tokenEnd; k++) {
      const adj = /^[a-zäöü]/.test(v.tokens[k]!.text) ? kb().countryOfAdjective(v.tokens[k]!.text) : undefined;
      const next = v.lower(k + 1);
      if (adj && (r.sides.has(next) || (markers.length > 0 && next === 'von'))) {
        markers.push({ token: k, side: adj });
        continue;
      }
      if (!upper(v.tokens[k]!.text) || !r.sides.has(v.lower(k))) continue;
      const g = v.groups.find((x) => x.prep === null && (x.lead === k + 1 || (x.genitive && x.end === k)));
      const side = g && g.ents.length === 1 ? sideId(doc, g.ents[0]!) : null;
      if (side) markers.push({ token: k, side });
    }
    if (markers.length === 0) return;
    const date = doc.article.published;
    // A person belongs to the marker before him in his part of the sentence (`von X angeführt`), else the one after (`X leitete die … Delegation`).
    const segment = (k: number): number => {
      let n = 0;
      for (let i = v.sentence.tokenStart; i < k; i++) if (v.isBreak(i)) n++;
      return n;
    };
    for (let ent = 0; ent < doc.entities.length; ent++) {
      const m = doc.entities[ent]!;
      if (m.sentence !== si || m.type !== 'PER') continue;
      const tok = v.tokens.findIndex((t) => t.start >= m.start);
      if (tok < 0) continue;
      const same = markers.filter((x) => segment(x.token) === segment(tok));
      const marker = same.findLast((x) => x.token < tok) ?? same.find((x) => x.token > tok);
      if (!marker) continue;
      const who = personSides(v, ent, date);
      if (who.of.size > 0 && !who.of.has(marker.side)) continue;
      const meeting = events.findLast((e) => r.of.has(e.type) && e.sentence < si && e.sentence >= si - r.reach && [...e.actors, ...e.recipients].some((p) => sideId(doc, p) === marker.side));
      if (!meeting) continue;
      const list = meeting.actors.some((p) => sideId(doc, p) === marker.side) ? meeting.actors : meeting.recipients;
      if (![...meeting.actors, ...meeting.recipients].some((p) => sameEntity(doc, p, ent))) list.push(ent);
    }
  });
}

/** The clause announces (`kündigte … an`, `stellte … vor`, `hat … angekündigt`). */
function announceClause(v: SentenceView, ci: number): boolean {
  const c = v.clauses[ci];
  if (!c) return false;
  for (let k = c.start; k < c.end; k++) {
    for (const verb of discourseRules().followUp.verbs) {
      if (v.lower(k) !== verb.word) continue;
      if (!verb.particle) return true;
      for (let j = k + 1; j < c.end; j++) if (v.lower(j) === verb.particle && (j + 1 === c.end || !/[\p{L}]/u.test(v.tokens[j + 1]!.text))) return true;
    }
  }
  return false;
}

/**
 * `Moskau weist X zurück. Kreml-Sprecher Peskow sagte am Freitag, …`: a statement or announcement
 * right after a statement-type event (statementTypes in words.json), by a person who speaks for its
 * actor, adds him to the actors and gives the event its place (and its day when the event had only
 * the publication date). Who speaks for the actor: a role or KB role of the actor's country or
 * region; with no country known at all, a government role (memberRoles) when the actor is named as
 * a government (`die brandenburgische Landesregierung`); `ein Verbandssprecher` for a `…verband`.
 */
function spokespersonFollowUp(doc: AnalyzedArticle, lex: Lexicon, events: FoundEvent[]): void {
  const r = discourseRules().followUp;
  for (const e of events) {
    if (!lex.words.statementTypes.has(e.type) || e.actors.length === 0) continue;
    // `Beide Länder hatten sich geeinigt. Kremlberater X sagte, …`: one side's speaker after a joint event is no party to it.
    if (e.recipients.length > 0 && lex.entries.find((x) => x.id === e.entryId)?.symmetric) continue;
    const sides = e.actors.map((a) => sideId(doc, a)).filter((s): s is string => s !== null);
    const government = e.actors.some((a) => {
      const next = doc.tokens.find((t) => t.start >= doc.entities[a]!.end);
      return next !== undefined && r.governments.has(next.text.toLowerCase());
    });
    for (let si = e.sentence + 1; si <= e.sentence + r.reach && si < doc.sentences.length; si++) {
      // A sentence with events of its own is about them.
      if (events.some((x) => x !== e && x.sentence === si)) break;
      const v = viewSentence(doc, si, lex);
      let said = false;
      for (let ci = 0; ci < v.clauses.length && !said; ci++) {
        if (!speechClause(v, ci) && !announceClause(v, ci)) continue;
        const g: Group | undefined = clauseRoles(v, ci).subject ?? v.groups.find((x) => x.clause === ci && x.prep === null);
        let member: number | null = null;
        for (const p of g?.ents ?? []) {
          if (doc.entities[p]!.type !== 'PER' || e.actors.some((a) => sameEntity(doc, a, p))) continue;
          const who = personSides(v, p, e.date.value);
          if (sides.some((s) => who.of.has(s)) || (who.of.size === 0 && government && [...who.roles].some((x) => r.roles.has(x)))) member = p;
        }
        if (member === null && (g || !roleNounFor(v, ci, e, r.speakers))) continue;
        if (member !== null) e.actors.push(member);
        const at = clauseCircumstance(v, ci);
        e.place ??= at.place;
        if (e.date.source === 'publication' && at.date) e.date = { value: nearestYear(at.date, doc.article.published), source: 'text' };
        said = true;
      }
      if (said) break;
    }
  }
}

/** `sagte ein Verbandssprecher`: a speaker noun whose first part ends a word of the actor's name (`Landesbauernverband`). */
function roleNounFor(v: SentenceView, ci: number, e: FoundEvent, speakers: readonly string[]): boolean {
  const c = v.clauses[ci]!;
  const names = e.actors.flatMap((a) => v.doc.entities[a]!.normalized.toLowerCase().split(/\s+/));
  for (let k = c.start; k < c.end; k++) {
    if (!upper(v.tokens[k]!.text)) continue;
    const w = v.lower(k);
    const suffix = speakers.find((s) => w.endsWith(s));
    // `Verbandssprecher`: the first part without its linking `s`.
    const stem = suffix ? w.slice(0, w.length - suffix.length).replace(/-$/, '').replace(/s$/, '') : '';
    if (stem.length >= 4 && names.some((n) => n.endsWith(stem))) return true;
  }
  return false;
}

/**
 * `Die Erklärung richtet sich vor allem an Washington`: a statement noun as subject of `richtet sich
 * an X` names the addressee of the article's last statement-type event (addressedTypes) within
 * `reach` sentences before it, if that event has no recipient.
 */
function addressee(doc: AnalyzedArticle, lex: Lexicon, events: FoundEvent[]): void {
  const r = discourseRules().addressee;
  doc.sentences.forEach((_, si) => {
    const v = viewSentence(doc, si, lex);
    for (let ci = 0; ci < v.clauses.length; ci++) {
      const c = v.clauses[ci]!;
      let noun = false;
      let verb = false;
      for (let k = c.start; k < c.end; k++) {
        if (upper(v.tokens[k]!.text) && r.nouns.has(v.lower(k)) && v.groups.every((g) => k < g.lead || k >= g.end)) noun = true;
        if (r.verbs.has(v.lower(k)) && v.lower(k + 1) === 'sich') verb = true;
      }
      if (!noun || !verb) continue;
      const to = v.groups.find((g) => g.clause === ci && g.prep === r.prep);
      if (!to) continue;
      const target = events.findLast((e) => r.of.has(e.type) && e.sentence < si && e.sentence >= si - r.reach);
      if (!target || target.recipients.length > 0) continue;
      target.recipients = to.ents.filter((x) => !target.actors.some((a) => sameEntity(doc, a, x)));
    }
  });
}
