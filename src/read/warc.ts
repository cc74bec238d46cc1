/**
 * WARC (web archive) reader: every `response` (or `resource`) record with a 2xx HTML, feed or
 * plain-text payload becomes an input of its own, origin `file#N` (N = record number), URL from
 * WARC-Target-URI. Requests, metadata, images, scripts are skipped: a crawl has many of those.
 */
import { gunzipSync } from 'node:zlib';

export interface WarcPayload {
  /** 1-based record number in the file. */
  record: number;
  url: string | undefined;
  contentType: string | undefined;
  bytes: Buffer;
}

const WARC_MAGIC = Buffer.from('WARC/1.');
const CRLF2 = Buffer.from('\r\n\r\n');
const ARTICLE_TYPES = /^(?:text\/html|application\/xhtml\+xml|text\/plain|application\/(?:rss|atom)\+xml|application\/xml|text\/xml)\b/i;

export function isWarc(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8)).subarray(0, 7).equals(WARC_MAGIC);
}

/** Payloads worth reading; throws Error with a one-line reason if the framing is broken. */
export function* warcPayloads(buf: Buffer): Generator<WarcPayload> {
  let pos = 0;
  let record = 0;
  while (pos < buf.length) {
    while (pos < buf.length && (buf[pos] === 0x0d || buf[pos] === 0x0a)) pos++;
    if (pos >= buf.length) break;
    if (!buf.subarray(pos, pos + 7).equals(WARC_MAGIC)) throw new Error(`malformed WARC: record ${record + 1} does not start with WARC/1.x`);
    const headEnd = buf.indexOf(CRLF2, pos);
    if (headEnd < 0) throw new Error(`malformed WARC: record ${record + 1} header is not terminated`);
    const headers = parseHeaders(buf.subarray(pos, headEnd).toString('latin1'));
    const length = Number(headers.get('content-length'));
    if (!Number.isFinite(length) || length < 0) throw new Error(`malformed WARC: record ${record + 1} has no Content-Length`);
    const blockStart = headEnd + 4;
    const block = buf.subarray(blockStart, blockStart + length);
    if (block.length < length) throw new Error(`malformed WARC: record ${record + 1} is truncated`);
    pos = blockStart + length;
    record++;
    const type = headers.get('warc-type');
    const url = headers.get('warc-target-uri')?.replace(/^<|>$/g, '');
    if (type === 'resource') {
      const ct = headers.get('content-type');
      if (ct && ARTICLE_TYPES.test(ct)) yield { record, url, contentType: ct, bytes: block };
    } else if (type === 'response' && /application\/http/i.test(headers.get('content-type') ?? 'application/http')) {
      const http = httpPayload(block);
      if (http && http.status >= 200 && http.status < 300 && http.contentType && ARTICLE_TYPES.test(http.contentType)) {
        yield { record, url, contentType: http.contentType, bytes: http.body };
      }
    }
  }
}

function parseHeaders(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split('\r\n').slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) map.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return map;
}

/** Status, content type and decoded body of a recorded HTTP response (chunked and gzip undone). */
function httpPayload(block: Buffer): { status: number; contentType: string | undefined; body: Buffer } | undefined {
  const end = block.indexOf(CRLF2);
  if (end < 0) return undefined;
  const head = block.subarray(0, end).toString('latin1');
  const status = Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(head)?.[1]);
  if (!status) return undefined;
  const headers = parseHeaders(head);
  let body: Buffer = block.subarray(end + 4);
  try {
    if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(body);
    if (/gzip/i.test(headers.get('content-encoding') ?? '')) body = gunzipSync(body);
  } catch {
    return undefined;
  }
  return { status, contentType: headers.get('content-type'), body };
}

function dechunk(buf: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', pos);
    if (lineEnd < 0) break;
    const size = parseInt(buf.subarray(pos, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
    pos = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
