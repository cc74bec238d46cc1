import { precisionOf, type AnalyzedArticle, type EventMention, type EventStatus, type TimeExpression } from '../../model/index.js';
import { clauseRoles, isAdjectiveLike, viewSentence, type Group, type SentenceView, type SentenceViewBase } from './clauses.js';
import { firstDay, lastDay } from './dates.js';
import { lexicon, type Lexicon, type TriggerEntry } from './lexicon.js';
import { kb } from '../../kb/index.js';
import { commentedEvents, discourseRules, dropDispositions, followUps, resumeParticipants, resumingMatches, resumingSubject } from './discourse.js';

/** An event mention with the lexicon entry that found it (tests and debugging). */
export interface FoundEvent extends EventMention {
  entryId: string;
  /** Absolute token index of the trigger. */
  token: number;
}

export interface Match {
  entry: TriggerEntry;
  token: number;
}

/** Trigger entries matching token `i` of the sentence. */
function matchToken(v: SentenceView, i: number): Match[] {
  const { lex } = v;
  const text = v.tokens[i]!.text;
  const lw = v.lower(i);
  const out: Match[] = [];
  const sentenceLower = (): string[] => {
    const ws: string[] = [];
    for (let k = v.sentence.tokenStart; k < v.sentence.tokenEnd; k++) ws.push(v.lower(k));
    return ws;
  };
  const requiresOk = (e: TriggerEntry): boolean => !e.requires || sentenceLower().some((w) => e.requires!.some((r) => w.startsWith(r)));
  if (/^[a-zäöüß]/.test(text) || i === v.sentence.tokenStart) {
    const cands = lex.verbForms.get(lw) ?? [];
    const withParticle: Match[] = [];
    const plain: Match[] = [];
    for (const { entry, joined } of cands) {
      if (!requiresOk(entry)) continue;
      if (entry.particle && !joined) {
        if (particleCloses(v, i, entry.particle)) withParticle.push({ entry, token: i });
      } else if (entry.particle) {
        withParticle.push({ entry, token: i });
      } else {
        plain.push({ entry, token: i });
      }
    }
    // `forderte … auf` is auffordern, not fordern; `lehnte` without `ab` is nothing.
    out.push(...(withParticle.length > 0 ? withParticle : plain));
  }
  if (/^\p{Lu}/u.test(text)) {
    const entry = nounEntryFor(lw, lex, requiresOk);
    if (entry) out.push({ entry, token: i });
  }
  return out;
}

/** The noun trigger entry of a lower-cased word (a form, or a compound ending in one: `Gefangenenaustausch`) that `accept` takes, or null. */
export function nounEntryFor(lw: string, lex: Lexicon, accept: (e: TriggerEntry) => boolean = () => true): TriggerEntry | null {
  for (const { form, entry } of lex.nounForms) {
    if (entry.exclude?.some((x) => x.toLowerCase() === lw)) continue;
    let ok = lw === form;
    if (!ok && entry.compound && lw.endsWith(form)) {
      const prefix = lw.slice(0, lw.length - form.length);
      ok = prefix.endsWith('-') || prefix.length >= 4;
    }
    if (ok && accept(entry)) return entry;
  }
  return null;
}

/** The separable particle stands later in the same clause, at its end (not an infinitive `zu`). */
function particleCloses(v: SentenceView, i: number, particle: string): boolean {
  const ci = v.clauseOf(i);
  const c = v.clauses[ci];
  if (!c) return false;
  for (let k = i + 1; k < c.end; k++) {
    if (v.lower(k) === particle && (k + 1 === c.end || v.isBreak(k + 1) || v.tokens[k + 1]!.text === '.')) return true;
  }
  return false;
}

/** Prepositional phrases that attach to the nearest noun before them, not to a noun further left. */
const NEAREST_NOUN_PREPS = new Set(['von', 'in', 'bei']);

/** A common noun (capitalised, no name) stands between tokens `a` and `b`. */
function nounBetween(v: SentenceView, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) {
    if (!/^\p{Lu}\p{Ll}/u.test(v.tokens[k]!.text) || v.groups.some((g) => k >= g.lead && k < g.end)) continue;
    return true;
  }
  return false;
}

function entsOf(gs: readonly Group[]): number[] {
  return gs.flatMap((g) => g.ents);
}

/** Finds the speaker of a sentence's reported content: `sagte X`, `laut X`, `X zufolge`, `nach Angaben des X`. */
function findSpeaker(v: SentenceView, triggerClause: number): Group | null {
  for (const g of v.groups) {
    if (g.prep === 'laut') return g;
    if (v.lower(g.end) === 'zufolge') return g;
    const b1 = v.lower(g.lead - 1);
    const b2 = v.lower(g.lead - 2);
    if (b1 === 'angaben' || ((b1 === 'von' || b1 === 'aus') && b2 === 'angaben')) return g;
  }
  for (let ci = 0; ci < v.clauses.length; ci++) {
    if (ci === triggerClause) continue;
    if (!speechClause(v, ci)) continue;
    const roles = clauseRoles(v, ci);
    const g = roles.subject ?? v.groups.find((x) => x.clause === ci && x.prep === null);
    if (g) return g;
  }
  return null;
}

/** The clause has a verb of saying (`sagte`, `teilte … mit`), not one that is a trigger with its particle (`sagte … zu`). */
export function speechClause(v: SentenceView, ci: number): boolean {
  const c = v.clauses[ci];
  if (!c) return false;
  for (let k = c.start; k < c.end; k++) {
    const lw = v.lower(k);
    if (!v.lex.words.speechVerbs.has(lw) || v.lex.words.speakerMarkers.has(lw) || lw === 'so') continue;
    if (particleCloses(v, k, 'zu')) continue;
    return true;
  }
  return false;
}

function clauseHas(v: SentenceView, ci: number, set: ReadonlySet<string>): boolean {
  const c = v.clauses[ci];
  if (!c) return false;
  for (let k = c.start; k < c.end; k++) if (set.has(v.lower(k))) return true;
  return false;
}

/** The clause's time expression (DATE/TIME with a calendar value), else the sentence's nearest. */
function eventDate(v: SentenceView, ci: number, trigger: number): TimeExpression | null {
  const s = v.sentence;
  const c = v.clauses[ci]!;
  const cStart = v.tokens[c.start]!.start;
  const cEnd = v.tokens[c.end - 1]!.end;
  const tPos = v.tokens[trigger]!.start;
  // A deadline (`bis zum 8. August`) or a condition's date (`falls … am Montag`) is not when the event happened.
  const deadline = (t: TimeExpression): boolean => /^bis\b/i.test(t.text) || /\bbis\s*$/i.test(v.doc.article.text.slice(Math.max(0, t.start - 8), t.start));
  const inCondition = (t: TimeExpression): boolean => {
    const tok = v.tokens.findIndex((x) => x.start >= t.start);
    const tci = tok >= 0 ? v.clauseOf(tok) : -1;
    return tci >= 0 && tci !== ci && conditional(v, tci);
  };
  const cands = v.doc.timexes.filter((t) => t.start >= s.start && t.end <= s.end && (t.type === 'DATE' || t.type === 'TIME') && precisionOf(t.value) !== null && !deadline(t) && !inCondition(t));
  const inClause = cands.filter((t) => t.start >= cStart && t.end <= cEnd);
  const pool = inClause.length > 0 ? inClause : cands;
  let best: TimeExpression | null = null;
  for (const t of pool) if (!best || Math.abs(t.start - tPos) < Math.abs(best.start - tPos)) best = t;
  return best;
}

