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

interface ReadModule {
  readInputs: Stages['readInputs'];
}
interface NormalizeModule {
  normalize: Stages['normalize'];
}

let loaded: Promise<Stages> | undefined;

/**
 * The real stages: src/read and src/normalize (engineer A) and the analysis components.
 * Loaded lazily so the CLI's read-only commands start without the reader dependencies.
 */
export function defaultStages(): Promise<Stages> {
  loaded ??= (async () => {
    // Module names in variables: these modules land in parallel with this file.
    const readPath = '../read/index.js';
    const normalizePath = '../normalize/index.js';
    const read = (await import(readPath)) as ReadModule;
    const norm = (await import(normalizePath)) as NormalizeModule;
    return { readInputs: read.readInputs, normalize: norm.normalize, analyze: (a: Article) => analyze(a) };
  })();
  return loaded;
}
