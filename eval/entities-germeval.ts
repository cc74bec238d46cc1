/**
 * What the entity layer does to span accuracy: strict CoNLL F1 on GermEval 2014 dev (the NER
 * model's held-out set; nothing in the entity layer was tuned on it) for (a) the NER model alone,
 * (b) NER + the `entities` component (gazetteer, role stripping, name rules), (c) the `entities`
 * component without the model (the fallback path). Names inside compounds (sub-token mentions)
 * cannot be expressed as token tags and are left out. Writes eval/results/entities-germeval.json.
 */
import { join } from 'node:path';
import type { AnalyzedArticle, EntityMention, Token } from '../src/model/index.js';
import { paths } from '../src/paths.js';
import { readGermEval } from '../src/analyze/ner/corpora.js';
import { defaultNerModel, recognize } from '../src/analyze/ner/index.js';
import { conllScore, type Scores } from '../src/analyze/ner/score.js';
import { findMentions } from '../src/analyze/entities/index.js';
import { kb } from '../src/kb/index.js';
import { writeResults } from './results-file.js';

const DATA = process.env.CHRONIK_DATA ?? join(paths.models, '..', '..', 'shared', 'data');
const dev = readGermEval(join(DATA, 'germeval2014', 'NER-de-dev.tsv'));
const model = defaultNerModel();
if (!model) throw new Error('no NER model (models/ner/ner-de.json.gz)');

function docOf(words: readonly string[]): AnalyzedArticle {
  const tokens: Token[] = [];
  let pos = 0;
  for (const w of words) {
    tokens.push({ start: pos, end: pos + w.length, text: w });
    pos += w.length + 1;
  }
  const text = words.join(' ');
  const article = { text } as AnalyzedArticle['article'];
  return { article, tokens, sentences: [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: tokens.length }], entities: [], timexes: [], events: [] };
}

function tags(doc: AnalyzedArticle, ms: readonly EntityMention[]): string[] {
  const out = doc.tokens.map(() => 'O');
  for (const m of ms) {
    const ts = doc.tokens.findIndex((t) => t.start === m.start);
    const te = doc.tokens.findIndex((t) => t.end === m.end);
    if (ts < 0 || te < 0) continue; // inside a token: a compound part
    const type = m.type === 'MISC' ? 'OTH' : m.type;
    for (let i = ts; i <= te; i++) out[i] = `${i === ts ? 'B' : 'I'}-${type}`;
  }
  return out;
}

const gold = dev.map((s) => s.tags);
const nerOnly: string[][] = [];
const combined: string[][] = [];
const kbOnly: string[][] = [];
const t0 = performance.now();
for (const s of dev) {
  const doc = docOf(s.tokens);
  const ner = recognize(model, { tokens: doc.tokens, sentences: doc.sentences, text: doc.article.text });
  nerOnly.push(tags(doc, ner));
  doc.entities = ner;
  combined.push(tags(doc, findMentions(kb(), doc)));
  doc.entities = [];
  kbOnly.push(tags(doc, findMentions(kb(), doc)));
}
const seconds = (performance.now() - t0) / 1000;
const fmt = (x: Scores): Record<string, number> =>
  Object.fromEntries(Object.entries(x).map(([k, v]) => [k, Math.round(v.f1 * 1000) / 10]));
const result = {
  data: 'GermEval 2014 dev (held out; outer chunks; deriv/part dropped as in eval:ner)',
  sentences: dev.length,
  strictF1: { nerOnly: fmt(conllScore(gold, nerOnly)), nerPlusEntities: fmt(conllScore(gold, combined)), entitiesWithoutModel: fmt(conllScore(gold, kbOnly)) },
  seconds: Math.round(seconds * 10) / 10,
};
console.log(JSON.stringify(result, null, 2));
writeResults('entities-germeval', result);