function mentionFor(v: SentenceView, m: Match): FoundEvent | null {
  const { lex } = v;
  const { entry, token } = m;
  const ci = v.clauseOf(token);
  if (ci < 0) return null;
  if (conditional(v, ci) || generic(v, ci)) return null;
  const speaker = findSpeaker(v, ci);
  const speech = speechClause(v, ci);
  let roles = clauseRoles(v, ci);
  if (!roles.subject && !roles.subjectElsewhere) {
    // Elided or infinitive subject (`– und wollen sich treffen`, `…, sich … zu treffen`): the previous clause's.
    for (let p = ci - 1; p >= 0; p--) {
      // The content of a speech clause (`X sagte, Russland lasse sich …, und wies … zurück`) is not
      // where the elided subject comes from; the speaker's clause is.
      if (p > 0 && speechClause(v, p - 1) && !speechClause(v, p)) continue;
      const r = clauseRoles(v, p);
      if (r.subject || r.subjectElsewhere) {
        roles = { ...roles, subject: r.subject, subjectElsewhere: r.subjectElsewhere };
        break;
      }
    }
  }
  const inClause = v.groups.filter((g) => g.clause === ci);
  // `ins`/`in das` names a destination: where a visit goes, not where anything else happens (`Rückkehr ins Weiße Haus`).
  const directional = (g: Group): boolean => v.lower(g.lead - 1) === 'ins' || (v.lower(g.lead - 1) === 'das' && v.lower(g.lead - 2) === 'in');
  const placeLike = (g: Group): boolean => g.prep !== null && lex.words.placePrepositions.has(g.prep) && (entry.mode === 'visit' || !directional(g))
    && (g.ents.every((e) => v.doc.entities[e]!.type === 'LOC') || seatCapital(v, g) !== null);
  // A place-like phrase an entry names as a slot (`Angriff auf Odessa`) is a participant, not the place.
  // A noun's place follows it (`Gespräche in Istanbul`); `In Kiew wurde das Telefonat …` is where it was received.
  const placeGroup = inClause.find((g) => placeLike(g) && ![...entry.actor, ...entry.recipient].includes(g.prep!) && (entry.pos === 'verb' || (g.start > token && nounReaches(v, token, g.lead))));
  const passive = entry.pos === 'verb' && clauseHas(v, ci, lex.words.passiveAuxiliaries) && inClause.some((g) => g.prep === 'von' || g.prep === 'durch');

  const slot = (name: string): Group[] => {
    switch (name) {
      case 'subject':
        // `X hat die Vorbereitungen für den Gipfel sabotiert`, `Y legte einen Termin für ein Treffen fest`:
        // the subject acts on the frame (planningNouns); whether it takes part in the event is not said.
        if (entry.pos === 'noun' && (speech || lex.words.planningNouns.has(nounContext(v, token, lex).head ?? ''))) return [];
        return roles.subject ? [roles.subject] : [];
      case 'object':
        return roles.objects;
      case 'compound':
        return (v.inside.get(token) ?? []).map((e) => ({ ents: [e], start: token, end: token + 1, lead: token, prep: null, objectLike: false, clause: ci }));
      case 'genitive':
        // `Gipfel der NATO` follows the noun; `Selenskyjs Besuch` stands right before it.
        return inClause.filter((g) => g.prep === null && (g.lead === token + 1 || (g.genitive && g.end === token)));
      default: {
        const gs = inClause.filter((g) => g.prep === name && g !== placeGroup);
        if (entry.pos !== 'noun') return gs;
        // `Besuch … vor dem Gipfeltreffen von Trump in Abu Dhabi`: these phrases belong to the nearest noun.
        const nearest = NEAREST_NOUN_PREPS.has(name);
        return gs.filter((g) => g.start > token && (!nearest || !nounBetween(v, token, g.lead)));
      }
    }
  };
  let actorGroups: Group[] = [];
  let recipientGroups: Group[] = [];
  if (passive) {
    actorGroups = inClause.filter((g) => g.prep === 'von' || g.prep === 'durch');
    recipientGroups = roles.subject ? [roles.subject] : [];
  } else {
    for (const name of entry.actor) {
      actorGroups = slot(name);
      if (actorGroups.length > 0) break;
    }
    for (const name of entry.recipient) recipientGroups.push(...slot(name));
  }
  // Converse verbs name the other side first (`Putin empfing Witkoff`: Witkoff is the visitor).
  if (entry.converse) [actorGroups, recipientGroups] = [recipientGroups, actorGroups];
  const excluded = new Set<number>();
  if (speaker && speaker !== roles.subject) for (const e of speaker.ents) excluded.add(e);
  if (placeGroup && !entry.recipient.includes(placeGroup.prep ?? '')) for (const e of placeGroup.ents) excluded.add(e);
  const uniq = (xs: number[]): number[] => [...new Set(xs)];
  let actors = uniq(entsOf(actorGroups)).filter((e) => !excluded.has(e));
  let recipients = uniq(entsOf(recipientGroups)).filter((e) => !excluded.has(e) && !actors.includes(e));
  if (actors.length === 0 && speaker && speechQuote(v, token)) actors = [...speaker.ents];
  const announcer = entry.pos === 'noun' && actors.length === 0 ? announcedBy(v, ci, token) : null;
  if (announcer) actors = announcer.ents.filter((e) => !recipients.includes(e));
  // `X und Y haben miteinander gesprochen`: the coordinated subject names both sides.
  // `Die Delegationen hatten … beraten`: sides named before (resumeParticipants fills them in or drops the mention).
  if (entry.needsRecipient && recipients.length === 0 && !(actors.length > 1 && clauseHas(v, ci, lex.words.reciprocal)) && !(actors.length === 0 && resumingSubject(v, ci))) return null;
  // `Beide Seiten sollen je 750 Gefangene freilassen`: a release by each side for the other is an exchange.
  const reciprocal = entry.reciprocalType !== undefined && clauseHas(v, ci, lex.words.distributive);
  const type = reciprocal ? entry.reciprocalType! : entry.type;
  if ((entry.symmetric || reciprocal) && recipients.length === 0 && actors.length > 1) {
    recipients = actors.slice(1);
    actors = actors.slice(0, 1);
  }
  if (!entry.symmetric) {
    for (const g of actorGroups) {
      const gov = spokespersonGovernment(v, g);
      if (gov !== null && !actors.includes(gov) && g.ents.some((e) => actors.includes(e))) actors.push(gov);
    }
  }
  // `Sollte Russland nicht zustimmen, …, drohte Trump`: a threat is aimed at whoever the condition is about.
  if (lex.words.conditionalTargetTypes.has(entry.type) && recipients.length === 0) {
    for (let cj = 0; cj < v.clauses.length; cj++) {
      if (cj === ci || !conditional(v, cj)) continue;
      const target = clauseRoles(v, cj).subject;
      if (target) recipients = target.ents.filter((e) => !actors.includes(e));
      break;
    }
  }
  // Same surface name on both sides (two mentions of one entity) is one participant.
  const norm = (e: number): string => v.doc.entities[e]!.normalized;
  const actorNames = new Set(actors.map(norm));
  recipients = recipients.filter((e) => !actorNames.has(norm(e)));

  const published = v.doc.article.published;
  const tx = eventDate(v, ci, token);
  const date: EventMention['date'] = tx ? { value: weekdayTense(v, ci, tx, nearestYear(tx, published), published), source: 'text' } : { value: published, source: 'publication' };
  let status: EventStatus = 'asserted';
  const infinitive = token > 0 && v.lower(token - 1) === 'zu';
  const futureDate = tx && published && precisionOf(published) === 'day' && (firstDay(date.value ?? '') ?? '') > published;
  // A noun hanging on a frame noun (`Ein Ort für den Gipfel steht nicht fest`) is not what the clause
  // negates or supposes; a date, place or preparation for it makes it planned.
  const nctx = entry.pos === 'noun' ? nounContext(v, token, lex) : null;
  const frame = nctx?.head ?? null;
  // `Zwei Tage vor seinem Treffen hat Trump …`: an event some time after the clause's is still to come
  // (unless the clause looks back from before it: `hatte`, `war`).
  const ahead = nctx !== null && lex.words.timeNouns.has(nctx.before) && nctx.prep === 'vor' && !clauseHas(v, ci, lex.words.pluperfect);
  // `in zwei Wochen`: a span from now ends in the future.
  const inSpan = v.doc.timexes.some((x) => x.type === 'DURATION' && x.start >= v.tokens[v.clauses[ci]!.start]!.start && x.end <= v.tokens[v.clauses[ci]!.end - 1]!.end && /\bin\s*$/i.test(v.doc.article.text.slice(Math.max(0, x.start - 4), x.start)));
  const framed = frame !== null && lex.words.lightNouns.has(frame);
  if (!framed && (entry.pos === 'noun' ? nounNegated(v, ci, token) : clauseHas(v, ci, lex.words.negation))) status = 'negated';
  else if (!framed && clauseHas(v, ci, lex.words.hypothetical)) status = 'hypothetical';
  else if ((framed && lex.words.planningNouns.has(frame)) || ahead || clauseHas(v, ci, lex.words.future) || infinitive || futureDate || inSpan) status = 'planned';
  else if (entry.status) status = entry.status;
  else if (announcer) status = 'planned';
  else if (speaker) status = 'reported';
  let mode = entry.mode;
  if (entry.type === 'CONSULT' && mode === null && actors.length + recipients.length >= 3) mode = 'multilateral';
  const t = v.tokens[token]!;
  const ev: FoundEvent = {
    type,
    mode,
    trigger: { start: t.start, end: t.end, text: t.text },
    actors,
    recipients,
    place: placeGroup ? (seatCapital(v, placeGroup) ?? v.doc.entities[placeGroup.ents[0]!]!.normalized) : visitedPlace(v, entry, inClause),
    date,
    status,
    sentence: v.index,
    entryId: entry.id,
    token,
  };
  if (speaker && status === 'reported') ev.speaker = v.doc.entities[speaker.ents[0]!]!.normalized;
  return ev;
}

