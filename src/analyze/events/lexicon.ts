import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLOVER_TYPES, type PloverType } from '../../model/index.js';
import { paths } from '../../paths.js';

/** One trigger entry of src/analyze/rules/events/triggers.json. */
export interface TriggerEntry {
  id: string;
  pos: 'verb' | 'noun';
  type: PloverType;
  mode: string | null;
  forms: string[];
  /** Separable verbs: the particle that must close the clause (`lehnte … ab`). */
  particle?: string;
  /** Forms with the particle attached (`abgelehnt`, `ablehnen`). */
  joined?: string[];
  /** Word prefixes one of which must occur in the sentence (`verhängen` needs `Sanktionen`). */
  requires?: string[];
  /** Noun forms also match as the last part of a compound (`Trump-Putin-Gipfel`). */
  compound?: boolean;
  /** Compounds that look like a form but are not events (`Pressekonferenz`). */
  exclude?: string[];
  symmetric?: boolean;
  /** The type when each side does it to the other (`je`, `jeweils`: a release by both sides is an exchange). */
  reciprocalType?: PloverType;
  /** The verb's subject is the recipient side and its object the actor (`empfangen`: the host receives the visitor). */
  converse?: boolean;
  /** Only an event with a recipient (`sprach mit X`, not `sprach von einer Chance`). */
  needsRecipient?: boolean;
  /** Status the trigger itself implies (`zusagen`: a pledge is planned), unless negated or hypothetical. */
  status?: 'planned' | 'asserted';
  actor: string[];
  recipient: string[];
  examples: TriggerExample[];
}

export interface TriggerExample {
  text: string;
  /** `surface|TYPE`: the entity mentions a recogniser would find, for the example test. */
  entities: string[];
  expect: {
    type: PloverType;
    mode?: string | null;
    actors?: string[];
    recipients?: string[];
    place?: string | null;
    status?: string;
    /** The sentence must yield no event of this type (a trap the entry must not fall into). */
    absent?: boolean;
  };
}

