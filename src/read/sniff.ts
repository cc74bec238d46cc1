/** Which reader a decoded input goes to: content first (it does not lie), extension as tie-breaker. */
import type { InputFormat } from '../model/article.js';

const EXT: Record<string, InputFormat> = {
  html: 'html', htm: 'html', xhtml: 'html', shtml: 'html',
  xml: 'feed', rss: 'feed', atom: 'feed', rdf: 'feed',
  jsonl: 'jsonl', ndjson: 'jsonl', json: 'jsonl',
  txt: 'text', text: 'text', md: 'text',
  // .warc is recognised by its bytes (WARC/1.x) before decoding, so it needs no entry here.
};

/** Format from a content type such as `application/rss+xml; charset=utf-8`. */
export function formatFromContentType(contentType: string | null | undefined): InputFormat | undefined {
  const ct = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!ct) return undefined;
  if (ct.includes('rss') || ct.includes('atom') || ct === 'application/xml' || ct === 'text/xml' || ct === 'application/rdf+xml') return 'feed';
  if (ct.includes('html')) return 'html';
  if (ct.includes('json')) return 'jsonl';
  if (ct.startsWith('text/')) return 'text';
  return undefined;
}

/** Format from a file name or URL path (`.gz` already stripped). */
export function formatFromName(name: string): InputFormat | undefined {
  const path = name.replace(/[?#].*$/, '');
  const m = /\.([a-z0-9]+)$/i.exec(path);
  return m ? EXT[m[1]!.toLowerCase()] : undefined;
}

/** Sniffs the format of decoded text; `hint` comes from the extension or content type. */
export function sniffFormat(text: string, hint?: InputFormat): InputFormat {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  const lower = head.toLowerCase();
  if (/^<\?xml|^<rss[\s>]|^<feed[\s>]|^<rdf:rdf[\s>]/.test(lower) || (lower.startsWith('<!--') && /<(rss|feed|rdf:rdf)[\s>]/.test(lower))) {
    if (/<(rss|feed|rdf:rdf)[\s>]/.test(lower)) return 'feed';
    if (/<html[\s>]/.test(lower)) return 'html';
    return hint === 'html' ? 'html' : 'feed';
  }
  if (/^<!doctype html|^<html[\s>]|^<head[\s>]|^<body[\s>]|^<!--/.test(lower)) return 'html';
  if (/^[{[]/.test(head) && (hint === 'jsonl' || looksLikeJson(head))) return 'jsonl';
  // An .html file without any tag is plain text; a .xml/.json file keeps its format (and fails there).
  if (hint === 'html') return /<[a-z][\w-]*[\s/>]/i.test(head) ? 'html' : 'text';
  if (hint === 'feed' || hint === 'jsonl') return hint;
  // Markup-heavy text without a telling start is still HTML (a fragment saved as .txt).
  if (/^<(div|p|article|section|main|h1|h2|span|table)[\s>]/i.test(head)) return 'html';
  return 'text';
}

function looksLikeJson(head: string): boolean {
  return /^\{\s*"[^"]+"\s*:/.test(head) || /^\[\s*[{\]]/.test(head);
}