/**
 * A visit's destination (`reiste nach Moskau`) is where the visit took place, not a participant: the
 * host is whoever receives the visitor (`von Putin empfangen`), so a city never stands in for him.
 */
function visitedPlace(v: SentenceView, entry: TriggerEntry, groups: readonly Group[]): string | null {
  if (entry.mode !== 'visit') return null;
  const g = groups.find((x) => x.prep === 'nach' && x.ents.every((e) => v.doc.entities[e]!.type === 'LOC'));
  return g ? v.doc.entities[g.ents[0]!]!.normalized : null;
}

/**
 * The government a spokesperson in front of the name speaks for (`Kreml-Sprecher Dmitri Peskow` →
 * Russland): what he announces, rejects or demands, his government does, so it acts too. Added to
 * doc.entities as a mention of the country at the role word (a role, so it gives no alias).
 */
function spokespersonGovernment(v: SentenceView, g: Group): number | null {
  const k = kb();
  for (let i = g.lead; i < g.start; i++) {
    const t = v.tokens[i]!;
    const role = /^\p{Lu}/u.test(t.text) ? k.parseRole(t.text) : null;
    if (!role?.role?.includes('spokesperson') || !role.of) continue;
    const country = k.get(role.of);
    if (country?.kind !== 'country') continue;
    const ents = v.doc.entities;
    const known = ents.findIndex((m) => m.start === t.start && m.end === t.end && m.kbId === country.id);
    if (known >= 0) return known;
    ents.push({ start: t.start, end: t.end, text: t.text, type: 'LOC', sentence: v.index, normalized: country.name, role: t.text, kbId: country.id, metonym: true });
    return ents.length - 1;
  }
  return null;
}

/**
 * A government's seat named as a place (`im Weißen Haus`, `im Kreml`, `ins Kanzleramt`): the capital
 * of the government it stands for, so the place merges with datelines and `in Washington`.
 */
function seatCapital(v: SentenceView, g: Group): string | null {
  if (g.prep !== 'in' || g.ents.length !== 1) return null;
  const m = v.doc.entities[g.ents[0]!]!;
  if (m.type !== 'ORG') return null;
  const k = kb();
  const e = (m.kbId ? k.get(m.kbId) : undefined) ?? k.lookup(m.normalized).entries[0];
  if (!e || e.kind !== 'organization' || !e.standsFor || !/^[A-Z]{2}$/.test(e.standsFor)) return null;
  return k.get(`capital:${e.standsFor}`)?.name ?? null;
}

/**
 * A phrase after a noun trigger belongs to it up to the next event noun, which takes the phrases after
 * it (`Besuch … vor dem Gipfeltreffen … in Abu Dhabi`). A trigger inside a prepositional phrase ends
 * at the clause's verb (`Vor seinem Treffen mit Putin hat Trump den Druck auf Moskau erhöht`); the
 * subject's does not (`Die Verhandlungen wurden in Genf fortgesetzt`: the verb only carries them on).
 */
function nounReaches(v: SentenceView, token: number, to: number): boolean {
  const w = v.lex.words;
  const inPhrase = nounContext(v, token, v.lex).prep !== null;
  for (let k = token + 1; k < to; k++) {
    const t = v.tokens[k]!.text;
    const lw = v.lower(k);
    if (inPhrase && /^[a-zäöüß]/.test(t) && (w.finiteAuxiliaries.has(lw) || (v.lex.allVerbForms.has(lw) && !isAdjectiveLike(lw, v.lex)))) return false;
    if (/^\p{Lu}/u.test(t) && matchToken(v, k).some((m) => m.entry.pos === 'noun')) return false;
  }
  return true;
}

/**
 * A date written without its year (`am 21. August`) is the occurrence nearest the publication date:
 * news reports what happened or will happen within months, so a value more than half a year away
 * (a past-tense sentence announcing a future meeting) is moved to the nearer year.
 */
export function nearestYear(t: TimeExpression, published: string | null): string {
  if (!published || /\d{4}/.test(t.text) || !/^\d{4}-\d{2}(-\d{2})?$/.test(t.value)) return t.value;
  const pub = Date.parse(firstDay(published) ?? '');
  const y = Number(t.value.slice(0, 4));
  let best = t.value;
  let bestGap = Infinity;
  for (const cand of [y - 1, y, y + 1]) {
    const v = `${cand}${t.value.slice(4)}`;
    const d = firstDay(v);
    const gap = d ? Math.abs(Date.parse(d) - pub) : Infinity;
    if (gap < bestGap) [best, bestGap] = [v, gap];
  }
  return bestGap < Math.abs(Date.parse(firstDay(t.value) ?? '') - pub) - 183 * 86_400_000 ? best : t.value;
}

/**
 * A bare weekday (`am Donnerstag`) in a clause in a past tense (`ist … empfangen worden`, `hat …
 * getroffen`) is the one on or before publication; without a past marker and in a clause about
 * the future it is the one on or after. The time tagger decides by tense too; this keeps an event's
 * date consistent with the tense of the event's own clause.
 */
