import { Worker } from 'node:worker_threads';
import type { AnalyzedArticle, InputFailure, RawDocument } from '../model/index.js';
import type { Stages } from './stages.js';

/** A normalised and analysed article, or why the document could not be. */
export type DocResult = AnalyzedArticle | InputFailure;

/** Runs normalize + analyze on raw documents, in this thread or in worker threads. */
export interface Processor {
  /** How many documents it works on at once. */
  readonly parallelism: number;
  process(raw: RawDocument): Promise<DocResult>;
  close(): Promise<void>;
}

const oneLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'error';

/** normalize → analyze for one document; a thrown error becomes that document's failure. */
export function processOne(stages: Pick<Stages, 'normalize' | 'analyze'>, raw: RawDocument): DocResult {
  let article;
  try {
    article = stages.normalize(raw);
  } catch (err) {
    return { origin: raw.origin, reason: oneLine(err) };
  }
  try {
    return stages.analyze(article);
  } catch (err) {
    return { origin: raw.origin, reason: `analysis: ${oneLine(err)}` };
  }
}

export function inlineProcessor(stages: Stages): Processor {
  return {
    parallelism: 1,
    process: (raw) => Promise.resolve(processOne(stages, raw)),
    close: () => Promise.resolve(),
  };
}

interface Job {
  resolve: (r: DocResult) => void;
  origin: string;
}

/**
 * Worker threads that each load the stages once (models, lexicons) and then normalise and
 * analyse documents sent to them; analysis is pure, so the results equal the inline ones.
 */
export async function workerProcessor(count: number): Promise<Processor> {
  // From source (tsx) the worker is a .ts file started through a bootstrap that registers tsx.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./analysis-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  const spawn = (): Worker =>
    fromSource
      ? new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), { workerData: { entry: entry.href } })
      : new Worker(entry);
  const workers: { w: Worker; busy: number }[] = [];
  const jobs = new Map<number, Job>();
  let next = 0;
  for (let i = 0; i < count; i++) {
    const w = spawn();
    const slot = { w, busy: 0 };
    w.on('message', (m: { id?: number; result: DocResult }) => {
      if (typeof m.id !== 'number') return; // the start-up handshake
      const job = jobs.get(m.id);
      jobs.delete(m.id);
      slot.busy--;
      job?.resolve(m.result);
    });
    w.on('error', (err) => {
      // A crashed worker fails its outstanding jobs; the ingest goes on with the others.
      for (const [id, job] of jobs) {
        jobs.delete(id);
        job.resolve({ origin: job.origin, reason: `analysis worker: ${oneLine(err)}` });
      }
    });
    workers.push(slot);
  }
  // Wait until every worker has loaded its stages, so a broken setup fails fast.
  await Promise.all(
    workers.map(
      (s) =>
        new Promise<void>((resolve, reject) => {
          s.w.once('message', (m: { ready?: boolean; error?: string }) =>
            m.ready ? resolve() : reject(new Error(`analysis worker: ${m.error ?? 'failed to start'}`)),
          );
          s.w.once('error', reject);
        }),
    ),
  ).catch(async (err: unknown) => {
    await Promise.all(workers.map((s) => s.w.terminate()));
    throw err;
  });
  return {
    parallelism: count,
    process(raw) {
      const slot = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = next++;
      slot.busy++;
      return new Promise<DocResult>((resolve) => {
        jobs.set(id, { resolve, origin: raw.origin });
        slot.w.postMessage({ id, raw });
      });
    },
    async close() {
      await Promise.all(workers.map((s) => s.w.terminate()));
    },
  };
}

export async function createProcessor(stages: Stages, workers: number): Promise<Processor> {
  return workers > 0 ? workerProcessor(workers) : inlineProcessor(stages);
}
