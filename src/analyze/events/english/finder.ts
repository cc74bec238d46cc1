import { precisionOf, type AnalyzedArticle, type EventMention, type EventStatus, type TimeExpression } from '../../../model/index.js';
import { kb } from '../../../kb/index.js';
import type { Group } from '../clauses.js';
import { firstDay } from '../dates.js';
import { bothSidesPair, nearestYear, outcomeOfMeeting, type FoundEvent } from '../finder.js';
import { englishLexicon, type EnglishLexicon, type EnglishTrigger } from './lexicon.js';
import { viewEnglishSentence, type EnglishView } from './view.js';

interface Match {
  entry: EnglishTrigger;
  /** First and one past the last token of the form (`called on` spans two). */
  token: number;
  end: number;
}

const isLower = (s: string): boolean => /^\p{Ll}/u.test(s);

/** Trigger forms starting at token `i`; a longer form (`called on`) hides shorter ones there (`called`). */
function matchAt(v: EnglishView, i: number): Match[] {
  const text = v.tokens[i]!.text;
  // lower case, or capitalised first in its sentence or clause (`MOSCOW — Talks between …`)
  if (!isLower(text) && i !== v.sentence.tokenStart && !v.lex.words.clauseBreaks.has(v.lower(i - 1))) return [];
  const cands = v.lex.byFirst.get(v.lower(i)) ?? [];
  const out: Match[] = [];
  let longest = 0;
  for (const { entry, words } of cands) {
    if (words.length < longest) break;
    let ok = i + words.length <= v.sentence.tokenEnd;
    for (let k = 1; ok && k < words.length; k++) ok = v.lower(i + k) === words[k];
    if (!ok) continue;
    const end = i + words.length;
    if (words.length === 1 && entry.notBefore?.includes(v.lower(end))) continue;
    if (entry.requires && !sentenceHasPrefix(v, entry.requires)) continue;
    longest = words.length;
    out.push({ entry, token: i, end });
  }
  // `more artillery shells`, `three new strikes`: an -s form after a quantifier or number (one modifier
  // between at most) is a plural noun, so no verb trigger; a noun trigger of that form stays.
  // Only a verb trigger can be dropped, so the position is looked at only when one matched (this runs per token).
  if (out.some((x) => x.entry.pos === 'verb') && /[^s]s$/.test(v.lower(i)) && pluralNounPosition(v, i)) return out.filter((x) => x.entry.pos !== 'verb');
  // `demands`, `attack`, `call`, `visit` are nouns and verbs: after a determiner, a possessive or an
  // adjective the noun, after a subject the verb.
  if (out.some((x) => x.entry.pos === 'noun') && out.some((x) => x.entry.pos === 'verb')) {
    const pos = nounPosition(v, i) ? 'noun' : 'verb';
    return out.filter((x) => x.entry.pos === pos);
  }
  return out;
}

/** Token i follows a quantifier or a number, directly or past one lower-case modifier that is no verb (`the army shells` is a verb). */
function pluralNounPosition(v: EnglishView, i: number): boolean {
  const w = v.lex.words;
  const amount = (k: number): boolean => k >= v.sentence.tokenStart && (w.quantifiers.has(v.lower(k)) || /^\d/.test(v.tokens[k]!.text));
  if (amount(i - 1)) return true;
  const k = i - 1;
  return k > v.sentence.tokenStart && /^\p{Ll}[\p{Ll}-]*$/u.test(v.tokens[k]!.text) && !verbLike(v, k) && !w.prepositions.has(v.lower(k)) && amount(k - 1);
}

