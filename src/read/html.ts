/**
 * HTML reader: one page, one article. Markup is kept for normalize (Readability needs the DOM);
 * here we only refuse pages whose markup would swallow the rest of the document.
 */
import type { RawDocument } from '../model/article.js';
import { failure, type DecodedInput, type ReadResult } from './types.js';

export function readHtml(input: DecodedInput): ReadResult {
  const problem = malformation(input.text);
  if (problem) return failure(input.origin, `malformed HTML: ${problem}`);
  const doc: RawDocument = {
    origin: input.origin,
    format: 'html',
    rawHash: input.rawHash,
    encoding: input.encoding,
    body: input.text,
    bodyIsHtml: true,
    meta: input.url ? { url: input.url } : {},
  };
  return doc;
}

/** Why the markup is broken beyond what a lenient parser recovers from, or undefined. */
export function malformation(html: string): string | undefined {
  if (!/<[a-z][\w-]*(\s[^>]*)?\/?>/i.test(html)) return 'no element markup found';
  const openComment = html.lastIndexOf('<!--');
  if (openComment >= 0 && html.indexOf('-->', openComment + 4) < 0) {
    return `comment opened at line ${lineOf(html, openComment)} is never closed`;
  }
  for (const tag of ['script', 'style']) {
    const re = new RegExp(`<${tag}[\\s>]`, 'gi');
    let m: RegExpExecArray | null;
    let last = -1;
    while ((m = re.exec(html))) last = m.index;
    if (last >= 0 && html.toLowerCase().indexOf(`</${tag}`, last) < 0) {
      return `<${tag}> opened at line ${lineOf(html, last)} is never closed`;
    }
  }
  // A tag cut off at the end of the file (truncated download or save).
  const lt = html.lastIndexOf('<');
  if (lt >= 0 && html.indexOf('>', lt) < 0 && /^<\/?[a-z]/i.test(html.slice(lt, lt + 3))) {
    return `tag at line ${lineOf(html, lt)} is cut off at the end of the file`;
  }
  return undefined;
}

function lineOf(s: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