export interface WordLists {
  prepositions: Set<string>;
  placePrepositions: Set<string>;
  prepositionAlias: Record<string, string>;
  determiners: Set<string>;
  objectDeterminers: Set<string>;
  coordinators: Set<string>;
  finiteAuxiliaries: Set<string>;
  passiveAuxiliaries: Set<string>;
  subordinators: Set<string>;
  clauseBreaks: Set<string>;
  negation: Set<string>;
  hypothetical: Set<string>;
  future: Set<string>;
  speechVerbs: Set<string>;
  speakerMarkers: Set<string>;
  roleWords: string[];
  /** Prepositions of circumstance: a noun trigger behind them is its own event (`bei Gesprächen in Istanbul`). */
  circumstantialPrepositions: Set<string>;
  /** Nouns whose prepositional phrase still names an event (`mit Blick auf den Gipfel`). */
  lightNouns: Set<string>;
  /** Light nouns that make the event they frame a planned one (`Termin für ein Treffen`). */
  planningNouns: Set<string>;
  /** Nouns naming a state's side, whose country adjective names the state (`die russische Forderung`). */
  stateNouns: Set<string>;
  /** `Hauptstadt`: with a country adjective, that country's capital (`in der saudischen Hauptstadt`). */
  capitalNouns: Set<string>;
  /** Event types made by saying something, so a following `sagte X in Y` tells where (`REJECT`, `ACCUSE`, …). */
  statementTypes: Set<string>;
  /** Types whose verb takes its content as an infinitive clause that names no event (`forderte, … zu beteiligen`). */
  contentTypes: Set<string>;
  /** `miteinander`, `gegenseitig`: a coordinated subject acts on itself. */
  reciprocal: Set<string>;
  /** `je`, `jeweils`: each of the sides does it (to the other). */
  distributive: Set<string>;
  /** Prepositions naming an occasion (`beim Gipfel`, `während der Gespräche`): what happens there shares its place. */
  occasionPrepositions: Set<string>;
  /** Adverbs pointing back to the last place named (`dort`). */
  placeAnaphors: Set<string>;
  /** Participles and finite forms of announcing, deciding, offering (`angekündigt`, `beschlossen`). */
  announceVerbs: Set<string>;
  /** Nouns of a stretch of time (`Tage`, `Wochen`): `N Tage vor dem Gipfel`. */
  timeNouns: Set<string>;
  /** Auxiliaries of the past perfect and past (`hatte`, `war`): a clause looking back. */
  pluperfect: Set<string>;
  /** Types that answer a statement (`REJECT`): `wies die Vorwürfe zurück` answers whoever made them. */
  replyTypes: Set<string>;
  /** Word openings of retaliation (`Gegenmaßnahmen`, `Vergeltung`): aimed at whoever acted against the actor. */
  retaliationPrefixes: Set<string>;
  /** Types aimed at the subject of the sentence's condition (`THREATEN`: `falls Russland nicht zustimmt, …`). */
  conditionalTargetTypes: Set<string>;
  /** Clause openers of conditions (`falls`, `sollte`): no event is reported there. */
  conditionals: Set<string>;
  /** Auxiliaries of past tenses (`hat … getroffen`, `wurde … empfangen`). */
  pastMarkers: Set<string>;
  weekdays: Set<string>;
  /**
   * Habitual or generic statements (`hatten mehrfach vermittelt`, `hat das immer wieder abgelehnt`,
   * `Seine Forderungen sind bekannt`) report no single event: words or word sequences (lower case).
   */
  habitual: string[][];
  /** Nouns after `beide` that refer back to the two sides last named (`beide Seiten`, `beide Länder`). */
  bothSides: Set<string>;
  /** The entity type both sides must have for some of those nouns (`beide Länder` are two countries, not two presidents). */
  bothSidesTypes: Record<string, string>;
  /**
   * Outcome types → the meeting types they come out of: an outcome stated without its parties
   * (`Eine Waffenruhe wurde nicht vereinbart`, `Eine Einigung gab es nicht`) is that of the last
   * meeting the article reported as held.
   */
  outcomeOf: Record<string, string[]>;
  /** How many sentences back that meeting may be named. */
  outcomeReach: number;
  /**
   * `Beide Seiten verkündeten, dass sich Trump und Putin … treffen werden`: two or more sides announcing
   * together (plural verbs) that an event of the `of` types will take place have agreed on it (`type`).
   */
  jointAnnouncement: { verbs: Set<string>; of: string[]; type: PloverType } | null;
  /**
   * `Die Gespräche in Istanbul hatten einen Gefangenenaustausch gebracht`: a meeting (meetingTypes) as
   * the subject of a verb of yielding (verbs) with an event noun or a result noun (nouns) as object
   * is an agreement (`type`) of its parties; `keinen Durchbruch gebracht` a negated one.
   */
  talksResult: { meetingTypes: string[]; verbs: Set<string>; nouns: Set<string>; type: PloverType } | null;
}

export interface Lexicon {
  entries: TriggerEntry[];
  words: WordLists;
  /** Lower-case verb form → entries (particle entries included, matched by finite form or joined form). */
  verbForms: Map<string, { entry: TriggerEntry; joined: boolean }[]>;
  /** Lower-case noun forms, longest first, for suffix matching. */
  nounForms: { form: string; entry: TriggerEntry }[];
  /** Every lower-case verb form, so slot heuristics do not mistake a verb for an adjective. */
  allVerbForms: Set<string>;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(join(paths.rules, 'events', file), 'utf8'));
}