function weekdayTense(v: SentenceView, ci: number, t: TimeExpression, value: string, published: string | null): string {
  const words = t.text.toLowerCase().split(/\s+/);
  if (!published || precisionOf(published) !== 'day' || precisionOf(value) !== 'day' || !words.some((w) => v.lex.words.weekdays.has(w)) || words.length > 3) return value;
  const past = clauseHas(v, ci, v.lex.words.pastMarkers);
  const future = !past && clauseHas(v, ci, v.lex.words.future);
  const shift = (d: string, days: number): string => new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  if (past && value > published) return shift(value, -7);
  if (future && value < published) return shift(value, 7);
  return value;
}

/**
 * The sides `beide <noun>` refers back to: the last pair of participants named together that fits the
 * noun's type. Where the article named no two countries together, `beide Länder` after a meeting of two
 * people of two different countries (`der US-Sondergesandte Witkoff … von Präsident Putin empfangen`)
 * are those countries, added as metonym mentions at the noun phrase; two people of one country, or of
 * no known country, give none. Shared by the German and the English finder (`both countries`).
 */
export function bothSidesPair(v: SentenceViewBase, ci: number, noun: string, type: string | undefined, pairs: readonly number[][], quantifiers: ReadonlySet<string>): number[] | null {
  const doc = v.doc;
  const named = pairs.findLast((p) => !type || p.every((i) => doc.entities[i]!.type === type));
  if (named || type !== 'LOC') return named ?? null;
  for (let n = pairs.length - 1; n >= 0; n--) {
    const p = pairs[n]!;
    if (p.length !== 2 || !p.every((i) => doc.entities[i]!.type === 'PER')) continue;
    const countries = p.map((i) => countryOfPerson(doc.entities[i]!.kbId, doc.entities[i]!.normalized));
    if (countries.some((c) => c === null) || countries[0] === countries[1]) continue;
    const c = v.clauses[ci]!;
    let at = -1;
    for (let k = c.start; k + 1 < c.end && at < 0; k++) if (v.lower(k + 1) === noun && quantifiers.has(v.lower(k))) at = k;
    if (at < 0) return null;
    const from = v.tokens[at]!;
    const to = v.tokens[at + 1]!;
    return countries.map((id) => {
      const state = kb().get(id!)!;
      const known = doc.entities.findIndex((x) => x.start === from.start && x.kbId === state.id);
      if (known >= 0) return known;
      const text = `${from.text} ${to.text}`;
      doc.entities.push({ start: from.start, end: to.end, text, type: 'LOC', sentence: v.index, normalized: state.name, role: text, kbId: state.id, metonym: true });
      return doc.entities.length - 1;
    });
  }
  return null;
}

const BOTH: ReadonlySet<string> = new Set(['beide', 'beiden', 'beider']);

/** The one country a person's offices belong to (knowledge base), or null (none known, or several). */
function countryOfPerson(kbId: string | undefined, name: string): string | null {
  const k = kb();
  const entry = (kbId ? k.get(kbId) : undefined) ?? k.lookup(name).entries.find((x) => x.kind === 'person');
  const of = new Set((entry?.roles ?? []).map((r) => r.of).filter((id) => k.get(id)?.kind === 'country'));
  return of.size === 1 ? [...of][0]! : null;
}

/** The noun of `beide Seiten`, `beiden Länder` … in the clause (a reference back to two named sides), or null. */
function bothSidesIn(v: SentenceView, ci: number): string | null {
  const c = v.clauses[ci];
  if (!c) return null;
  for (let k = c.start; k + 1 < c.end; k++) {
    const w = v.lower(k);
    if ((w === 'beide' || w === 'beiden' || w === 'beider') && v.lex.words.bothSides.has(v.lower(k + 1))) return v.lower(k + 1);
    // `Beide hatten vereinbart, …`: the pronoun before its verb, with no noun to narrow the antecedent.
    const next = v.lower(k + 1);
    if (w === 'beide' && /^[a-zäöüß]/.test(v.tokens[k + 1]!.text) && (v.lex.words.finiteAuxiliaries.has(next) || v.lex.allVerbForms.has(next))) return '';
  }
  return null;
}

/**
 * The clause is an infinitive ending the sentence's demand or threat (`X forderte, Y an den
 * Verhandlungen zu beteiligen`): what it names is demanded, not done.
 */
function infinitiveClause(v: SentenceView, ci: number): boolean {
  const c = v.clauses[ci];
  if (!c) return false;
  let last = c.end - 1;
  while (last > c.start && !/[\p{L}]/u.test(v.tokens[last]!.text)) last--;
  const lw = v.lower(last);
  return (v.lower(last - 1) === 'zu' && /en$/.test(lw)) || (v.lex.allVerbForms.has(lw) && /^[a-zäöüß]+zu[a-zäöüß]+en$/.test(lw) && !lw.startsWith('zu'));
}

/** The clause states a condition (`falls …`, `Sollte Russland … nicht zustimmen, …`), not an event. */
function conditional(v: SentenceView, ci: number): boolean {
  const c = v.clauses[ci]!;
  return v.lex.words.conditionals.has(v.lower(c.start));
}

/**
 * The clause is habitual or generic (habitual in words.json: `immer wieder`, `seit Jahren`, `sind
 * bekannt`), or follows the colon of one (`Putins Forderungen sind bekannt: Die Ukraine soll …`:
 * what the colon opens spells the generic statement out).
 */
function generic(v: SentenceView, ci: number): boolean {
  const has = (cj: number): boolean => {
    const c = v.clauses[cj]!;
    return v.lex.words.habitual.some((p) => {
      for (let k = c.start; k + p.length <= c.end; k++) if (p.every((w, n) => v.lower(k + n) === w)) return true;
      return false;
    });
  };
  if (has(ci)) return true;
  for (let cj = ci - 1; cj >= 0; cj--) if (v.lower(v.clauses[cj]!.end) === ':' && has(cj)) return true;
  return false;
}

/** The trigger stands inside quotation marks. */
function speechQuote(v: SentenceView, token: number): boolean {
  let open = false;
  for (let k = v.sentence.tokenStart; k < token; k++) {
    const t = v.tokens[k]!.text;
    if (t === '„' || t === '»') open = true;
    else if (t === '“' || t === '«') open = false;
    else if (t === '"') open = !open;
  }
  return open;
}

interface NounContext {
  /** Governing preposition, or null for a bare noun phrase. */
  prep: string | null;
  /** The phrase is the complement of a preceding common noun (`Forderung nach einer Waffenruhe`). */
  attached: boolean;
  /** That common noun, lower case (`ort` in `Ort für einen Gipfel`), or null. */
  head: string | null;
  /** The word before the preposition, lower case, whatever it is (`tage` in `zwei Tage vor dem Gipfel`). */
  before: string;
}

