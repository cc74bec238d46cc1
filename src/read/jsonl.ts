/**
 * JSON Lines reader: one object per line (`text` plus optional title, url, published, source,
 * author, language). A bad line is a failure of its own; the other lines still go in.
 * A `.json` file holding one array of such objects (or one object) is read the same way.
 */
import type { RawDocument, SourceMetadata } from '../model/article.js';
import { failure, type DecodedInput, type ReadResult } from './types.js';

export function* readJsonl(input: DecodedInput): Generator<ReadResult> {
  const text = input.text.replace(/^\uFEFF/, '');
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !firstLineIsObject(trimmed))) {
    let whole: unknown;
    try {
      whole = JSON.parse(trimmed);
    } catch (e) {
      yield failure(input.origin, `malformed JSON: ${(e as Error).message}`);
      return;
    }
    const items = Array.isArray(whole) ? whole : [whole];
    if (items.length === 0) yield failure(input.origin, 'JSON array is empty');
    for (let i = 0; i < items.length; i++) yield item(input, items[i], i + 1, `item ${i + 1}`);
    return;
  }
  const lines = text.split(/\r?\n/);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    seen++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      yield failure(`${input.origin}#${i + 1}`, `line ${i + 1}: malformed JSON (${(e as Error).message})`);
      continue;
    }
    yield item(input, value, i + 1, `line ${i + 1}`);
  }
  if (seen === 0) yield failure(input.origin, 'empty file');
}

function firstLineIsObject(s: string): boolean {
  const first = s.split(/\r?\n/, 1)[0]!.trim();
  try {
    return typeof JSON.parse(first) === 'object';
  } catch {
    return false;
  }
}

function item(input: DecodedInput, value: unknown, n: number, where: string): ReadResult {
  const origin = `${input.origin}#${n}`;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return failure(origin, `${where}: expected a JSON object`);
  }
  const o = value as Record<string, unknown>;
  const html = str(o.html);
  const body = str(o.text) ?? str(o.body) ?? str(o.content) ?? html;
  if (!body || !body.trim()) return failure(origin, `${where}: no "text" field`);
  const meta: SourceMetadata = {};
  const title = str(o.title) ?? str(o.headline);
  const url = str(o.url) ?? str(o.link);
  const published = date(o.published) ?? date(o.date) ?? date(o.datePublished) ?? date(o.pubDate);
  const author = person(o.author);
  const source = person(o.source) ?? person(o.outlet) ?? person(o.publisher);
  const language = str(o.language) ?? str(o.lang);
  if (title) meta.title = title;
  if (url) meta.url = url;
  if (published) meta.published = published;
  if (author) meta.author = author;
  if (source) meta.source = source;
  if (language) meta.language = language;
  const doc: RawDocument = {
    origin,
    format: 'jsonl',
    rawHash: input.rawHash,
    encoding: input.encoding,
    body,
    bodyIsHtml: body === html || /^\s*<(p|div|article|section|h[1-6]|html|body)[\s>]/i.test(body),
    meta,
  };
  return doc;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A date as written, or a Unix timestamp (seconds or milliseconds) as an ISO string. */
function date(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && v > 1e8) {
    return new Date(v < 1e11 ? v * 1000 : v).toISOString();
  }
  return str(v);
}

/** `"Anna Schmidt"`, `{"name": "Anna Schmidt"}` or a list of those → `Anna Schmidt, Jonas Weber`. */
function person(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    const names = v.map(person).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object') return str((v as Record<string, unknown>).name);
  return str(v);
}