function nounPosition(v: EnglishView, i: number): boolean {
  const k = i - 1;
  if (k < v.sentence.tokenStart) return true;
  const lw = v.lower(k);
  const w = v.lex.words;
  if (w.determiners.has(lw) || /['’]s$/.test(v.tokens[k]!.text) || lw === "'s") return true;
  // after a verb that is no auxiliary (`imposed sanctions`, `held talks`) stands its object
  if (!w.auxiliaries.has(lw) && (w.lightVerbs.has(lw) || (verbLike(v, k) && !w.negation.has(lw)))) return true;
  if (inGroup(v, k) || w.pronouns.has(lw) || w.auxiliaries.has(lw) || w.negation.has(lw) || w.adverbs.has(lw) || lw === 'to' || /ly$/.test(lw)) return false;
  return /^\p{Ll}[\p{Ll}-]*$/u.test(v.tokens[k]!.text) && !verbLike(v, k) && !w.prepositions.has(lw) && !w.coordinators.has(lw) && !w.clauseCoordinators.has(lw);
}

function sentenceHasPrefix(v: EnglishView, prefixes: readonly string[]): boolean {
  for (let k = v.sentence.tokenStart; k < v.sentence.tokenEnd; k++) if (prefixes.some((p) => v.lower(k).startsWith(p))) return true;
  return false;
}

/** Lower-case words of tokens [from, to). */
function wordsIn(v: EnglishView, from: number, to: number): string[] {
  const out: string[] = [];
  for (let k = from; k < to; k++) out.push(v.lower(k));
  return out;
}

/** A verb (not a noun) by its form: a trigger verb, an auxiliary, a light or speech verb, or a past form in -ed. */
function verbLike(v: EnglishView, k: number): boolean {
  const lw = v.lower(k);
  const w = v.lex.words;
  return v.lex.verbForms.has(lw) || w.auxiliaries.has(lw) || w.lightVerbs.has(lw) || w.speechVerbs.has(lw) || w.negatingVerbs.has(lw) || /^\p{Ll}{3,}ed$/u.test(lw);
}

function inGroup(v: EnglishView, k: number): boolean {
  return v.groups.some((g) => k >= g.lead && k < g.end);
}

/** Index of the last speech verb in clause `ci` before `until`, or -1 (`Lavrov said Russia would …`). */
function speechVerbBefore(v: EnglishView, ci: number, until: number): number {
  const c = v.clauses[ci]!;
  for (let k = until - 1; k >= c.start; k--) if (v.lex.words.speechVerbs.has(v.lower(k)) && isLower(v.tokens[k]!.text)) return k;
  return -1;
}

function speechClause(v: EnglishView, ci: number): boolean {
  const c = v.clauses[ci];
  if (!c) return false;
  for (let k = c.start; k < c.end; k++) if (v.lex.words.speechVerbs.has(v.lower(k)) && isLower(v.tokens[k]!.text)) return true;
  return false;
}

interface Speech {
  /** The named speaker's phrase, if any (`the White House said`, `according to Peskov`). */
  speaker: Group | null;
}

/** The report the trigger's clause stands in: another clause with a verb of saying, or `according to X`. */
function findSpeech(v: EnglishView, ci: number, trigger: number): Speech | null {
  const src = v.groups.find((g) => g.source && g.prep === 'to');
  if (src) return { speaker: src };
  const inner = speechVerbBefore(v, ci, trigger);
  if (inner >= 0) {
    const g = v.groups.filter((x) => x.clause === ci && x.prep === null && x.end <= inner && !x.source).at(-1);
    return { speaker: g ?? null };
  }
  for (let cj = 0; cj < v.clauses.length; cj++) {
    if (cj === ci || !speechClause(v, cj)) continue;
    const c = v.clauses[cj]!;
    let sv = c.start;
    while (sv < c.end && !(v.lex.words.speechVerbs.has(v.lower(sv)) && isLower(v.tokens[sv]!.text))) sv++;
    // `X said`, or inverted `said X`
    const before = v.groups.filter((g) => g.clause === cj && g.prep === null && !g.source && g.end <= sv).at(-1);
    const after = v.groups.find((g) => g.clause === cj && g.prep === null && !g.source && g.start === sv + 1);
    return { speaker: before ?? after ?? null };
  }
  return null;
}

interface Roles {
  subject: Group | null;
  objects: Group[];
}

/** The phrase the clause's subject is: nearest bare phrase before the verb, or borrowed from the clause before. */
function subjectOf(v: EnglishView, ci: number, verb: number, seen = 0): Group | null {
  const c = v.clauses[ci]!;
  const w = v.lex.words;
  const from = Math.max(c.start, speechVerbBefore(v, ci, verb) + 1);
  const bare = v.groups.filter((g) => g.clause === ci && g.prep === null && !g.source && !g.genitive && g.start >= from && g.end <= verb);
  if (bare.length > 0) return bare.at(-1)!;
  const opener = v.opener(ci);
  if (opener && w.relatives.has(opener)) {
    // `Putin, who met Trump …`: the phrase before the relative pronoun
    const prev = v.groups.filter((g) => g.end <= c.start && g.prep === null && !g.source && g.end >= c.start - 2).at(-1);
    return prev ?? null;
  }
  // A that-clause, or one with a subject that is no name (`delegations … would meet`, `he said`), has its own.
  if (opener) return null;
  for (let k = from; k < verb; k++) {
    if (inGroup(v, k)) continue;
    const lw = v.lower(k);
    if (w.coordinators.has(lw) || w.clauseCoordinators.has(lw) || w.adverbs.has(lw) || w.auxiliaries.has(lw) || w.negation.has(lw) || w.negatingVerbs.has(lw) || w.future.has(lw) || lw === 'to' || /ly$/.test(lw) || verbLike(v, k)) continue;
    return null;
  }
  // Coordinated verb (`… met in Abu Dhabi but failed to agree`): the earlier clause's subject.
  if (ci === 0 || seen > 3) return null;
  const p = ci - 1;
  const pc = v.clauses[p]!;
  return subjectOf(v, p, pc.end, seen + 1);
}

function rolesOf(v: EnglishView, ci: number, m: Match): Roles {
  const subject = subjectOf(v, ci, m.token);
  const objects = v.groups.filter((g) => g.clause === ci && g.prep === null && !g.source && g.start >= m.end);
  return { subject, objects };
}

/** The verb governing a noun trigger (`held talks`, `launched its invasion`), skipping determiners and adjectives. */
function governingVerb(v: EnglishView, token: number): number {
  let j = token - 1;
  const w = v.lex.words;
  while (j >= v.sentence.tokenStart && j > token - 5) {
    const lw = v.lower(j);
    if (w.determiners.has(lw) || w.adverbs.has(lw) || (/^[\p{Ll}-]+$/u.test(lw) && !verbLike(v, j) && !w.prepositions.has(lw) && !w.clauseBreaks.has(lw))) {
      j--;
      continue;
    }
    break;
  }
  return j;
}

/** The preposition (and what stands before it) governing a noun trigger: `for a ceasefire`, `after the talks`. */
function nounContext(v: EnglishView, token: number): { prep: string | null; attached: boolean } {
  const j = governingVerb(v, token);
  if (j < v.sentence.tokenStart || !v.lex.words.prepositions.has(v.lower(j))) return { prep: null, attached: false };
  const k = j - 1;
  const prev = k >= v.sentence.tokenStart ? v.tokens[k]!.text : '';
  const w = v.lex.words;
  // `deadline for a ceasefire`, `talks on a truce`: the noun is the content of the noun before it
  const attached = /^\p{Ll}[\p{Ll}-]*$/u.test(prev) && !verbLike(v, k) && !w.adverbs.has(prev) && !w.timeNouns.has(prev) && !w.pronouns.has(prev) && !w.determiners.has(prev)
    && !/ly$/.test(prev) && v.clauseOf(k) === v.clauseOf(j);
  return { prep: v.lower(j), attached };
}

/** The place phrase `in X`/`at X` belongs to the trigger, not to a noun standing between (`a ceasefire in Ukraine`). */
function attachesToTrigger(v: EnglishView, g: Group, m: Match): boolean {
  const k = g.lead - 2; // the word before the preposition
  if (k < m.token) return false;
  if (k < m.end) return true;
  if (inGroup(v, k)) return true;
  const lw = v.lower(k);
  const w = v.lex.words;
  if (!/^\p{Ll}/u.test(v.tokens[k]!.text)) return true;
  return verbLike(v, k) || w.timeNouns.has(lw) || w.adverbs.has(lw) || /ly$/.test(lw) || w.auxiliaries.has(lw) || /^\d/.test(lw);
}

function clauseMarkers(v: EnglishView, ci: number, before: number): string[] {
  return wordsIn(v, v.clauses[ci]!.start, before);
}

/** The trigger's date: a time expression of its clause, else of the sentence (statements only: also the date of saying). */
function eventDate(v: EnglishView, ci: number, m: Match, type: string): TimeExpression | null {
  const s = v.sentence;
  const w = v.lex.words;
  const text = v.doc.article.text;
  const c = v.clauses[ci]!;
  const cStart = v.tokens[c.start]!.start;
  const cEnd = v.tokens[c.end - 1]!.end;
  const tPos = v.tokens[m.token]!.start;
  // A deadline's own date is when it runs out, not when it was set.
  if (w.deadlineNouns.has(v.lower(m.token))) return null;
  const deadline = (t: TimeExpression): boolean => {
    const before = text.slice(Math.max(0, t.start - 20), t.start).toLowerCase().match(/[\p{L}]+/gu) ?? [];
    return w.deadlineMarkers.has(before.at(-1) ?? '');
  };
  const clauseOfChar = (pos: number): number => {
    // from the sentence's first token on, not the article's (same index, fewer steps)
    for (let i = s.tokenStart; i < v.tokens.length; i++) if (v.tokens[i]!.start >= pos) return v.clauseOf(i);
    return -1;
  };
  const cands = v.doc.timexes.filter((t) => t.start >= s.start && t.end <= s.end && (t.type === 'DATE' || t.type === 'TIME') && precisionOf(t.value) !== null && !deadline(t));
  const inClause = cands.filter((t) => t.start >= cStart && t.end <= cEnd);
  // The date of saying (`said on Friday that …`) dates a statement, not a meeting it reports.
  const pool = inClause.length > 0 ? inClause : cands.filter((t) => w.verbalTypes.has(type) || !speechClause(v, clauseOfChar(t.start)));
  let best: TimeExpression | null = null;
  for (const t of pool) if (!best || Math.abs(t.start - tPos) < Math.abs(best.start - tPos)) best = t;
  return best;
}

const BOTH: ReadonlySet<string> = new Set(['both', 'two']);

/** `both sides`, `the two leaders` in the clause: the noun, or null. */
function bothSidesIn(v: EnglishView, ci: number): string | null {
  const c = v.clauses[ci];
  if (!c) return null;
  for (let k = c.start; k + 1 < c.end; k++) {
    if (BOTH.has(v.lower(k)) && v.lex.words.bothSides.has(v.lower(k + 1))) return v.lower(k + 1);
  }
  return null;
}

/** Countries a person's offices belong to (from the knowledge base). */
function countriesOfPerson(v: EnglishView, e: number): Set<string> {
  const m = v.doc.entities[e]!;
  const k = kb();
  const entry = (m.kbId ? k.get(m.kbId) : undefined) ?? k.lookup(m.normalized).entries.find((x) => x.kind === 'person');
  return new Set((entry?.roles ?? []).map((r) => r.of));
}

function countryOf(v: EnglishView, e: number): string | null {
  const m = v.doc.entities[e]!;
  const k = kb();
  const entry = (m.kbId ? k.get(m.kbId) : undefined) ?? k.lookup(m.normalized).entries[0];
  if (!entry) return null;
  if (entry.kind === 'country') return entry.id;
  return entry.standsFor ?? null;
}

function mentionFor(v: EnglishView, m: Match): FoundEvent | null {
  const { entry, token } = m;
  const w = v.lex.words;
  const ci = v.clauseOf(token);
  if (ci < 0) return null;
  const c = v.clauses[ci]!;
  const opener = v.opener(ci);
  const before = clauseMarkers(v, ci, token);
  if (before.some((x) => w.habitual.has(x))) return null;
  const speech = findSpeech(v, ci, token);
  const roles = rolesOf(v, ci, m);
  const inClause = v.groups.filter((g) => g.clause === ci);
  const slotPreps = new Set([...entry.actor, ...entry.recipient]);
  const placeLike = (g: Group): boolean => g.prep !== null && w.placePrepositions.has(g.prep) && g.ents.every((e) => v.doc.entities[e]!.type === 'LOC');
  const placeGroup = inClause.find((g) => placeLike(g) && !slotPreps.has(g.prep!) && g.start >= m.end && attachesToTrigger(v, g, m))
    ?? (entry.pos === 'verb' ? inClause.find((g) => placeLike(g) && !slotPreps.has(g.prep!) && g.end <= token) : undefined);
  // Passive (`was hosted by Putin`, `were arrested`): the subject undergoes the event, `by` names who did it.
  let p = token - 1;
  while (p >= c.start && (w.adverbs.has(v.lower(p)) || /ly$/.test(v.lower(p)))) p--;
  const passive = entry.pos === 'verb' && p >= c.start && w.passiveAuxiliaries.has(v.lower(p)) && !/ing$/.test(v.lower(token));
  const governing = entry.pos === 'noun' ? governingVerb(v, token) : -1;
  const lightGoverned = governing >= c.start && w.lightVerbs.has(v.lower(governing));

  const afterTrigger = (g: Group): boolean => {
    if (g.start < m.end) return false;
    if (entry.pos === 'verb') return true;
    // a noun's phrases follow it closely: only determiners, adjectives, prepositions and other phrases between
    for (let k = m.end; k < g.lead; k++) {
      if (inGroup(v, k) || w.prepositions.has(v.lower(k)) || w.determiners.has(v.lower(k)) || w.coordinators.has(v.lower(k))) continue;
      if (verbLike(v, k)) return false;
    }
    return true;
  };
  const slot = (name: string): Group[] => {
    switch (name) {
      case 'subject':
        if (entry.pos === 'noun' && !lightGoverned) return [];
        return roles.subject ? [roles.subject] : [];
      case 'object':
        return roles.objects.filter(afterTrigger);
      case 'genitive': {
        // `Russia's full-scale invasion`, `Trump's call with Putin`
        const g = inClause.find((x) => x.genitive && x.end <= token && x.end >= token - 3);
        return g ? [g] : [];
      }
      case 'compound':
        return [token - 1, token].flatMap((k) => (v.inside.get(k) ?? []).map((e) => ({ ents: [e], start: k, end: k + 1, lead: k, prep: null, objectLike: false, clause: ci })));
      case 'that-subject': {
        const next = v.clauses[ci + 1];
        if (!next || v.opener(ci + 1) !== 'that' || next.start > m.end + 1) return [];
        const g = v.groups.find((x) => x.clause === ci + 1 && x.prep === null && !x.source);
        return g ? [g] : [];
      }
      default:
        return inClause.filter((g) => g.prep === name && g !== placeGroup && !g.source && afterTrigger(g));
    }
  };
  let actorGroups: Group[] = [];
  let recipientGroups: Group[] = [];
  if (passive) {
    actorGroups = inClause.filter((g) => g.prep === 'by' && g.start >= m.end);
    // `Hungary's request was rejected`: what was done to the request was done to Hungary
    const owner = inClause.find((g) => g.genitive && g.prep === null && g.end <= token);
    recipientGroups = roles.subject ? [roles.subject] : owner ? [owner] : [];
  } else {
    for (const name of entry.actor) {
      actorGroups = slot(name);
      if (actorGroups.length > 0) break;
    }
    for (const name of entry.recipient) recipientGroups.push(...slot(name));
  }
  // Converse verbs name the other side first (`Erdogan hosted Zelensky`: Zelensky is the visitor).
  const hasOther = recipientGroups.length > 0;
  if (entry.converse) [actorGroups, recipientGroups] = [recipientGroups, actorGroups];

  const excluded = new Set<number>();
  if (speech?.speaker && !actorGroups.includes(speech.speaker)) for (const e of speech.speaker.ents) excluded.add(e);
  if (placeGroup && !entry.recipient.includes(placeGroup.prep ?? '')) for (const e of placeGroup.ents) excluded.add(e);
  const uniq = (xs: number[]): number[] => [...new Set(xs)];
  let actors = uniq(actorGroups.flatMap((g) => g.ents)).filter((e) => !excluded.has(e));
  let recipients = uniq(recipientGroups.flatMap((g) => g.ents)).filter((e) => !excluded.has(e) && !actors.includes(e));

  // Status: markers of the trigger's own clause before it.
  const negated = before.some((x) => w.negation.has(x) || w.negatingVerbs.has(x));
  const reportedSpeech = speech !== null && v.clauses.some((_, cj) => cj < ci && speechClause(v, cj));
  const type = negated && entry.negatedType ? entry.negatedType : entry.type;
  let status: EventStatus = 'asserted';
  const published = v.doc.article.published;
  const tx = eventDate(v, ci, m, type);
  const date: EventMention['date'] = tx ? { value: nearestYear(tx, published), source: 'text' } : { value: published, source: 'publication' };
  const futureDate = tx !== null && published !== null && precisionOf(published) === 'day' && (firstDay(date.value ?? '') ?? '') > published;
  // `to meet`, and a noun governed by an infinitive (`offered to host talks`): the event lies ahead
  const infinitive = (entry.pos === 'verb' && token > c.start && v.lower(token - 1) === 'to')
    || (entry.pos === 'noun' && governing > c.start && v.lower(governing - 1) === 'to' && verbLike(v, governing));
  if (negated && entry.negatedType) {
    // `would not give up` territory is a refusal now, whatever tense it is said in
    status = speech ? 'reported' : 'asserted';
  } else if (negated) status = 'negated';
  else if (opener === 'whether' || opener === 'if' || before.some((x) => w.hypothetical.has(x) && !(x === 'would' && reportedSpeech))) status = 'hypothetical';
  else if (before.some((x) => w.future.has(x) || x === 'would') || infinitive || futureDate) status = 'planned';
  else if (entry.status) status = entry.status;
  else if (speech) status = 'reported';

  // A leader stating what his country will (not) do speaks for it: the statement is the speaker's.
  const speaker = speech?.speaker ?? null;
  if (speaker && w.verbalTypes.has(type) && actors.length > 0 && speaker.ents.length === 1) {
    const offices = countriesOfPerson(v, speaker.ents[0]!);
    if (actors.every((e) => { const cc = countryOf(v, e); return cc !== null && offices.has(cc); })) actors = [...speaker.ents];
  }

  // `"We will meet Putin," Trump said`: the speaker is the one who speaks of himself
  if (actors.length === 0 && speaker && entry.actor.includes('subject') && !passive && before.slice(-3).some((x) => x === 'we' || x === 'i')) {
    actors = speaker.ents.filter((e) => !recipients.includes(e));
  }
  const total = actors.length + recipients.length;
  if (entry.needsRecipient && (!hasOther || recipients.length + actors.length < 2) && !(entry.symmetric && total >= 2)) return null;
  if (entry.symmetric && recipients.length === 0 && actors.length > 1) {
    recipients = actors.slice(1);
    actors = actors.slice(0, 1);
  }
  const name = (e: number): string => v.doc.entities[e]!.kbId ?? v.doc.entities[e]!.normalized;
  const actorNames = new Set(actors.map(name));
  recipients = recipients.filter((e) => !actorNames.has(name(e)));

  let mode = entry.mode;
  if (type === 'CONSULT' && mode === null && actors.length + recipients.length >= 3) mode = 'multilateral';
  let place: string | null = placeGroup ? v.doc.entities[placeGroup.ents[0]!]!.normalized : null;
  if (!place && entry.mode === 'visit') {
    // a visit's destination named as its recipient (`visited Kyiv`, `flew to Moscow`) is where it took place
    const g = recipientGroups.find((x) => x.ents.every((e) => v.doc.entities[e]!.type === 'LOC'));
    if (g) place = v.doc.entities[g.ents[0]!]!.normalized;
  }
  const t = v.tokens[token]!;
  const last = v.tokens[m.end - 1]!;
  const ev: FoundEvent = {
    type,
    mode: type === entry.type ? mode : null,
    trigger: { start: t.start, end: last.end, text: v.doc.article.text.slice(t.start, last.end) },
    actors,
    recipients,
    place,
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
 * `The summit ended without a ceasefire`, `Talks end without a deal`: a meeting held (talksWithout's
 * meetingTypes in words.json), a verb or a noun outside a prepositional phrase, whose clause goes on
 * with `without` and a result noun or another event noun, is a negated agreement of its parties, at
 * its place and date. A one-sided meeting gives none.
 */
function talksWithout(v: EnglishView, e: FoundEvent, m: Match): FoundEvent | null {
  const tw = v.lex.words.talksWithout;
  if (!tw.meetingTypes.has(e.type) || (e.status !== 'asserted' && e.status !== 'reported')) return null;
  if (new Set([...e.actors, ...e.recipients].map((i) => v.doc.entities[i]!.normalized)).size === 1) return null;
  if (m.entry.pos === 'noun' && nounContext(v, m.token).prep !== null) return null;
  const c = v.clauses[v.clauseOf(m.token)]!;
  for (let k = m.end; k < c.end; k++) {
    if (!tw.preps.has(v.lower(k))) continue;
    let j = k + 1;
    while (j < c.end && (v.lex.words.determiners.has(v.lower(j)) || v.lex.words.quantifiers.has(v.lower(j)))) j++;
    if (j >= c.end || inGroup(v, j)) return null;
    const noun = tw.nouns.has(v.lower(j)) || (v.lex.byFirst.get(v.lower(j)) ?? []).some((f) => f.entry.pos === 'noun' && !tw.meetingTypes.has(f.entry.type));
    if (!noun) return null;
    return outcomeOfMeeting(v, e, tw.type, j, 'negated', 'talksWithout');
  }
  return null;
}

/** Event mentions of one English article, in text order (same shape as the German finder's). */
export function findEnglishEvents(doc: AnalyzedArticle, lex: EnglishLexicon = englishLexicon()): FoundEvent[] {
  const out: FoundEvent[] = [];
  const pairs: number[][] = [];
  const w = lex.words;
  doc.sentences.forEach((_, si) => {
    const v = viewEnglishSentence(doc, si, lex);
    const matches: Match[] = [];
    // Words inside a longer form found earlier (`phone call`, `prisoner exchange`) start no form of their own.
    for (let i = v.sentence.tokenStart, covered = 0; i < v.sentence.tokenEnd; i++) {
      if (i < covered) continue;
      const ms = matchAt(v, i);
      matches.push(...ms);
      for (const x of ms) if (x.end - x.token > 1) covered = Math.max(covered, x.end);
    }
    const found: { ev: FoundEvent; m: Match }[] = [];
    for (const m of matches) {
      const ev = mentionFor(v, m);
      if (ev) found.push({ ev, m });
    }
    // `the two leaders`, `both sides`: the two sides the article last named (of the type the noun asks for)
    for (const { ev } of found) {
      if (ev.actors.length + ev.recipients.length > 0) continue;
      const noun = bothSidesIn(v, v.clauseOf(ev.token));
      if (!noun) continue;
      const pair = bothSidesPair(v, v.clauseOf(ev.token), noun, w.bothSidesTypes[noun], pairs, BOTH);
      if (!pair) continue;
      ev.actors = [pair[0]!];
      ev.recipients = pair.slice(1);
    }
    const verbs = matches.filter((m) => m.entry.pos === 'verb');
    const substantive = (ev: FoundEvent): boolean => ev.actors.length + ev.recipients.length > 0 || ev.place !== null;
    const verbMentions = found.filter((f) => f.m.entry.pos === 'verb' && substantive(f.ev));
    const kept = found.filter(({ ev, m }) => {
      const ci = v.clauseOf(m.token);
      if (m.entry.pos === 'verb') {
        // `agreed to meet`, `urged Russia to agree`: the infinitive is the content of the trigger before it
        if (v.lower(m.token - 1) === 'to' && verbs.some((x) => x !== m && x.token < m.token && v.clauseOf(x.token) === ci)) return false;
        // `demanded that Ukraine withdraw`: the that-clause is what was demanded
        const prevClause = v.clauses[ci - 1];
        if (v.opener(ci) === 'that' && prevClause && verbs.some((x) => v.clauseOf(x.token) === ci - 1 && x.end >= prevClause.end - 1)) return false;
      } else {
        // A noun that is the content of another noun (`deadline for a ceasefire`) or the argument of a verb
        // trigger (`agree on a ceasefire`, `held talks`) is no event of its own.
        const ctx = nounContext(v, m.token);
        if (ctx.attached) return false;
        if (verbMentions.some((x) => v.clauseOf(x.m.token) === ci) && !(ctx.prep && w.circumstantialPrepositions.has(ctx.prep))) return false;
      }
      return substantive(ev);
    }).map((f) => f.ev);
    // Mentions of one type in one sentence sharing participants are one mention (most participants win).
    const size = (x: FoundEvent): number => x.actors.length + x.recipients.length;
    const names = (x: FoundEvent): Set<string> => new Set([...x.actors, ...x.recipients].map((i) => doc.entities[i]!.normalized));
    const groups: FoundEvent[][] = [];
    for (const e of kept) {
      const g = groups.find((xs) => xs.some((x) => {
        if (x.type !== e.type) return false;
        const na = names(x);
        const nb = names(e);
        return na.size === 0 || nb.size === 0 || [...na].some((n) => nb.has(n));
      }));
      if (g) g.push(e);
      else groups.push([e]);
    }
    const isVerb = (x: FoundEvent): boolean => lex.entries.find((y) => y.id === x.entryId)?.pos === 'verb';
    const winners = groups.map((g) => {
      const win = g.reduce((a, b) => (size(b) > size(a) || (size(b) === size(a) && isVerb(b) && !isVerb(a)) ? b : a));
      if (win.mode === null && win.type === 'CONSULT') win.mode = g.find((x) => x.mode !== null)?.mode ?? null;
      if (!win.place) win.place = g.find((x) => x.place)?.place ?? null;
      return win;
    });
    // `The summit ended without a ceasefire`: also a meeting kept for no participant or place (a headline's).
    for (const { ev, m } of found) {
      if (!winners.includes(ev) && substantive(ev)) continue;
      const failed = talksWithout(v, ev, m);
      if (failed && !winners.some((x) => x.type === failed.type)) winners.push(failed);
    }
    out.push(...winners.sort((x, y) => x.token - y.token));
    for (const e of winners) {
      const ps = [...e.actors, ...e.recipients];
      if (ps.length >= 2) pairs.push(ps);
    }
  });
  return out;
}