function nounContext(v: SentenceView, token: number, lex: Lexicon): NounContext {
  let j = token - 1;
  while (j >= v.sentence.tokenStart && (lex.words.determiners.has(v.lower(j)) || /^\d/.test(v.tokens[j]!.text) || (/^[a-zäöüß]/.test(v.tokens[j]!.text) && isAdjectiveLike(v.lower(j), lex)))) j--;
  if (j < v.sentence.tokenStart || !lex.words.prepositions.has(v.lower(j))) return { prep: null, attached: false, head: null, before: '' };
  const prep = lex.words.prepositionAlias[v.lower(j)] ?? v.lower(j);
  const k = j - 1;
  const prev = k >= v.sentence.tokenStart ? v.tokens[k]!.text : '';
  const isEntity = v.groups.some((g) => k >= g.start && k < g.end);
  // A time expression (`am Freitag zu einem Besuch`) is no noun the phrase could complement.
  const pk = v.tokens[k];
  const isTime = pk !== undefined && (v.lex.words.weekdays.has(prev.toLowerCase()) || v.doc.timexes.some((t) => t.start <= pk.start && t.end >= pk.end));
  const noun = /^\p{Lu}\p{Ll}/u.test(prev) && !isEntity && !isTime && v.clauseOf(k) === v.clauseOf(j);
  // `die Forderung beim Gipfel`: a phrase of circumstance is no noun's content.
  const attached = noun && !lex.words.lightNouns.has(prev.toLowerCase()) && !lex.words.circumstantialPrepositions.has(v.lower(j));
  return { prep, attached, head: noun ? prev.toLowerCase() : null, before: prev.toLowerCase() };
}

/**
 * Date-bounded roles standing alone (`der US-Präsident`, `des Kremlchefs`) are mentions of whoever
 * held the office on the sentence's date (its first calendar time expression, else the article's):
 * they are added to doc.entities with the holder's KB id, so events name a person, not a title.
 */
export function addRoleMentions(doc: AnalyzedArticle, lex: Lexicon = lexicon()): void {
  const k = kb();
  doc.sentences.forEach((s, si) => {
    for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
      const t = doc.tokens[i]!;
      if (!/^\p{Lu}/u.test(t.text) || !lex.words.determiners.has(doc.tokens[i - 1]!.text.toLowerCase())) continue;
      const covered = (a: number, b: number): boolean => doc.entities.some((e) => e.start < b && e.end > a);
      if (covered(t.start, t.end)) continue;
      // A name right behind the role (`der US-Präsident Donald Trump`) is the mention already.
      const next = doc.tokens[i + 1];
      if (next && i + 1 < s.tokenEnd && covered(next.start, next.end)) continue;
      const role = k.parseRole(t.text);
      if (!role?.role || !role.of) continue;
      const tx = doc.timexes.find((x) => x.start >= s.start && x.end <= s.end && precisionOf(x.value) !== null);
      const date = tx ? nearestYear(tx, doc.article.published) : doc.article.published;
      if (!date) continue;
      const holders = k.whoHeld(role.role, role.of, date);
      if (holders.length !== 1) continue;
      const h = holders[0]!;
      doc.entities.push({ start: t.start, end: t.end, text: t.text, type: 'PER', sentence: si, normalized: h.name, role: t.text, kbId: h.id });
    }
  });
  addStateAdjectiveMentions(doc, lex);
}

/**
 * The KB region an adjective in `-isch` is formed from (`brandenburgische` → Brandenburg, `bayerischen`
 * → Bayern, `sächsische` → Sachsen): a KB place; only state nouns (`Landesregierung`) take it.
 */
function regionOfAdjective(word: string): string | undefined {
  const m = /^([a-zäöüß-]{3,})isch(?:e|en|er|es|em)?$/.exec(word);
  if (!m) return undefined;
  const stem = m[1]!;
  const plain = stem.replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u');
  for (const c of [stem, `${stem}en`, `${stem}n`, `${plain}en`, plain]) {
    const hit = kb().lookupExact(c.charAt(0).toUpperCase() + c.slice(1)).find((e) => e.kind === 'place');
    if (hit) return hit.id;
  }
  return undefined;
}

/**
 * A country adjective on a noun that names a state's side (`die russische Forderung`, `der
 * ukrainischen Truppen`, `zwischen russischen und ukrainischen Unterhändlern`; stateNouns in
 * words.json) is a mention of that country, as PLOVER codes `Russian troops`: added at the adjective
 * as a metonym (its role is the adjective, so it gives no alias). `russische Banken` stay unnamed.
 */
function addStateAdjectiveMentions(doc: AnalyzedArticle, lex: Lexicon): void {
  const k = kb();
  const covered = (a: number, b: number): boolean => doc.entities.some((e) => e.start < b && e.end > a);
  doc.sentences.forEach((s, si) => {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = doc.tokens[i]!;
      if (!/^[a-zäöü]/.test(t.text)) continue;
      const of = k.countryOfAdjective(t.text) ?? regionOfAdjective(t.text);
      if (!of) continue;
      // The noun: next, or after coordinated adjectives (`russischen und ukrainischen Unterhändlern`).
      let j = i + 1;
      while (j + 1 < s.tokenEnd && lex.words.coordinators.has(doc.tokens[j]!.text.toLowerCase()) && k.countryOfAdjective(doc.tokens[j + 1]!.text)) j += 2;
      const noun = j < s.tokenEnd ? doc.tokens[j]! : undefined;
      if (!noun || covered(t.start, t.end) || covered(noun.start, noun.end)) continue;
      // `in der saudischen Hauptstadt`: the country's capital, a place.
      const capital = j === i + 1 && lex.words.capitalNouns.has(noun.text.toLowerCase()) ? k.get(`capital:${of}`) : undefined;
      if (capital) {
        doc.entities.push({ start: t.start, end: noun.end, text: `${t.text} ${noun.text}`, type: 'LOC', sentence: si, normalized: capital.name, role: `${t.text} ${noun.text}`, kbId: capital.id });
        continue;
      }
      if (!lex.words.stateNouns.has(noun.text.toLowerCase())) continue;
      const state = k.get(of);
      if (state?.kind !== 'country' && state?.kind !== 'place') continue;
      doc.entities.push({ start: t.start, end: t.end, text: t.text, type: 'LOC', sentence: si, normalized: state.name, role: t.text, kbId: state.id, metonym: true });
    }
  });
}

