import data from './lexicon.json' with { type: 'json' };
import { pluralDemonymForms, type PluralDemonym } from '../../kb/index.js';

/** Word lists of the mention normaliser (data in lexicon.json, each list with its examples). */
export interface EntityLexicon {
  notEntities: Set<string>;
  actionVerbs: Set<string>;
  /** Forms of sein/werden among the action verbs: the verb or predicate of their clause decides (`Berlin ist die größte Stadt`). */
  copulas: Set<string>;
  /** Predicates after a copula that only a government has (`Moskau ist zu Gesprächen bereit`). */
  stancePredicates: Set<string>;
  /** Participle-shaped state words that close a copula clause without being its verb (`Berlin war geteilt`). */
  notVerbs: Set<string>;
  prepositions: Set<string>;
  roleSuffixes: string[];
  nameParticles: Set<string>;
  /** Plural demonyms as collective actors (`die Europäer` → EU); country demonyms come from the KB. */
  collectiveActors: CollectiveActors;
  /** `der Bund` → Bundesregierung, `Bund und Land` → the article's federal state. */
  governmentLevels: GovernmentLevels;
  orgSuffixes: string[];
  orgPrefixes: string[];
  /** Capital-letter abbreviations that are not organisations (`TV`, `DAX`, `II`). */
  notAcronyms: Set<string>;
  /** Lower-case-in-running-text words that start quote fragments the model takes for MISC (`„Jede Woche Krieg …“`). */
  quoteStart: Set<string>;
  /** Determiners that may open a role phrase (`Lawrow, der russische Außenminister,`). */
  appositionDeterminers: Set<string>;
  /** Pronouns that look like adjectives (`dessen`, `seine`): a phrase starting so names someone else's role. */
  appositionNotModifiers: Set<string>;
  /** Number words (lower case) and units of time and amount: spans of only these are quantities. */
  quantityWords: Set<string>;
  /** `<organisation noun> <place>` names (`Landgericht Berlin`): heads, exceptions, home countries. */
  orgPlaceNames: OrgPlaceNames;
  /** English offices in front of a name (`President`, `envoy`), lower case. */
  englishTitleHeads: Set<string>;
  /** Words around an English office in its title (`foreign`, `prime`, `of`, `state`), lower case. */
  englishTitleModifiers: Set<string>;
  /** Capitalised words that never stand in front of an English title (`The`, `Monday`). */
  englishTitleNotOwners: Set<string>;
}

export interface CollectiveActors {
  /** Plural forms of group names that stand for a union (`Europäer`, `Europäern` → EU). */
  groups: Map<string, PluralDemonym>;
  /** Finite auxiliaries among the action verbs: next to one, `die Esten haben …` may be a team as well as a state. */
  auxiliaries: Set<string>;
  /** Verb forms that take a state as their dative recipient (`vorgeworfen`, `droht`, `zugesagt`). */
  dativeVerbs: Set<string>;
}

export interface GovernmentLevels {
  /** Words for the federal level (`Bund`), as written. */
  federal: Set<string>;
  /** KB id of the federal government they name. */
  federalId: string;
  /** Words for the level of a federal state (`Land`), as written. */
  state: Set<string>;
  /** Words for levels of government that a level word is coordinated with (`Bund und Land`). */
  partners: Set<string>;
  /** Countries whose federal level is also `der Bund`: an article naming them has no German one. */
  otherFederations: Set<string>;
}

/** A sentence (or headline) with a word that must (`mention`, with its `kbId`) or must not become a collective actor. */
export interface CollectiveExample {
  text: string;
  headline?: boolean;
  mention?: string;
  kbId?: string;
  notMention?: string;
}

export interface OrgPlaceNames {
  /** Heads that are organisation nouns by themselves (lower case): `polizei`. */
  words: Set<string>;
  /** Endings of compound heads (lower case, longest first): `verband`, `kammer`. */
  endings: string[];
  /** Endings of words that end like a head but are none (lower case): `vorrat`, `landrat`. */
  notHeads: string[];
  /** Countries whose capitals may follow a head (`Landgericht Berlin`, not `… Kiew`). */
  homeCountries: Set<string>;
}

/** An organisation name `<head> <place>`, or (`org: null`) a head and a place that stay apart. */
export interface OrgPlaceExample {
  text: string;
  org: string | null;
  place: string;
  /** `normalized` of the ORG mention, when not `org` itself (`Bauernverbands Sachsen-Anhalt`). */
  normalized?: string;
}

/** A role written after (or between commas before) a name; `role: null` = no role may be found. */
export interface AppositionExample {
  text: string;
  person: string;
  role: string | null;
  key?: string;
  of?: string | null;
}

/** An English title in front of a name: the model's `span`, the `person` left of it and its `role` (null: none). */
export interface EnglishTitleExample {
  text: string;
  span: string;
  person: string;
  role: string | null;
}

