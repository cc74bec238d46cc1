import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';

/**
 * Writes an eval's figures to eval/results/<name>.json, the committed record of them; with
 * CHRONIK_NO_WRITE set they are only printed, so that an eval run in a shared working tree (or
 * to try a change) does not rewrite that record. Returns the file written, or null.
 */
export function writeResults(name: string, result: unknown): string | null {
  if (process.env.CHRONIK_NO_WRITE) return null;
  const dir = join(packageRoot, 'eval', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