/** All event mentions of one analysed article, in text order. */
export function findEvents(doc: AnalyzedArticle, lex: Lexicon = lexicon()): FoundEvent[] {
  const out: FoundEvent[] = [];
  // Participant sets of two or more of the events found so far, latest last (antecedents of `beide …`).
  const pairs: number[][] = [];
  doc.sentences.forEach((_, si) => {
    const v = viewSentence(doc, si, lex);
    const found: FoundEvent[] = [];
    for (let i = v.sentence.tokenStart; i < v.sentence.tokenEnd; i++) {
      for (const m of matchToken(v, i)) {
        const ev = mentionFor(v, m);
        if (ev) found.push(ev);
      }
    }
    // `Der Austausch soll … stattfinden`: a short form that only resumes an event named before.
    for (const m of resumingMatches(v)) {
      const ev = mentionFor(v, m);
      if (ev) found.push(ev);
    }
    // `offen für Gespräche`, `zu Verhandlungen bereit`: readiness is no event.
    dropDispositions(v, found);
    // `X nannte das Treffen nützlich`: who judges an event is no party to it.
    const commented = commentedEvents(v, found);
    // `beide Seiten`/`beide Länder` without a name of their own: the two sides the article last named.
    // The antecedent must fit the noun: `beide Länder` are the last two countries named together, so
    // one sentence reads the same in a reprint that cut an earlier paragraph about two presidents.
    for (const e of found) {
      if (e.actors.length + e.recipients.length > 0) continue;
      const noun = bothSidesIn(v, v.clauseOf(e.token));
      if (noun === null) continue;
      const pair = bothSidesPair(v, v.clauseOf(e.token), noun, noun ? lex.words.bothSidesTypes[noun] : undefined, pairs, BOTH);
      if (!pair) continue;
      e.actors = [pair[0]!];
      e.recipients = pair.slice(1);
    }
    for (const e of found) {
      if (e.actors.length + e.recipients.length > 0) continue;
      const meeting = meetingBehind(doc, lex, e, [...out, ...found.filter((x) => x.token < e.token)]);
      if (!meeting) continue;
      e.actors = [...meeting.actors];
      e.recipients = [...meeting.recipients];
      e.place ??= meeting.place;
      if (e.date.source === 'publication' && meeting.date.source === 'text') e.date = { ...meeting.date };
    }
    resumeParticipants(v, found, out, commented);
    const isVerb = (x: FoundEvent): boolean => lex.entries.find((y) => y.id === x.entryId)?.pos === 'verb';
    const verbClauses = new Set(found.filter(isVerb).map((e) => v.clauseOf(e.token)));
    const demandClauses = new Set(found.filter((e) => isVerb(e) && lex.words.contentTypes.has(e.type)).map((e) => v.clauseOf(e.token)));
    const kept = found.filter((e) => {
      const ci = v.clauseOf(e.token);
      if ([...demandClauses].some((d) => d < ci) && infinitiveClause(v, ci)) return false;
      if (!isVerb(e)) {
        // A noun that is the content of another noun (`Forderung nach einer Waffenruhe`) or an argument of a
        // verb trigger (`einen Gefangenenaustausch vereinbart`, `auf einen Gipfel geeinigt`) is no event of its own.
        const ctx = nounContext(v, e.token, lex);
        if (ctx.attached) return false;
        // A judged event (`Kiew begrüßte die Einigung`) is evidence of its own, not the verb's argument.
        if (verbClauses.has(v.clauseOf(e.token)) && !commented.has(e) && !(ctx.prep && lex.words.circumstantialPrepositions.has(ctx.prep))) return false;
      }
      // A judged event with no known participants stays as evidence that names no one (it cannot start an event).
      return e.actors.length + e.recipients.length > 0 || e.place !== null || commented.has(e);
    });
    // Mentions of one type in one sentence with shared (or missing) participants are one mention:
    // the one with most participants (verbs win ties) keeps the mode any of them gives.
    const size = (x: FoundEvent): number => x.actors.length + x.recipients.length;
    const names = (x: FoundEvent): Set<string> => new Set([...x.actors, ...x.recipients].map((i) => doc.entities[i]!.normalized));
    // `X und Y telefonieren – und wollen sich treffen`: a call held and a meeting planned are two events.
    const unreal = (x: FoundEvent): boolean => x.status === 'planned' || x.status === 'hypothetical';
    const sameEvent = (a: FoundEvent, b: FoundEvent): boolean => {
      if (a.type !== b.type || unreal(a) !== unreal(b) || (a.mode !== b.mode && (a.mode === 'phone' || b.mode === 'phone'))) return false;
      const na = names(a);
      const nb = names(b);
      return na.size === 0 || nb.size === 0 || [...na].some((n) => nb.has(n));
    };
    const groups: FoundEvent[][] = [];
    for (const e of kept) {
      const g = groups.find((xs) => xs.some((x) => sameEvent(x, e)));
      if (g) g.push(e);
      else groups.push([e]);
    }
    const winners = groups.map((g) => {
      const w = g.reduce((a, b) => (size(b) > size(a) || (size(b) === size(a) && isVerb(b) && !isVerb(a)) ? b : a));
      if (w.mode === null) w.mode = g.find((x) => x.mode !== null)?.mode ?? null;
      return w;
    });
    const chosen = kept.filter((e) => winners.includes(e));
    for (const e of chosen) {
      if (e.place !== null) continue;
      const ci = v.clauseOf(e.token);
      // `Putin hatte die Forderung beim Gipfel … in Abu Dhabi erhoben`: done at an event is done where it was, and then.
      const at = chosen.find((x) => x !== e && x.place !== null && v.clauseOf(x.token) === ci && lex.words.occasionPrepositions.has(nounContext(v, x.token, lex).prep ?? ''));
      if (at) {
        e.place = at.place;
        if (e.date.source === 'publication' && at.date.source === 'text') e.date = { ...at.date };
        continue;
      }
      // `dort`: the place of the last event placed in this or the sentence before.
      if (clauseHas(v, ci, lex.words.placeAnaphors)) {
        const last = [...out, ...chosen.filter((x) => x.token < e.token)].findLast((x) => x.place !== null && x.sentence >= si - 1);
        if (last) e.place = last.place;
      }
    }
    for (const e of [...chosen]) {
      const agreed = jointAgreement(v, e, pairs) ?? talksResult(v, e);
      if (agreed && !chosen.some((x) => x.type === agreed.type)) chosen.push(agreed);
    }
    // `Treffen ohne Einigung`: also a meeting kept for no participant or place of its own (a headline's).
    for (const e of found) {
      if (!chosen.includes(e) && e.actors.length + e.recipients.length + (e.place === null ? 0 : 1) > 0) continue;
      const failed = talksWithout(v, e);
      if (failed && !chosen.some((x) => x.type === failed.type)) chosen.push(failed);
    }
    out.push(...chosen);
    for (const e of winners) {
      const ps = [...e.actors, ...e.recipients];
      if (ps.length >= 2) pairs.push(ps);
    }
  });
  placeFromAttribution(doc, lex, out);
  answeredParty(doc, lex, out);
  retaliationTarget(doc, lex, out);
  followUps(doc, lex, out);
  return out;
}

/**
 * `Trump und Putin trafen sich in Abu Dhabi. … Eine Waffenruhe wurde nicht vereinbart.`: an outcome
 * (outcomeOf in words.json) stated without its parties (an agentless passive, `Es gab keine
 * Einigung`, `Eine Einigung kam nicht zustande`) is that of the last meeting the article reported as
 * held (asserted or reported, not planned) within outcomeReach sentences before it, at a place and
 * on a date that fit. Its parties, place and date are the meeting's.
 */
function meetingBehind(doc: AnalyzedArticle, lex: Lexicon, e: FoundEvent, before: readonly FoundEvent[]): FoundEvent | null {
  const types = lex.words.outcomeOf[e.type];
  if (!types) return null;
  const span = (x: FoundEvent): [string, string] | null => {
    if (x.date.source !== 'text' || !x.date.value) return null;
    const a = firstDay(x.date.value);
    const b = lastDay(x.date.value);
    return a && b ? [a, b] : null;
  };
  const own = span(e);
  const meeting = before.findLast((x) => types.includes(x.type) && x.sentence >= e.sentence - lex.words.outcomeReach);
  if (!meeting || (meeting.status !== 'asserted' && meeting.status !== 'reported')) return null;
  if (new Set([...meeting.actors, ...meeting.recipients].map((i) => doc.entities[i]!.normalized)).size < 2) return null;
  if (e.place !== null && meeting.place !== e.place) return null;
  const theirs = span(meeting);
  if (own && theirs && (own[1] < theirs[0] || theirs[1] < own[0])) return null;
  return meeting;
}

/**
 * `Nach fünf Stunden verkündeten beide Seiten, dass sich Trump und Putin am 21. August treffen werden`:
 * sides announcing together (a subject of two or more, or `beide Seiten` for the last two named)
 * that a planned event will take place (jointAnnouncement in words.json) have agreed on it, on the
 * day of the announcement. One side's announcement (`Das Weiße Haus teilte mit, dass …`) is none.
 */
