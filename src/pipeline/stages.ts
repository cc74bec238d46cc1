import type { AnalyzedArticle, Article, InputFailure, RawDocument } from '../model/index.js';
import { analyze } from '../analyze/pipeline.js';

/** The pure per-document stages the ingest orchestrator runs (read is I/O, the others are CPU). */
export interface Stages {
  readInputs(
    inputs: string[],
    opts: { maxBytes?: number; stdin?: NodeJS.ReadableStream },
  ): AsyncIterable<RawDocument | InputFailure>;
  normalize(raw: RawDocument): Article;
  analyze(article: Article): AnalyzedArticle;
}

export function isInputFailure(x: RawDocument | InputFailure): x is InputFailure {
  return !('body' in x) && 'reason' in x;
}

let loaded: Promise<Stages> | undefined;

/**
 * The real stages: src/read and src/normalize and the analysis components. Loaded lazily so
 * the read-only commands start without the readers' dependencies (DOM, feed parser, …).
 */
export function defaultStages(): Promise<Stages> {
  loaded ??= (async () => {
    const read = await import('../read/index.js');
    const norm = await import('../normalize/index.js');
    return { readInputs: read.readInputs, normalize: norm.normalize, analyze: (a: Article) => analyze(a) };
  })();
  return loaded;
}
