import type { AnalyzedArticle, EntityMention } from '../../model/index.js';
import { kb, type Kb } from '../../kb/index.js';
import { dateBounds } from '../../kb/dates.js';
import type { AnalyzeComponent } from '../pipeline.js';
import { tokenize } from '../tokenize.js';
import { defaultNerModel, recognize, type NerModel } from '../ner/index.js';
import { findMentions, findMentionsIn, roleWordOf, surnamesOf } from './mentions.js';

export { findMentions, notAnEntity, quoteFragment, roleWordOf } from './mentions.js';
export { lexicon, lexiconExamples } from './lexicon.js';

/**
 * The `entities` analysis component (after `tokenize` and `ner`): replaces `doc.entities` with
 * normalised, KB-linked mentions of the body and fills `doc.titleEntities` with those of the
 * headline. Works without the NER model too (KB gazetteer plus capitalised-name rules), and
 * tokenizes the text itself if no tokenizer ran before it.
 */
export const entitiesComponent: AnalyzeComponent = {
  name: 'entities',
  run(doc: AnalyzedArticle): void {
    if (doc.tokens.length === 0 && doc.article.text) {
      const t = tokenize(doc.article.text);
      doc.tokens = t.tokens;
      doc.sentences = t.sentences;
    }
    doc.entities = findMentions(kb(), doc);
    doc.titleEntities = titleMentions(doc, defaultNerModel());
  },
};

/**
 * Mentions in the headline, with `field: 'title'` and offsets into `Article.title`. The title is
 * tokenized and tagged on its own: a headline has no closing full stop, so joined to the body it
 * would run into the first sentence, and the tagger reads each sentence alone anyway. Surnames of
 * persons the body names in full count as known (`Mittelstädt` in the title of an article about
 * Hanka Mittelstädt). `model` null: the KB gazetteer and name rules only.
 */
export function titleMentions(doc: AnalyzedArticle, model: NerModel | null): EntityMention[] {
  const title = doc.article.title?.trim() ? doc.article.title : null;
  if (!title) return [];
  const { tokens, sentences } = tokenize(title);
  // A headline in title case (`Putin Says Talks With Trump Were Useful`) says nothing by its
  // capitals: there only names the KB or the body knows count, not the model's or the rules' guesses.
  const capitalsSayNothing = titleCase(tokens.map((t) => t.text), doc.article.language);
  const ner = model && !capitalsSayNothing ? recognize(model, { tokens, sentences, text: title }) : [];
  const input = { text: title, tokens, sentences, ner, language: doc.article.language, articleText: `${title}\n\n${doc.article.text}`, headline: true };
  const bodyNames = new Set(doc.entities.flatMap((m) => [m.normalized, m.normalized.split(' ').at(-1)!]));
  return findMentionsIn(kb(), input, surnamesOf(doc.entities))
    .filter((m) => !capitalsSayNothing || m.kbId || bodyNames.has(m.normalized))
    .map((m) => ({ ...m, field: 'title' as const }));
}

/**
 * Whether a headline is written in title case: outside German (where nouns are capitalised
 * anyway), three or more longer words and nearly all of them capitalised.
 */
export function titleCase(words: readonly string[], language: string): boolean {
  if (language === 'de') return false;
  const long = words.filter((w) => /^\p{L}{4,}/u.test(w));
  return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.75 * long.length;
}

export interface MentionRole {
  /** Role key (`head_of_state`), or null for titles without one (`Unterhändler`). */
  role: string | null;
  /** Country or organisation id, when the role text fixes it (`US-`, `russische`, `Russlands`). */
  of?: string;
}

/**
 * Reads an `EntityMention.role` text (`US-Präsidenten`, `der russische Außenminister`,
 * `Russlands Präsident`, `Sprecher des Kremls`, `Sondergesandter von US-Präsident Trump`) as a
 * role key and the country/organisation it belongs to. Role phrases go through the KB
 * (`Kb.parseRole`); a word only known by its ending (`Bauernverbandspräsidentin`) gives `role: null`.
 */
export function parseMentionRole(role: string, k: Kb = kb()): MentionRole | null {
  const words = role.trim().split(/\s+/);
  while (words.length > 0 && /^(der|die|das|des|dem|den)$/i.test(words[0]!)) words.shift();
  if (words.length === 0) return null;
  const p = k.parseRole(words.join(' '));
  if (p) return p.of ? { role: p.role, of: p.of } : { role: p.role };
  const last = roleWordOf(k, words[words.length - 1]!);
  return last ? { role: last.role } : null;
}

/**
 * Who a role phrase names on a date: `whoIs('US-Präsident', '2025-08-15')` → Donald Trump's
 * KB entry. For G's actors (`der US-Präsident` on the event date). Empty when unknown.
 */
export function whoIs(role: string, date: string, k: Kb = kb()): { id: string; name: string }[] {
  const r = parseMentionRole(role, k);
  if (!r?.role || !r.of) return [];
  dateBounds(date); // throws on a non-calendar value
  return k.whoHeld(r.role, r.of, date).map((e) => ({ id: e.id, name: e.name }));
}
