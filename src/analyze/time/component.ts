import type { AnalyzeComponent } from '../pipeline.js';
import { tagEnglishTimex } from './english.js';
import { sentenceOffsets, tagTimex } from './tagger.js';

/**
 * Fills `doc.timexes`, resolving relative expressions against the article's publication date
 * (the document creation time) or, without one, against the text's own last date. Uses the
 * tokenizer's sentences when they are there (for the index of each expression's sentence).
 * English articles get the English rule set (src/analyze/time/en/); every other language the German one.
 */
export const timeComponent: AnalyzeComponent = {
  name: 'time',
  run(doc) {
    const sentences = doc.sentences.length ? sentenceOffsets(doc.sentences) : undefined;
    const tagged = doc.article.language === 'en'
      ? tagEnglishTimex(doc.article.text, doc.article.published, sentences)
      : tagTimex(doc.article.text, doc.article.published, sentences ? { sentences } : {});
    doc.timexes = tagged.map(({ rule: _rule, ...t }) => t);
  },
};
