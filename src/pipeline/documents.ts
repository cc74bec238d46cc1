import { createHash } from 'node:crypto';
import type { RawDocument, SourceMetadata } from '../model/index.js';
import type { Db } from '../store/db.js';
import { ingestStream, type IngestOptions, type IngestSummary } from './ingest.js';

/** An article handed over as data (HTTP upload, scripts): the JSON Lines fields. */
export interface DocumentInput extends SourceMetadata {
  text: string;
}

/** Wraps a document given as data into the read stage's output shape. */
export function rawFromDocument(doc: DocumentInput, origin?: string): RawDocument {
  const json = JSON.stringify(doc);
  const rawHash = createHash('sha256').update(json).digest('hex');
  const meta: SourceMetadata = {};
  for (const k of ['title', 'url', 'published', 'author', 'source', 'language'] as const) {
    const v = doc[k];
    if (typeof v === 'string' && v.trim()) meta[k] = v;
  }
  return {
    origin: origin ?? doc.url ?? `document:${rawHash.slice(0, 16)}`,
    format: 'jsonl',
    rawHash,
    encoding: 'utf-8',
    body: doc.text,
    bodyIsHtml: false,
    meta,
  };
}

/** Ingests documents given as data through normalize → analyze → store, like files. */
export function ingestDocuments(db: Db, docs: readonly DocumentInput[], opts: IngestOptions = {}): Promise<IngestSummary> {
  return ingestStream(db, docs.map((d) => rawFromDocument(d)), opts);
}
