import { createHash } from 'node:crypto';
import type { AnalyzedArticle, Article, EntityMention, EntityType, TimeExpression } from '../../src/model/index.js';
import { tokenize } from '../../src/analyze/tokenize.js';

/** A hand-built Article for resolver tests (the text is ours). */
export function makeArticle(id: string, text: string, extra: Partial<Article> = {}): Article {
  return {
    id,
    origin: `test://${id}`,
    url: null,
    format: 'text',
    rawHash: createHash('sha256').update(`${id}:${text}`).digest('hex'),
    encoding: 'utf-8',
    title: null,
    published: '2025-08-07',
    publishedRaw: null,
    author: null,
    source: null,
    agency: null,
    dateline: null,
    language: 'de',
    text,
    contentHash: createHash('sha256').update(text).digest('hex'),
    ...extra,
  };
}

/**
 * A hand-built AnalyzedArticle: real tokens and sentences from the tokenizer, entity mentions
 * from `surface|TYPE` (every occurrence, also inside hyphenated compounds) and time expressions
 * from `surface|VALUE`, so event logic is tested independently of the statistical recogniser.
 */
export function makeDoc(text: string, entities: readonly string[], timexes: readonly string[] = [], extra: Partial<Article> = {}): AnalyzedArticle {
  const { tokens, sentences } = tokenize(text);
  const sentenceOf = (pos: number): number => Math.max(0, sentences.findIndex((s) => pos >= s.start && pos < s.end));
  const ents: EntityMention[] = [];
  for (const spec of entities) {
    const [surface, type, normalized] = spec.split('|') as [string, EntityType, string | undefined];
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      const before = text[at - 1] ?? ' ';
      const after = text[at + surface.length] ?? ' ';
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
      ents.push({ start: at, end: at + surface.length, text: surface, type, sentence: sentenceOf(at), normalized: normalized ?? surface });
    }
  }
  ents.sort((a, b) => a.start - b.start);
  const tx: TimeExpression[] = timexes.map((spec) => {
    const [surface, value] = spec.split('|') as [string, string];
    const at = text.indexOf(surface);
    if (at < 0) throw new Error(`timex ${surface} not in text`);
    return { start: at, end: at + surface.length, text: surface, type: 'DATE', value, sentence: sentenceOf(at) };
  });
  return { article: makeArticle(extra.id ?? 'doc', text, extra), sentences, tokens, entities: ents, timexes: tx, events: [] };
}
