import './register.js';
import type { AnalyzedArticle, InputFailure, RawDocument } from '../model/index.js';
import type { Db } from '../store/db.js';
import { insertArticles, type InsertOutcome } from '../store/articles.js';
import { analysisWriters, corpusResolvers } from './hooks.js';
import { defaultStages, isInputFailure, type Stages } from './stages.js';
import { createProcessor, type DocResult } from './process.js';
import { transactionScopedDb } from './tx-db.js';

export interface IngestOptions {
  /** Inputs larger than this are refused (default: the reader's 20 MB). */
  maxBytes?: number;
  /** Where `-` reads from (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Articles per store transaction (default 250). */
  batchSize?: number;
  /** Worker threads for normalize + analyze; 0 runs them in this thread (default: 0). */
  workers?: number;
  /** Run the corpus resolvers (near-duplicates, stories, …) after each batch (default true). */
  resolve?: boolean;
  /** Called after each document (successful or not). */
  onProgress?: (p: IngestProgress) => void;
  /** Messages of long-running corpus work, for stderr. */
  log?: (message: string) => void;
  /** Replaces the real read/normalize/analyze stages (tests, benchmarks). */
  stages?: Stages;
}

export interface IngestCounts {
  /** Documents read: every article found in the inputs plus every input that failed. */
  read: number;
  /** New original articles stored. */
  new: number;
  /**
   * Exact duplicates: new articles (another id) stored marked as duplicates of an earlier one,
   * plus copies of a stored article at a new origin (recorded among its origins).
   */
  duplicates: number;
  /** Articles already stored from the same origin: nothing changed. */
  unchanged: number;
  /** Inputs or documents that could not be read, normalised, analysed or stored. */
  failed: number;
}

export interface IngestProgress extends IngestCounts {
  /** Origin of the document just handled. */
  origin: string;
}

export interface IngestSummary extends IngestCounts {
  failures: InputFailure[];
  /** Corpus resolvers that threw (the articles are stored; their corpus work is incomplete). */
  resolverErrors: { resolver: string; reason: string }[];
  seconds: number;
}

const oneLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'error';

/**
 * read → normalize → analyze → store, streaming: documents are handled as they are read, stored
 * in batched transactions (one multi-row INSERT per batch, analysis writers inside the same
 * transaction), and corpus resolvers run after each batch. A failing input or article is
 * reported in the summary and never stops the batch; memory stays bounded by the batch size.
 */
export async function ingest(db: Db, inputs: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const stages = opts.stages ?? (await defaultStages());
  const source = stages.readInputs(inputs, { maxBytes: opts.maxBytes, stdin: opts.stdin });
  return ingestStream(db, source, { ...opts, stages });
}

/** The same pipeline over documents that are already read (API uploads, generated corpora). */
export async function ingestStream(
  db: Db,
  source: AsyncIterable<RawDocument | InputFailure> | Iterable<RawDocument | InputFailure>,
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const stages = opts.stages ?? (await defaultStages());
  const batchSize = Math.max(1, opts.batchSize ?? 250);
  const log = opts.log ?? (() => {});
  const summary: IngestSummary = {
    read: 0, new: 0, duplicates: 0, unchanged: 0, failed: 0, failures: [], resolverErrors: [], seconds: 0,
  };
  const fail = (f: InputFailure): void => {
    summary.failed++;
    summary.failures.push({ origin: f.origin, reason: f.reason });
  };

  const processor = await createProcessor(stages, opts.workers ?? 0);
  let batch: AnalyzedArticle[] = [];
  let pending: Promise<void> = Promise.resolve();

  const flush = async (docs: AnalyzedArticle[]): Promise<void> => {
    if (docs.length === 0) return;
    const results = await storeBatch(db, docs);
    const newIds: string[] = [];
    results.forEach((r, i) => {
      const origin = docs[i]?.article.origin ?? '?';
      if ('reason' in r) return fail({ origin, reason: r.reason });
      if (r.status === 'unchanged') summary.unchanged++;
      else if (r.status === 'copy') summary.duplicates++;
      else {
        if (r.status === 'new') summary.new++;
        else summary.duplicates++;
        newIds.push(r.id);
      }
    });
    if (opts.resolve === false || newIds.length === 0) return;
    for (const resolver of corpusResolvers) {
      try {
        // One transaction per resolver and batch: one commit instead of one per statement.
        await db.transaction((tx) => resolver.run(transactionScopedDb(db, tx), { newArticleIds: newIds, progress: log }));
      } catch (err) {
        summary.resolverErrors.push({ resolver: resolver.name, reason: oneLine(err) });
        log(`${resolver.name}: ${oneLine(err)}`);
      }
    }
  };

  const handle = async (item: DocResult): Promise<void> => {
    summary.read++;
    if ('reason' in item) fail(item);
    else batch.push(item);
    if (batch.length >= batchSize) {
      // Store this batch while the next one is being read and analysed; at most one in flight.
      await pending;
      const docs = batch;
      batch = [];
      pending = flush(docs);
    }
    opts.onProgress?.({ ...counts(summary), origin: 'reason' in item ? item.origin : item.article.origin });
  };

  try {
    // A window of documents in analysis at once: keeps workers busy, keeps memory bounded.
    const window: Promise<DocResult>[] = [];
    const maxWindow = Math.max(1, processor.parallelism * 8);
    for await (const item of source) {
      window.push(isInputFailure(item) ? Promise.resolve(item) : processor.process(item as RawDocument));
      while (window.length >= maxWindow) await handle(await (window.shift() as Promise<DocResult>));
    }
    while (window.length > 0) await handle(await (window.shift() as Promise<DocResult>));
    await pending;
    await flush(batch);
    batch = [];
  } finally {
    await pending.catch(() => {});
    await processor.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

function counts(s: IngestCounts): IngestCounts {
  return { read: s.read, new: s.new, duplicates: s.duplicates, unchanged: s.unchanged, failed: s.failed };
}

async function storeInTx(db: Db, docs: AnalyzedArticle[]): Promise<InsertOutcome[]> {
  return db.transaction(async (tx) => {
    const outcomes = await insertArticles(tx, docs.map((d) => d.article));
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i];
      const status = outcomes[i]?.status;
      if (!doc || status === 'unchanged' || status === 'copy') continue;
      for (const w of analysisWriters) await w.write(tx, doc);
    }
    return outcomes;
  });
}

/**
 * Stores a batch in one transaction; if that fails, stores its articles one transaction each so
 * that only the article at fault is reported failed.
 */
async function storeBatch(db: Db, docs: AnalyzedArticle[]): Promise<(InsertOutcome | { reason: string })[]> {
  try {
    return await storeInTx(db, docs);
  } catch (batchErr) {
    if (docs.length === 1) return [{ reason: `store: ${oneLine(batchErr)}` }];
    const out: (InsertOutcome | { reason: string })[] = [];
    for (const doc of docs) {
      try {
        const [o] = await storeInTx(db, [doc]);
        out.push(o ?? { reason: 'store: no result' });
      } catch (err) {
        out.push({ reason: `store: ${oneLine(err)}` });
      }
    }
    return out;
  }
}
