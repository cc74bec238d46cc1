import type { AnalyzedArticle } from '../model/index.js';
import type { Db, Queryable } from '../store/db.js';
import { dedupResolver } from '../resolve/dedup/resolver.js';

/**
 * Extension points of the ingest pipeline. Each stage's issue adds its own entry; the ingest
 * orchestrator (src/pipeline/ingest.ts) calls them in list order.
 */

/** Persists one new article's analysis (mentions, time expressions, event mentions …), inside the article's transaction. */
export interface AnalysisWriter {
  readonly name: string;
  write(tx: Queryable, doc: AnalyzedArticle): Promise<void>;
}

/** Corpus-level work after a batch went in: near-duplicates, entity linking, event merging, stories. */
export interface CorpusResolver {
  readonly name: string;
  run(db: Db, ctx: ResolveContext): Promise<void>;
}

export interface ResolveContext {
  /** Ids of the articles this batch added, in ingest order. */
  newArticleIds: readonly string[];
  /** Reports progress of long work to the user (stderr); may be a no-op. */
  progress: (message: string) => void;
}

export const analysisWriters: AnalysisWriter[] = [];
// Near-duplicates first: event merging and stories count originals.
export const corpusResolvers: CorpusResolver[] = [dedupResolver];
