import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';

/**
 * Writes an eval's figures to eval/results/<name>.json, the committed record of them; with
 * CHRONIK_NO_WRITE set they are only printed, so that an eval run in a shared working tree (or
 * to try a change) does not rewrite that record.
 */
export function writeResults(name: string, result: unknown): void {
  if (process.env.CHRONIK_NO_WRITE) return;
  const dir = join(packageRoot, 'eval', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
}
