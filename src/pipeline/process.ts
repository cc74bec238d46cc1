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
  interface Slot {
    w: Worker;
    jobs: Map<number, Job>;
    alive: boolean;
  }
  const workers: Slot[] = [];
  let stopped: string | null = null;
  let closing = false;
  let next = 0;
  /** A dead worker fails its outstanding documents; the ingest goes on with the others. */
  const retire = (slot: Slot, reason: string): void => {
    if (!slot.alive) return;
    slot.alive = false;
    stopped = reason;
    for (const job of slot.jobs.values()) job.resolve({ origin: job.origin, reason: `analysis worker: ${reason}` });
    slot.jobs.clear();
  };
  for (let i = 0; i < count; i++) {
    const slot: Slot = { w: spawn(), jobs: new Map(), alive: true };
    slot.w.on('message', (m: { id?: number; result: DocResult }) => {
      if (typeof m.id !== 'number') return; // the start-up handshake
      const job = slot.jobs.get(m.id);
      slot.jobs.delete(m.id);
      job?.resolve(m.result);
    });
    slot.w.on('error', (err) => retire(slot, oneLine(err)));
    slot.w.on('exit', (code) => {
      if (!closing) retire(slot, `exited with code ${code}`);
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
    closing = true;
    await Promise.all(workers.map((s) => s.w.terminate()));
    throw err;
  });
  return {
    parallelism: count,
    process(raw) {
      const live = workers.filter((s) => s.alive);
      if (live.length === 0) return Promise.resolve({ origin: raw.origin, reason: `analysis worker: ${stopped ?? 'stopped'}` });
      const slot = live.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
      const id = next++;
      return new Promise<DocResult>((resolve) => {
        slot.jobs.set(id, { resolve, origin: raw.origin });
        try {
          slot.w.postMessage({ id, raw });
        } catch (err) {
          slot.jobs.delete(id);
          resolve({ origin: raw.origin, reason: `analysis worker: ${oneLine(err)}` });
        }
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((s) => s.w.terminate()));
    },
  };
}

export async function createProcessor(stages: Stages, workers: number): Promise<Processor> {
  return workers > 0 ? workerProcessor(workers) : inlineProcessor(stages);
}
