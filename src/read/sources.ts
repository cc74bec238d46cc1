/**
 * Expands what the user typed into concrete inputs: `-` (stdin), http(s) URLs, files,
 * directories (recursively, sorted, hidden entries skipped) and globs. Problems are failures, never throws.
 */
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import type { InputFailure, SourceMetadata } from '../model/article.js';
import { failure } from './types.js';

export type Source =
  | { kind: 'file'; path: string; size: number; defaults?: SourceMetadata }
  | { kind: 'stdin' }
  | { kind: 'url'; url: string };

export async function* expandInputs(inputs: string[]): AsyncGenerator<Source | InputFailure> {
  for (const input of inputs) {
    if (input === '-') {
      yield { kind: 'stdin' };
      continue;
    }
    if (/^https?:\/\//i.test(input)) {
      try {
        yield { kind: 'url', url: new URL(input).href };
      } catch {
        yield failure(input, 'invalid URL');
      }
      continue;
    }
    if (/^file:\/\//i.test(input)) {
      let path: string;
      try {
        path = fileURLToPath(input);
      } catch (e) {
        yield failure(input, `invalid file URL (${(e as Error).message})`);
        continue;
      }
      yield* expandPath(path, input);
      continue;
    }
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(input)) {
      yield failure(input, `unsupported URL scheme ${input.split(':')[0]}: (only http, https and file)`);
      continue;
    }
    yield* expandPath(input, input);
  }
}

async function* expandPath(path: string, display: string): AsyncGenerator<Source | InputFailure> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && /[*?[\]{}]/.test(path)) {
      let matches: string[];
      try {
        matches = (await glob(path, { onlyFiles: true, dot: false, expandDirectories: false })).sort();
      } catch (g) {
        yield failure(display, `invalid glob (${(g as Error).message})`);
        return;
      }
      if (matches.length === 0) yield failure(display, 'glob matched no files');
      for (const m of matches) yield* expandPath(m, m);
      return;
    }
    yield failure(display, errnoReason(e));
    return;
  }
  if (st.isDirectory()) {
    yield* walk(path, new Set(), {});
  } else if (st.isFile()) {
    yield { kind: 'file', path, size: st.size };
  } else {
    yield failure(display, 'not a regular file or directory');
  }
}

/**
 * A folder may say what its files lack: `.chronik.json` with `{"source": "Elbflorenz-Bote"}` (any
 * SourceMetadata field) applies to the files below it. Hidden, so it is never read as an article.
 */
export const FOLDER_META_FILE = '.chronik.json';

async function folderMeta(dir: string, inherited: SourceMetadata): Promise<SourceMetadata | InputFailure> {
  let text: string;
  try {
    text = await readFile(join(dir, FOLDER_META_FILE), 'utf8');
  } catch {
    return inherited;
  }
  try {
    const o = JSON.parse(text) as Record<string, unknown>;
    const own: Record<string, string> = {};
    for (const k of ['title', 'url', 'published', 'author', 'source', 'language'] as const) {
      if (typeof o[k] === 'string' && o[k]) own[k] = o[k] as string;
    }
    return { ...inherited, ...own };
  } catch (e) {
    return failure(join(dir, FOLDER_META_FILE), `malformed JSON: ${(e as Error).message}`);
  }
}

async function* walk(dir: string, seen: Set<string>, inherited: SourceMetadata): AsyncGenerator<Source | InputFailure> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (e) {
    yield failure(dir, errnoReason(e));
    return;
  }
  if (seen.has(real)) return; // symlink loop
  seen.add(real);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  } catch (e) {
    yield failure(dir, errnoReason(e));
    return;
  }
  let meta = await folderMeta(dir, inherited);
  if ('reason' in meta) {
    yield meta;
    meta = inherited;
  }
  const defaults = Object.keys(meta).length ? meta : undefined;
  for (const name of names) {
    const p = join(dir, name);
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      yield failure(p, errnoReason(e));
      continue;
    }
    if (st.isDirectory()) yield* walk(p, seen, meta);
    else if (st.isFile()) yield defaults ? { kind: 'file', path: p, size: st.size, defaults } : { kind: 'file', path: p, size: st.size };
  }
}

/** A one-line reason for a file-system error. */
export function errnoReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a path component is not a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return err.code ? `cannot read (${err.code})` : `cannot read (${err.message})`;
  }
}
