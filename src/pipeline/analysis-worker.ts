import { parentPort } from 'node:worker_threads';
import type { RawDocument } from '../model/index.js';
import './register.js';
import { processOne } from './process.js';
import { defaultStages } from './stages.js';

/** Worker thread: loads the stages once, then normalises and analyses each document it is sent. */
const port = parentPort;
if (!port) throw new Error('analysis-worker must run in a worker thread');
try {
  const stages = await defaultStages();
  port.on('message', (m: { id: number; raw: RawDocument }) => {
    port.postMessage({ id: m.id, result: processOne(stages, m.raw) });
  });
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ ready: false, error: err instanceof Error ? err.message : String(err) });
}
