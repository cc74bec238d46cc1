import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzedArticle, EntityMention, EntityType, Token } from '../../model/index.js';
import { paths } from '../../paths.js';
import type { AnalyzeComponent } from '../pipeline.js';
import { NerModel, spansOf, type BioTag } from './model.js';
import stoplistData from './stoplist.json' with { type: 'json' };

export { NerModel, spansOf, TAGS, type BioTag } from './model.js';

/**
 * The `ner` analysis component: tags every sentence with the trained model and turns the BIO
 * spans into EntityMention objects (OTH shown as MISC). The model is loaded once, on first use.
 */

export const NER_MODEL_PATH = join(paths.models, 'ner', 'ner-de.json.gz');

let cached: NerModel | null | undefined;

/** The shipped model, or null when the artifact is missing (e.g. before `npm run train:ner`). */
export function defaultNerModel(): NerModel | null {
  if (cached === undefined) cached = existsSync(NER_MODEL_PATH) ? NerModel.load(NER_MODEL_PATH) : null;
  return cached;
}

const STOP = new Set((stoplistData as { words: { word: string }[] }).words.map((w) => w.word.toLowerCase()));

/** Stoplist entries with their examples (for tests). */
export const stoplistExamples: readonly { word: string; example: string }[] =
  (stoplistData as { words: { word: string; example: string }[] }).words;

const TYPE: Record<string, EntityType> = { PER: 'PER', LOC: 'LOC', ORG: 'ORG', OTH: 'MISC' };

/**
 * Whether a one-token span is a common word rather than a name: on the stoplist, or at the
 * start of its sentence and far more often written lowercase in the cluster corpus.
 */
function commonWord(model: NerModel, word: string, sentenceInitial: boolean): boolean {
  if (STOP.has(word.toLowerCase())) return true;
  if (!sentenceInitial) return false;
  const c = model.lexicon.clusters.get(word);
  return c !== undefined && c[c.length - 1] === 'lc3';
}

/** Entity mentions in one document, given its tokens and sentences. */
export function recognize(model: NerModel, doc: Pick<AnalyzedArticle, 'tokens' | 'sentences'> & { text: string }): EntityMention[] {
  const out: EntityMention[] = [];
  doc.sentences.forEach((s, si) => {
    const toks: Token[] = doc.tokens.slice(s.tokenStart, s.tokenEnd);
    const tags: BioTag[] = model.tag(toks.map((t) => t.text));
    for (const sp of spansOf(tags)) {
      const first = toks[sp.start]!;
      const last = toks[sp.end - 1]!;
      if (sp.end - sp.start === 1 && commonWord(model, first.text, sp.start === 0)) continue;
      const text = doc.text.slice(first.start, last.end);
      out.push({ start: first.start, end: last.end, text, type: TYPE[sp.type] ?? 'MISC', sentence: si, normalized: text });
    }
  });
  return out;
}

export const nerComponent: AnalyzeComponent = {
  name: 'ner',
  run(doc: AnalyzedArticle): void {
    const model = defaultNerModel();
    if (!model) return;
    doc.entities = recognize(model, { tokens: doc.tokens, sentences: doc.sentences, text: doc.article.text });
  },
};