export function compileLexicon(entries: TriggerEntry[], words: Record<string, unknown>): Lexicon {
  const set = (k: string): Set<string> => new Set((words[k] as string[]).map((w) => w.toLowerCase()));
  const wl: WordLists = {
    prepositions: set('prepositions'),
    placePrepositions: set('placePrepositions'),
    prepositionAlias: words.prepositionAlias as Record<string, string>,
    determiners: set('determiners'),
    objectDeterminers: set('objectDeterminers'),
    coordinators: set('coordinators'),
    finiteAuxiliaries: set('finiteAuxiliaries'),
    passiveAuxiliaries: set('passiveAuxiliaries'),
    subordinators: set('subordinators'),
    clauseBreaks: set('clauseBreaks'),
    negation: set('negation'),
    hypothetical: set('hypothetical'),
    future: set('future'),
    speechVerbs: set('speechVerbs'),
    speakerMarkers: set('speakerMarkers'),
    roleWords: (words.roleWords as string[]).map((w) => w.toLowerCase()),
    circumstantialPrepositions: set('circumstantialPrepositions'),
    lightNouns: set('lightNouns'),
    planningNouns: set('planningNouns'),
    stateNouns: set('stateNouns'),
    capitalNouns: set('capitalNouns'),
    statementTypes: new Set(words.statementTypes as string[]),
    contentTypes: new Set(words.contentTypes as string[]),
    reciprocal: set('reciprocal'),
    distributive: set('distributive'),
    occasionPrepositions: set('occasionPrepositions'),
    placeAnaphors: set('placeAnaphors'),
    announceVerbs: set('announceVerbs'),
    timeNouns: set('timeNouns'),
    pluperfect: set('pluperfect'),
    replyTypes: new Set(words.replyTypes as string[]),
    retaliationPrefixes: set('retaliationPrefixes'),
    conditionalTargetTypes: new Set(words.conditionalTargetTypes as string[]),
    conditionals: set('conditionals'),
    pastMarkers: set('pastMarkers'),
    weekdays: set('weekdays'),
    habitual: (words.habitual as string[]).map((w) => w.toLowerCase().split(/\s+/)),
    bothSides: set('bothSides'),
    bothSidesTypes: (words.bothSidesTypes ?? {}) as Record<string, string>,
    outcomeOf: (words.outcomeOf ?? {}) as Record<string, string[]>,
    outcomeReach: (words.outcomeReach ?? 0) as number,
    jointAnnouncement: jointAnnouncementOf(words.jointAnnouncement),
    talksResult: talksResultOf(words.talksResult),
  };
  const verbForms = new Map<string, { entry: TriggerEntry; joined: boolean }[]>();
  const nounForms: { form: string; entry: TriggerEntry }[] = [];
  const allVerbForms = new Set<string>();
  for (const e of entries) {
    if (!PLOVER_TYPES.includes(e.type)) throw new Error(`triggers.json: ${e.id} has unknown type ${e.type}`);
    if (e.pos === 'verb') {
      const add = (f: string, joined: boolean): void => {
        const k = f.toLowerCase();
        allVerbForms.add(k);
        verbForms.set(k, [...(verbForms.get(k) ?? []), { entry: e, joined }]);
      };
      for (const f of e.forms) add(f, !e.particle);
      for (const f of e.joined ?? []) add(f, true);
    } else {
      for (const f of e.forms) nounForms.push({ form: f.toLowerCase(), entry: e });
    }
  }
  nounForms.sort((a, b) => b.form.length - a.form.length);
  return { entries, words: wl, verbForms, nounForms, allVerbForms };
}

function jointAnnouncementOf(raw: unknown): WordLists['jointAnnouncement'] {
  if (!raw) return null;
  const j = raw as { verbs: string[]; of: string[]; type: PloverType };
  if (!PLOVER_TYPES.includes(j.type)) throw new Error(`words.json: jointAnnouncement has unknown type ${j.type}`);
  return { verbs: new Set(j.verbs.map((w) => w.toLowerCase())), of: j.of, type: j.type };
}

function talksResultOf(raw: unknown): WordLists['talksResult'] {
  if (!raw) return null;
  const j = raw as { meetingTypes: string[]; verbs: string[]; nouns: string[]; type: PloverType };
  if (!PLOVER_TYPES.includes(j.type)) throw new Error(`words.json: talksResult has unknown type ${j.type}`);
  const lower = (xs: string[]): Set<string> => new Set(xs.map((w) => w.toLowerCase()));
  return { meetingTypes: j.meetingTypes, verbs: lower(j.verbs), nouns: lower(j.nouns), type: j.type };
}

let cached: Lexicon | null = null;

/** The shipped lexicon (triggers.json + words.json), loaded once. */
export function lexicon(): Lexicon {
  if (!cached) {
    const t = readJson('triggers.json') as { entries: TriggerEntry[] };
    cached = compileLexicon(t.entries, readJson('words.json') as Record<string, unknown>);
  }
  return cached;
}
