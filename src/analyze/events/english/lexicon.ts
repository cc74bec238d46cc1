import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLOVER_TYPES, type PloverType } from '../../../model/index.js';
import { packageRoot } from '../../../paths.js';
import type { TriggerEntry } from '../lexicon.js';

/** The English trigger lexicon and word lists live next to this file (triggers.json, words.json). */
export const ENGLISH_EVENTS_DIR = join(packageRoot, 'src', 'analyze', 'events', 'english');

/**
 * One English trigger entry: the German entry's fields (type, mode, slots, examples), with forms
 * that may be several words (`spoke by phone`, `called on`, `give up`). Slots name where actors and
 * recipients stand: `subject`, `object`, a preposition (`with`, `to`, `on`, `between`, `by`, …),
 * `genitive` (`Russia's invasion`), `compound` (names in `Trump-Putin summit`) and `that-subject`
 * (`demanded that Ukraine withdraw`: the subject of the that-clause).
 */
export interface EnglishTrigger extends TriggerEntry {
  /** What a negated mention is instead: not giving up territory is a refusal (PLOVER codes it REJECT). */
  negatedType?: PloverType;
  /** The next word makes the form another trigger (`call for` is no phone call). */
  notBefore?: string[];
}

export interface EnglishWords {
  prepositions: Set<string>;
  placePrepositions: Set<string>;
  determiners: Set<string>;
  /** Words of amount before a plural noun (`more shells`, `new strikes`): what follows them is no verb. */
  quantifiers: Set<string>;
  coordinators: Set<string>;
  /** Words of titles and roles in front of a name (`special envoy`, `Foreign Minister`), lower case. */
  titleWords: Set<string>;
  auxiliaries: Set<string>;
  passiveAuxiliaries: Set<string>;
  subordinators: Set<string>;
  /** Relative pronouns: the clause's subject is the phrase before it. */
  relatives: Set<string>;
  clauseBreaks: Set<string>;
  /** Coordinators that start a new clause when a verb follows (`… and said`, `… but failed`). */
  clauseCoordinators: Set<string>;
  negation: Set<string>;
  /** Verbs that deny the event they govern (`refused to meet`, `failed to agree`). */
  negatingVerbs: Set<string>;
  hypothetical: Set<string>;
  future: Set<string>;
  speechVerbs: Set<string>;
  /** Verbs whose object noun is the event and whose subject its actor (`held talks`, `launched an invasion`). */
  lightVerbs: Set<string>;
  pronouns: Set<string>;
  adverbs: Set<string>;
  /** Nouns of duration a place phrase may follow and still belong to the verb (`met for three hours in Riyadh`). */
  timeNouns: Set<string>;
  /** Prepositions of circumstance: a noun trigger behind them is its own event (`after the talks`). */
  circumstantialPrepositions: Set<string>;
  /** A word right before a date that makes it a deadline, not the event's date (`by August 8`). */
  deadlineMarkers: Set<string>;
  /** Triggers whose clause date is when they run out (`the deadline expires on August 8`), not when they were set. */
  deadlineNouns: Set<string>;
  habitual: Set<string>;
  /** Nouns after `both`/`two` that refer back to the two sides last named (`the two leaders`). */
  bothSides: Set<string>;
  bothSidesTypes: Record<string, string>;
  /** Nationality adjectives and the country they stand for (`Russian troops` act for Russia), lower case. */
  demonyms: Record<string, string>;
  /** Nouns after a nationality adjective that make it an actor (`troops`, `officials`, `drones`). */
  groupNouns: Set<string>;
  /** Role words after a country (`the US president`, `Ukraine's foreign minister`) and the KB role they name. */
  roles: Record<string, string>;
  /** Event types that are statements: their date may be the date of saying (`said on Friday that … would not`). */
  verbalTypes: Set<string>;
  /**
   * `The summit ended without a ceasefire`: a meeting (meetingTypes) whose clause goes on with a
   * privative preposition (preps) and a result noun (nouns) or an event noun is a negated `type`.
   */
  talksWithout: { meetingTypes: Set<string>; preps: Set<string>; nouns: Set<string>; type: PloverType };
}

export interface FormMatch {
  entry: EnglishTrigger;
  /** The form's words, lower case. */
  words: string[];
}

