// Starts a TypeScript worker when Chronik runs from source through tsx: Node 20 does not apply
// the parent's tsx loader to a worker's entry file, so register it here first.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