function jointAgreement(v: SentenceView, e: FoundEvent, pairs: readonly number[][]): FoundEvent | null {
  const ja = v.lex.words.jointAnnouncement;
  if (!ja || e.status !== 'planned' || !ja.of.includes(e.type)) return null;
  const ci = v.clauseOf(e.token);
  const cj = ci - 1;
  const c = v.clauses[cj];
  if (!c || v.lower(v.clauses[ci]!.start) !== 'dass' || clauseHas(v, cj, v.lex.words.negation)) return null;
  let verb = -1;
  for (let k = c.start; k < c.end && verb < 0; k++) if (ja.verbs.has(v.lower(k))) verb = k;
  if (verb < 0) return null;
  const subject = clauseRoles(v, cj).subject;
  let sides = subject && subject.ents.length >= 2 ? [...subject.ents] : null;
  const noun = sides ? null : bothSidesIn(v, cj);
  if (noun !== null) {
    const pair = bothSidesPair(v, cj, noun, noun ? v.lex.words.bothSidesTypes[noun] : undefined, pairs, BOTH);
    sides = pair ? [...pair] : null;
  }
  if (!sides || new Set(sides.map((i) => v.doc.entities[i]!.normalized)).size < 2) return null;
  // Only the announcing clause's own date: the content's (`am 21. August`) is when the event will be.
  const from = v.tokens[c.start]!.start;
  const to = v.tokens[c.end - 1]!.end;
  const tx = v.doc.timexes.find((t) => t.start >= from && t.end <= to && (t.type === 'DATE' || t.type === 'TIME') && precisionOf(t.value) !== null);
  const published = v.doc.article.published;
  const t = v.tokens[verb]!;
  return {
    type: ja.type,
    mode: null,
    trigger: { start: t.start, end: t.end, text: t.text },
    actors: sides.slice(0, 1),
    recipients: sides.slice(1),
    place: null,
    date: tx ? { value: nearestYear(tx, published), source: 'text' } : { value: published, source: 'publication' },
    status: 'asserted',
    sentence: v.index,
    entryId: 'jointAnnouncement',
    token: verb,
  };
}

/**
 * `Die Gespräche … in Istanbul hatten vergangene Woche einen Gefangenenaustausch gebracht`: talks that
 * yield something (talksResult in words.json) are an agreement of their parties on it, at their place
 * and date; `Das Treffen hat keinen Durchbruch gebracht` a negated one. The meeting noun must be the
 * clause's subject (no preposition, before the verb of yielding), held (not planned or supposed).
 */
function talksResult(v: SentenceView, e: FoundEvent): FoundEvent | null {
  const tr = v.lex.words.talksResult;
  if (!tr || !tr.meetingTypes.includes(e.type) || (e.status !== 'asserted' && e.status !== 'reported')) return null;
  if (new Set([...e.actors, ...e.recipients].map((i) => v.doc.entities[i]!.normalized)).size < 2) return null;
  if (!/^\p{Lu}/u.test(v.tokens[e.token]!.text) || nounContext(v, e.token, v.lex).prep !== null) return null;
  const c = v.clauses[v.clauseOf(e.token)]!;
  let verb = -1;
  for (let k = e.token + 1; k < c.end && verb < 0; k++) if (tr.verbs.has(v.lower(k))) verb = k;
  if (verb < 0) return null;
  // The first object noun after the meeting's own phrases: an event noun or a result noun.
  for (let k = e.token + 1; k < c.end; k++) {
    if (!/^\p{Lu}/u.test(v.tokens[k]!.text) || v.groups.some((g) => k >= g.lead && k < g.end)) continue;
    const lw = v.lower(k);
    if (!tr.nouns.has(lw) && !matchToken(v, k).some((m) => m.entry.pos === 'noun')) continue;
    if (nounContext(v, k, v.lex).prep !== null) continue;
    let j = k - 1;
    while (j > e.token && /^[a-zäöüß]/.test(v.tokens[j]!.text) && isAdjectiveLike(v.lower(j), v.lex)) j--;
    return outcomeOfMeeting(v, e, tr.type, verb, v.lex.words.negation.has(v.lower(j)) ? 'negated' : e.status, 'talksResult');
  }
  return null;
}

/** The outcome of meeting `e` named at `token`: its parties, place and date (German and English finders). */
export function outcomeOfMeeting(v: SentenceViewBase, e: FoundEvent, type: FoundEvent['type'], token: number, status: FoundEvent['status'], entryId: string): FoundEvent {
  const t = v.tokens[token]!;
  return {
    type,
    mode: null,
    trigger: { start: t.start, end: t.end, text: t.text },
    actors: [...e.actors],
    recipients: [...e.recipients],
    place: e.place,
    date: { ...e.date },
    status,
    sentence: v.index,
    entryId,
    token,
  };
}

/**
 * `Der Gipfel endete ohne Einigung`, `Gespräche bleiben ohne Ergebnis`: a meeting held (talksResult's
 * meetingTypes), named by a verb or by a noun outside any prepositional phrase, whose clause goes on
 * with `ohne` (talksWithout in discourse.json) and a result noun or another event noun, is a negated
 * agreement (talksResult's type) of its parties, at its place and date. One-sided meetings give none.
 */
function talksWithout(v: SentenceView, e: FoundEvent): FoundEvent | null {
  const tr = v.lex.words.talksResult;
  const { preps } = discourseRules().talksWithout;
  if (!tr || !tr.meetingTypes.includes(e.type) || (e.status !== 'asserted' && e.status !== 'reported')) return null;
  if (new Set([...e.actors, ...e.recipients].map((i) => v.doc.entities[i]!.normalized)).size === 1) return null;
  if (/^\p{Lu}/u.test(v.tokens[e.token]!.text) && nounContext(v, e.token, v.lex).prep !== null) return null;
  const c = v.clauses[v.clauseOf(e.token)]!;
  for (let k = e.token + 1; k < c.end; k++) {
    if (!preps.has(v.lower(k))) continue;
    let j = k + 1;
    while (j < c.end && (v.lex.words.determiners.has(v.lower(j)) || (/^[a-zäöüß]/.test(v.tokens[j]!.text) && isAdjectiveLike(v.lower(j), v.lex)))) j++;
    if (j >= c.end || !/^\p{Lu}/u.test(v.tokens[j]!.text) || v.groups.some((g) => j >= g.lead && j < g.end)) return null;
    const noun = tr.nouns.has(v.lower(j)) || matchToken(v, j).some((m) => m.entry.pos === 'noun' && !tr.meetingTypes.includes(m.entry.type));
    if (!noun) return null;
    return outcomeOfMeeting(v, e, tr.type, j, 'negated', 'talksWithout');
  }
  return null;
}

/** Two entity mentions of the article name the same thing: by KB id where both have one, else by normalised name. */
export function sameEntity(doc: AnalyzedArticle, a: number, b: number): boolean {
  const x = doc.entities[a]!;
  const y = doc.entities[b]!;
  return x.kbId && y.kbId ? x.kbId === y.kbId : x.normalized === y.normalized;
}

/**
 * `Moskau kündigte Gegenmaßnahmen an`: retaliation (a trigger word opening with retaliationPrefixes)
 * is aimed at whoever last acted against its actor in the article.
 */
function retaliationTarget(doc: AnalyzedArticle, lex: Lexicon, events: FoundEvent[]): void {
  const same = (a: number, b: number): boolean => sameEntity(doc, a, b);
  for (const e of events) {
    if (e.recipients.length > 0 || e.actors.length === 0) continue;
    const word = e.trigger.text.toLowerCase();
    if (![...lex.words.retaliationPrefixes].some((p) => word.startsWith(p))) continue;
    const cause = events.filter((x) => x !== e && x.sentence <= e.sentence && x.recipients.some((r) => e.actors.some((a) => same(a, r)))).at(-1);
    if (cause) e.recipients = cause.actors.filter((a) => !e.actors.some((b) => same(a, b)));
  }
}

