import { createHash } from 'node:crypto';
import type { Article } from '../../src/model/index.js';

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