export interface EnglishLexicon {
  entries: EnglishTrigger[];
  words: EnglishWords;
  /** First word of a form → the forms starting with it, longest first. */
  byFirst: Map<string, FormMatch[]>;
  /** Every one-word verb form (so slot rules can tell a verb from a noun). */
  verbForms: Set<string>;
}

function talksWithoutOf(raw: unknown): EnglishWords['talksWithout'] {
  const j = raw as { meetingTypes: string[]; preps: string[]; nouns: string[]; type: PloverType } | undefined;
  if (!j || !PLOVER_TYPES.includes(j.type)) throw new Error('english words.json: talksWithout missing or of unknown type');
  const lower = (xs: string[]): Set<string> => new Set(xs.map((w) => w.toLowerCase()));
  return { meetingTypes: new Set(j.meetingTypes), preps: lower(j.preps), nouns: lower(j.nouns), type: j.type };
}

export function compileEnglishLexicon(entries: EnglishTrigger[], raw: Record<string, unknown>): EnglishLexicon {
  const set = (k: string): Set<string> => {
    const xs = raw[k];
    if (!Array.isArray(xs)) throw new Error(`english words.json: ${k} missing`);
    return new Set((xs as string[]).map((w) => w.toLowerCase()));
  };
  const words: EnglishWords = {
    prepositions: set('prepositions'),
    placePrepositions: set('placePrepositions'),
    determiners: set('determiners'),
    quantifiers: set('quantifiers'),
    coordinators: set('coordinators'),
    titleWords: set('titleWords'),
    auxiliaries: set('auxiliaries'),
    passiveAuxiliaries: set('passiveAuxiliaries'),
    subordinators: set('subordinators'),
    relatives: set('relatives'),
    clauseBreaks: set('clauseBreaks'),
    clauseCoordinators: set('clauseCoordinators'),
    negation: set('negation'),
    negatingVerbs: set('negatingVerbs'),
    hypothetical: set('hypothetical'),
    future: set('future'),
    speechVerbs: set('speechVerbs'),
    lightVerbs: set('lightVerbs'),
    pronouns: set('pronouns'),
    adverbs: set('adverbs'),
    timeNouns: set('timeNouns'),
    circumstantialPrepositions: set('circumstantialPrepositions'),
    deadlineMarkers: set('deadlineMarkers'),
    deadlineNouns: set('deadlineNouns'),
    habitual: set('habitual'),
    bothSides: set('bothSides'),
    bothSidesTypes: (raw.bothSidesTypes ?? {}) as Record<string, string>,
    verbalTypes: new Set(raw.verbalTypes as string[]),
    demonyms: (raw.demonyms ?? {}) as Record<string, string>,
    groupNouns: set('groupNouns'),
    roles: (raw.roles ?? {}) as Record<string, string>,
    talksWithout: talksWithoutOf(raw.talksWithout),
  };
  const byFirst = new Map<string, FormMatch[]>();
  const verbForms = new Set<string>();
  for (const e of entries) {
    if (!PLOVER_TYPES.includes(e.type)) throw new Error(`english triggers.json: ${e.id} has unknown type ${e.type}`);
    if (e.negatedType && !PLOVER_TYPES.includes(e.negatedType)) throw new Error(`english triggers.json: ${e.id} has unknown negatedType`);
    for (const f of e.forms) {
      const ws = f.toLowerCase().split(/\s+/);
      if (e.pos === 'verb' && ws.length === 1) verbForms.add(ws[0]!);
      byFirst.set(ws[0]!, [...(byFirst.get(ws[0]!) ?? []), { entry: e, words: ws }]);
    }
  }
  for (const l of byFirst.values()) l.sort((a, b) => b.words.length - a.words.length);
  return { entries, words, byFirst, verbForms };
}

let cached: EnglishLexicon | null = null;

/** The shipped English lexicon, loaded once. */
export function englishLexicon(): EnglishLexicon {
  if (!cached) {
    const read = (f: string): unknown => JSON.parse(readFileSync(join(ENGLISH_EVENTS_DIR, f), 'utf8'));
    cached = compileEnglishLexicon((read('triggers.json') as { entries: EnglishTrigger[] }).entries, read('words.json') as Record<string, unknown>);
  }
  return cached;
}