/**
 * `Kallas wies die Vorwürfe zurück`, `Moskau weist die Forderung zurück`: a reply (replyTypes in
 * words.json) to a definite statement noun with no owner of its own answers whoever made that kind
 * of statement nearest in the article (before it, else after: news leads name the reply first).
 */
function answeredParty(doc: AnalyzedArticle, lex: Lexicon, events: FoundEvent[]): void {
  for (const e of events) {
    if (!lex.words.replyTypes.has(e.type) || e.recipients.length > 0) continue;
    const v = viewSentence(doc, e.sentence, lex);
    const c = v.clauses[v.clauseOf(e.token)]!;
    let said: string | null = null;
    for (let k = c.start; k < c.end && !said; k++) {
      if (!/^\p{Lu}/u.test(v.tokens[k]!.text) || v.groups.some((g) => k >= g.lead && k < g.end)) continue;
      let j = k - 1;
      while (j >= c.start && /^[a-zäöüß]/.test(v.tokens[j]!.text) && isAdjectiveLike(v.lower(j), lex)) j--;
      if (!DEFINITE.has(v.lower(j))) continue;
      said = matchToken(v, k).find((m) => m.entry.pos === 'noun' && m.entry.type !== e.type)?.entry.type ?? null;
    }
    if (!said) continue;
    const by = events.filter((x) => x.type === said && x.sentence !== e.sentence && x.actors.length > 0);
    const before = by.filter((x) => x.sentence < e.sentence).at(-1);
    const source = before ?? by.find((x) => x.sentence > e.sentence);
    if (source) e.recipients = source.actors.filter((a) => !e.actors.some((b) => doc.entities[b]!.normalized === doc.entities[a]!.normalized));
  }
}

const DEFINITE = new Set(['die', 'der', 'den', 'das', 'dem', 'diese', 'diesen', 'dieser']);

/**
 * A noun trigger is negated by `nicht`/`nie` in its clause or by its own `kein` (`kein Treffen`), not
 * by another noun's (`Das Treffen hat keinen Durchbruch gebracht`).
 */
function nounNegated(v: SentenceView, ci: number, token: number): boolean {
  // `ohne Einigung`: a privative preposition (talksWithout in discourse.json) negates its noun.
  if (discourseRules().talksWithout.preps.has(nounContext(v, token, v.lex).prep ?? '')) return true;
  const c = v.clauses[ci]!;
  for (let k = c.start; k < c.end; k++) {
    const lw = v.lower(k);
    if (!v.lex.words.negation.has(lw)) continue;
    if (!lw.startsWith('kein')) return true;
    let j = k + 1;
    while (j < token && /^[a-zäöüß]/.test(v.tokens[j]!.text) && isAdjectiveLike(v.lower(j), v.lex)) j++;
    if (j === token) return true;
  }
  return false;
}

const RELATIVE_PRONOUNS = new Set(['der', 'die', 'das', 'den', 'dem', 'denen', 'welche', 'welcher', 'welches']);

/**
 * `Die Soforthilfe, die Ministerin X am Montag angekündigt hatte`: the subject of a relative clause
 * right after the noun's clause that announces, decides or offers it (announceVerbs) is who acts.
 */
function announcedBy(v: SentenceView, ci: number, token: number): Group | null {
  // The noun's phrase must end its clause (`Die Soforthilfe für Landwirte, die …`), no verb after it.
  const w = v.lex.words;
  for (let k = token + 1; k < v.clauses[ci]!.end; k++) {
    const lw = v.lower(k);
    if (/^[a-zäöüß]/.test(v.tokens[k]!.text) && !w.determiners.has(lw) && !w.prepositions.has(lw) && !w.coordinators.has(lw) && !isAdjectiveLike(lw, v.lex)) return null;
  }
  const c = v.clauses[ci + 1];
  if (!c || !RELATIVE_PRONOUNS.has(v.lower(c.start))) return null;
  if (!clauseHas(v, ci + 1, v.lex.words.announceVerbs)) return null;
  return clauseRoles(v, ci + 1).subject;
}

/**
 * `X hat Y zurückgewiesen. „…“, sagte X am Freitag in Kiew.`: a statement (statementTypes in
 * words.json) is made where its speaker said the words quoted right after it, and on that day when
 * its own sentence names none. Only the next two sentences, only the same speaker (by name, by a
 * role mention of him, or `sagte er` for a sole person), and not past another of his events.
 */
function placeFromAttribution(doc: AnalyzedArticle, lex: Lexicon, events: FoundEvent[]): void {
  const same = (a: number, b: number): boolean => sameEntity(doc, a, b);
  for (const e of events) {
    if (!lex.words.statementTypes.has(e.type) || e.actors.length === 0 || (e.place !== null && e.date.source === 'text')) continue;
    const people = e.actors.filter((a) => doc.entities[a]!.type === 'PER');
    for (let si = e.sentence + 1; si <= e.sentence + 2 && si < doc.sentences.length; si++) {
      if (events.some((x) => x !== e && x.sentence === si && x.actors.some((a) => e.actors.some((b) => same(a, b))))) break;
      const v = viewSentence(doc, si, lex);
      const hit = attributionIn(v, (g) => g.ents.some((a) => e.actors.some((b) => same(a, b))), people.length === 1);
      if (!hit) continue;
      if (e.place === null) e.place = hit.place;
      if (e.date.source === 'publication' && hit.date) e.date = { value: nearestYear(hit.date, doc.article.published), source: 'text' };
      break;
    }
  }
}

/** The place (and time expression) of a speech clause whose speaker `isSpeaker` accepts (or `er`/`sie` when `pronoun`). */
function attributionIn(v: SentenceView, isSpeaker: (g: Group) => boolean, pronoun: boolean): { place: string; date: TimeExpression | null } | null {
  const { lex } = v;
  for (let ci = 0; ci < v.clauses.length; ci++) {
    if (!speechClause(v, ci)) continue;
    const c = v.clauses[ci]!;
    const inClause = v.groups.filter((g) => g.clause === ci);
    const roles = clauseRoles(v, ci);
    const speaker = roles.subject ?? inClause.find((g) => g.prep === null);
    let ok = speaker ? isSpeaker(speaker) : false;
    if (!speaker && pronoun) {
      for (let k = c.start + 1; k < c.end; k++) if ((v.lower(k) === 'er' || v.lower(k) === 'sie') && lex.words.speechVerbs.has(v.lower(k - 1))) ok = true;
    }
    if (!ok) continue;
    const at = clauseCircumstance(v, ci);
    return at.place === null ? null : { place: at.place, date: at.date };
  }
  return null;
}

/** Where (`in Teltow`, `im Kanzleramt` → its capital) and on which day (a day-precise DATE/TIME) a clause says it happened. */
export function clauseCircumstance(v: SentenceView, ci: number): { place: string | null; date: TimeExpression | null } {
  const c = v.clauses[ci]!;
  const where = v.groups.find((g) => g.clause === ci && g.prep === 'in' && v.lower(g.lead - 1) !== 'ins' && (g.ents.every((x) => v.doc.entities[x]!.type === 'LOC') || seatCapital(v, g) !== null));
  const from = v.tokens[c.start]!.start;
  const to = v.tokens[c.end - 1]!.end;
  const date = v.doc.timexes.find((t) => t.start >= from && t.end <= to && (t.type === 'DATE' || t.type === 'TIME') && precisionOf(t.value) === 'day') ?? null;
  return { place: where ? (seatCapital(v, where) ?? v.doc.entities[where.ents[0]!]!.normalized) : null, date };
}
