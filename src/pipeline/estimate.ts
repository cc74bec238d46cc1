import { readdir, stat } from 'node:fs/promises';
import { glob, isDynamicPattern } from 'tinyglobby';

/**
 * How many input files the arguments name (directories recursively, globs expanded; URLs and
 * stdin count one). Only for progress display: a feed or JSON Lines file holds many articles.
 */
export async function countInputFiles(inputs: readonly string[]): Promise<number> {
  let n = 0;
  for (const input of inputs) {
    if (input === '-' || /^https?:\/\//i.test(input)) {
      n++;
      continue;
    }
    try {
      const s = await stat(input);
      if (s.isDirectory()) {
        const entries = await readdir(input, { recursive: true, withFileTypes: true });
        n += entries.filter((e) => e.isFile()).length;
      } else n++;
    } catch {
      n += isDynamicPattern(input) ? (await glob(input, { onlyFiles: true }).catch(() => [])).length : 1;
    }
  }
  return n;
}

/** The input file a document came from (`feed.xml#3` → `feed.xml`). */
export function inputOf(origin: string): string {
  return origin.replace(/#\d+$/, '');
}
