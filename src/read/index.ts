/**
 * The read stage: inputs (paths, directories, globs, `.gz`, `-`, http(s) URLs, WARC) → RawDocuments.
 * A bad input yields an InputFailure with a one-line reason; the generator always goes on.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { InputFailure, InputFormat, RawDocument, SourceMetadata } from '../model/article.js';
import { binaryReason, declaredCharset, decode } from './encoding.js';
import { readFeed } from './feed.js';
import { FetchFailure, fetchBytes, overLimit } from './fetch.js';
import { readHtml } from './html.js';
import { readJsonl } from './jsonl.js';
import { formatFromContentType, formatFromName, sniffFormat } from './sniff.js';
import { errnoReason, expandInputs, type Source } from './sources.js';
import { readText } from './text.js';
import { isWarc, warcPayloads } from './warc.js';
import { failure, type DecodedInput, type ReadResult } from './types.js';

export const SIZE_LIMIT_DEFAULT = 20 * 1024 * 1024;
export const FETCH_TIMEOUT_DEFAULT = 30_000;

export interface ReadOptions {
  /** Largest input accepted, in bytes (after decompression for `.gz`). Default 20 MB. */
  maxBytes?: number;
  /** Stream read for the input `-`; default process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** Timeout for http(s) inputs, in milliseconds. Default 30 s. */
  timeoutMs?: number;
  /**
   * Metadata for documents that do not carry it themselves (`chronik ingest --source X` for a
   * folder of one outlet's plain-text files). What an input says itself always wins.
   */
  defaults?: SourceMetadata;
}

export function isFailure(x: RawDocument | InputFailure): x is InputFailure {
  return !('body' in x);
}

export async function* readInputs(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<RawDocument | InputFailure> {
  const maxBytes = opts.maxBytes ?? SIZE_LIMIT_DEFAULT;
  for await (const src of expandInputs(inputs)) {
    if ('reason' in src) {
      yield src;
      continue;
    }
    // What the input says wins; then the command line's defaults; then the folder's .chronik.json.
    const merged = { ...(src.kind === 'file' ? src.defaults : undefined), ...opts.defaults };
    const defaults = Object.entries(merged).filter(([, v]) => typeof v === 'string' && v.trim());
    for await (const r of readSource(src, maxBytes, opts)) {
      if (defaults.length && !isFailure(r)) {
        const meta: Record<string, string | undefined> = { ...r.meta };
        for (const [k, v] of defaults) meta[k] ??= v;
        r.meta = meta as SourceMetadata;
      }
      yield r;
    }
  }
}

export interface Loaded {
  origin: string;
  bytes: Buffer;
  /** Name used for the extension hint (URL path or file path). */
  name: string;
  contentType?: string | null;
  url?: string;
}

async function* readSource(src: Source, maxBytes: number, opts: ReadOptions): AsyncGenerator<ReadResult> {
  let loaded: Loaded;
  try {
    loaded = await load(src, maxBytes, opts);
  } catch (e) {
    const origin = src.kind === 'file' ? src.path : src.kind === 'url' ? src.url : '-';
    yield failure(origin, e instanceof LoadFailure || e instanceof FetchFailure ? e.message : errnoReason(e));
    return;
  }
  // A reader bug or a parser throwing on odd input must not end the batch: it is this input's failure.
  try {
    yield* readBytes(loaded, maxBytes);
  } catch (e) {
    yield failure(loaded.origin, `cannot read: ${(e as Error).message ?? String(e)}`);
  }
}

class LoadFailure extends Error {}

async function load(src: Source, maxBytes: number, opts: ReadOptions): Promise<Loaded> {
  if (src.kind === 'file') {
    if (src.size > maxBytes) throw new LoadFailure(overLimit(src.size, maxBytes));
    // One canonical origin per file, whatever the working directory or spelling of the path:
    // re-reading the same file then finds it unchanged instead of recording a second origin.
    return { origin: resolve(src.path), bytes: await readFile(src.path), name: src.path };
  }
  if (src.kind === 'url') {
    const f = await fetchBytes(src.url, maxBytes, opts.timeoutMs ?? FETCH_TIMEOUT_DEFAULT);
    return { origin: src.url, bytes: f.bytes, name: new URL(f.url).pathname, contentType: f.contentType, url: f.url };
  }
  return { origin: '-', bytes: await readStream(opts.stdin ?? process.stdin, maxBytes), name: '-' };
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    total += b.length;
    if (total > maxBytes) throw new LoadFailure(overLimit(total, maxBytes, true));
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Bytes of one input → documents. Exported for inputs that arrive as bytes from elsewhere. */
export function* readBytes(loaded: Loaded, maxBytes = SIZE_LIMIT_DEFAULT): Generator<ReadResult> {
  const { origin } = loaded;
  const rawHash = createHash('sha256').update(loaded.bytes).digest('hex');
  let bytes = loaded.bytes;
  let name = loaded.name;
  const gz = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (gz || /\.gz$/i.test(name)) {
    if (!gz) return yield failure(origin, 'not a gzip file (bad header)');
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        return yield failure(origin, `over the size limit after decompression (more than ${maxBytes} bytes)`);
      }
      const why = err.code === 'Z_BUF_ERROR' ? 'truncated' : err.code === 'Z_DATA_ERROR' ? 'invalid data' : (err.code ?? err.message);
      return yield failure(origin, `corrupt gzip data (${why})`);
    }
    name = name.replace(/\.gz$/i, '');
  }
  if (bytes.length === 0) return yield failure(origin, 'empty file');
  if (isWarc(bytes)) {
    let n = 0;
    try {
      for (const p of warcPayloads(bytes)) {
        n++;
        const hash = createHash('sha256').update(p.bytes).digest('hex');
        const pathName = p.url ? safePath(p.url) : '';
        yield* readPayload(`${origin}#${p.record}`, hash, p.bytes, pathName, p.contentType, p.url);
      }
    } catch (e) {
      return yield failure(origin, (e as Error).message);
    }
    if (n === 0) yield failure(origin, 'WARC file has no HTML, feed or text responses');
    return;
  }
  yield* readPayload(origin, rawHash, bytes, name, loaded.contentType, loaded.url);
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** Decoded bytes of one document (a file, a response, a WARC record) → documents. */
function* readPayload(
  origin: string,
  rawHash: string,
  bytes: Buffer,
  name: string,
  contentType: string | null | undefined,
  url: string | undefined,
): Generator<ReadResult> {
  if (bytes.length === 0) return yield failure(origin, 'empty file');
  const binary = binaryReason(bytes);
  if (binary) return yield failure(origin, binary);
  const charset = (contentType && /charset=([^;\s]+)/i.exec(contentType)?.[1]) || declaredCharset(bytes);
  const { text, encoding } = decode(bytes, charset);
  if (!text.trim()) return yield failure(origin, 'empty file (only whitespace)');
  const hint: InputFormat | undefined = formatFromContentType(contentType) ?? formatFromName(name);
  const format = sniffFormat(text, hint);
  const input: DecodedInput = { origin, rawHash, encoding, text, ...(url ? { url } : {}) };
  switch (format) {
    case 'feed':
      yield* readFeed(input);
      return;
    case 'jsonl':
      yield* readJsonl(input);
      return;
    case 'html':
      yield readHtml(input);
      return;
    default:
      yield readText(input);
  }
}