export interface LexiconExamples {
  notEntities: { word: string; example: string }[];
  metonyms: { text: string; metonym?: string; notMetonym?: string }[];
  roleSuffixes: { text: string; person: string; role: string }[];
  orgSuffixes: { text: string; org: string | null }[];
  quoteStart: { text: string; span: string }[];
  appositions: AppositionExample[];
  quantities: { text: string; span: string }[];
  orgPlaceNames: OrgPlaceExample[];
  collectiveActors: CollectiveExample[];
  /** Words after a demonym that are (`person`) or are not (`notPerson`) a person's name. */
  demonymNames: { text: string; person?: string; notPerson?: string }[];
  governmentLevels: CollectiveExample[];
  englishTitles: EnglishTitleExample[];
}

interface Raw {
  notEntities: { words: { word: string; example: string }[] };
  actionVerbs: { words: string[]; copulas: string[]; stancePredicates: string[]; notVerbs: string[]; examples: { text: string; metonym?: string; notMetonym?: string }[] };
  prepositions: string[];
  roleSuffixes: { endings: string[]; examples: { text: string; person: string; role: string }[] };
  nameParticles: string[];
  collectiveActors: { groups: Record<string, string>; auxiliaries: string[]; dativeVerbs: string[]; examples: CollectiveExample[] };
  demonymNames: { examples: { text: string; person?: string; notPerson?: string }[] };
  governmentLevels: { federal: { words: string[]; kbId: string }; state: string[]; partners: string[]; otherFederations: string[]; examples: CollectiveExample[] };
  orgSuffixes: { endings: string[]; prefixes: string[]; notAcronyms: string[]; examples: { text: string; org: string | null }[] };
  orgPlaceNames: { words: string[]; endings: string[]; notHeads: string[]; homeCountries: string[]; examples: OrgPlaceExample[] };
  quoteStart: { words: string[]; examples: { text: string; span: string }[] };
  appositions: { determiners: string[]; notModifiers: string[]; examples: AppositionExample[] };
  quantities: { numberWords: string[]; units: string[]; examples: { text: string; span: string }[] };
  englishTitles: { heads: string[]; modifiers: string[]; notOwners: string[]; examples: EnglishTitleExample[] };
}

const raw = data as Raw;

export const lexicon: EntityLexicon = {
  notEntities: new Set(raw.notEntities.words.map((w) => w.word)),
  actionVerbs: new Set(raw.actionVerbs.words),
  copulas: new Set(raw.actionVerbs.copulas),
  stancePredicates: new Set(raw.actionVerbs.stancePredicates),
  notVerbs: new Set(raw.actionVerbs.notVerbs),
  prepositions: new Set(raw.prepositions.map((p) => p.toLowerCase())),
  // Longest first so `ministerin` wins over `minister`.
  roleSuffixes: [...raw.roleSuffixes.endings].sort((a, b) => b.length - a.length),
  nameParticles: new Set(raw.nameParticles),
  collectiveActors: {
    groups: new Map(Object.entries(raw.collectiveActors.groups).flatMap(([d, of]) => pluralDemonymForms(d, of))),
    auxiliaries: new Set(raw.collectiveActors.auxiliaries),
    dativeVerbs: new Set(raw.collectiveActors.dativeVerbs),
  },
  governmentLevels: {
    federal: new Set(raw.governmentLevels.federal.words),
    federalId: raw.governmentLevels.federal.kbId,
    state: new Set(raw.governmentLevels.state),
    partners: new Set(raw.governmentLevels.partners),
    otherFederations: new Set(raw.governmentLevels.otherFederations),
  },
  orgSuffixes: [...raw.orgSuffixes.endings].sort((a, b) => b.length - a.length),
  orgPrefixes: raw.orgSuffixes.prefixes,
  notAcronyms: new Set(raw.orgSuffixes.notAcronyms),
  quoteStart: new Set(raw.quoteStart.words),
  appositionDeterminers: new Set(raw.appositions.determiners),
  appositionNotModifiers: new Set(raw.appositions.notModifiers),
  quantityWords: new Set([...raw.quantities.numberWords, ...raw.quantities.units.map((u) => u.toLowerCase())]),
  orgPlaceNames: {
    words: new Set(raw.orgPlaceNames.words.map((w) => w.toLowerCase())),
    endings: [...raw.orgPlaceNames.endings].sort((a, b) => b.length - a.length),
    notHeads: raw.orgPlaceNames.notHeads,
    homeCountries: new Set(raw.orgPlaceNames.homeCountries),
  },
  englishTitleHeads: new Set(raw.englishTitles.heads),
  englishTitleModifiers: new Set(raw.englishTitles.modifiers),
  englishTitleNotOwners: new Set(raw.englishTitles.notOwners),
};

export const lexiconExamples: LexiconExamples = {
  notEntities: raw.notEntities.words,
  metonyms: raw.actionVerbs.examples,
  roleSuffixes: raw.roleSuffixes.examples,
  orgSuffixes: raw.orgSuffixes.examples,
  quoteStart: raw.quoteStart.examples,
  appositions: raw.appositions.examples,
  quantities: raw.quantities.examples,
  orgPlaceNames: raw.orgPlaceNames.examples,
  collectiveActors: raw.collectiveActors.examples,
  demonymNames: raw.demonymNames.examples,
  governmentLevels: raw.governmentLevels.examples,
  englishTitles: raw.englishTitles.examples,
};
