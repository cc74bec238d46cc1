import type { Article } from './article.js';
import type { TimexType, TimexValue } from './timex.js';

/** Character offsets into `Article.text`, in UTF-16 code units (as JavaScript strings count). */
export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  text: string;
}

export interface Sentence extends Span {
  /** Index of the first token of this sentence in `AnalyzedArticle.tokens`. */
  tokenStart: number;
  /** One past the last token of this sentence. */
  tokenEnd: number;
}

/** NER label set (GermEval 2014's outer types). OTH is shown as MISC at the entity layer. */
export type NerType = 'PER' | 'LOC' | 'ORG' | 'OTH';
export type EntityType = 'PER' | 'LOC' | 'ORG' | 'MISC';

/**
 * One entity mention. Offsets and `sentence` are into `Article.text` for the body; a mention in
 * the headline has `field: 'title'` and offsets/sentence into `Article.title` instead.
 */
export interface EntityMention extends Span {
  text: string;
  type: EntityType;
  sentence: number;
  /** Where the mention is: the body (`Article.text`, the default when absent) or the title. */
  field?: 'title' | 'body';
  /** Name with inflection/possessive removed (`Putins` → `Putin`), before corpus linking. */
  normalized: string;
  /**
   * Role written with the name: in front (`US-Präsident`, `Kremlchef`) or after it as an
   * apposition (`Sprecher des Kremls` in `Dmitri Peskow, Sprecher des Kremls, sagte`), if any.
   */
  role?: string;
  /** Knowledge-base id where the mention links to a KB entry (e.g. `Q7747`). */
  kbId?: string;
  /** True for a metonym (`der Kreml`, `Moskau`) standing for a government. */
  metonym?: boolean;
}

export interface TimeExpression extends Span {
  text: string;
  type: TimexType;
  value: TimexValue;
  /** TIMEX3 modifier: `APPROX`, `LESS_THAN`, `MORE_THAN`, `START`, `MID`, `END`, … */
  mod?: string;
  /** The value this expression was resolved against (publication date or last absolute date). */
  anchor?: TimexValue;
  sentence: number;
}

/** PLOVER's 16 event types. */
export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export type EventStatus = 'asserted' | 'planned' | 'hypothetical' | 'negated' | 'reported';

/** One event mention found in one sentence of one article. */
export interface EventMention {
  type: PloverType;
  mode: string | null;
  trigger: Span & { text: string };
  /** Entity mentions (by index into `AnalyzedArticle.entities`) in the actor slot. */
  actors: number[];
  recipients: number[];
  place: string | null;
  date: { value: TimexValue | null; source: 'text' | 'publication' };
  status: EventStatus;
  /** Named speaker for `reported` status. */
  speaker?: string;
  sentence: number;
  /**
   * Where the trigger is: the body (the default when absent) or the headline. A headline mention's
   * trigger and sentence refer to `Article.title`, its actors and recipients to `titleEntities`.
   */
  field?: 'title' | 'body';
  /** Headline mentions: index in `AnalyzedArticle.events` of the body mention they summarise and join. */
  joins?: number;
}

/** The one document that analysis components fill in, spaCy-style. */
export interface AnalyzedArticle {
  article: Article;
  sentences: Sentence[];
  tokens: Token[];
  entities: EntityMention[];
  /**
   * Entity mentions of the headline (`field: 'title'`, offsets into `Article.title`). Kept apart
   * from `entities`, whose offsets, sentences and indices (event actors) all refer to the body.
   */
  titleEntities?: EntityMention[];
  timexes: TimeExpression[];
  events: EventMention[];
}
