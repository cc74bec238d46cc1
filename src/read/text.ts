/** Plain-text reader: one article per file; all structure is found later by normalize. */
import type { RawDocument } from '../model/article.js';
import type { DecodedInput } from './types.js';

export function readText(input: DecodedInput): RawDocument {
  return {
    origin: input.origin,
    format: 'text',
    rawHash: input.rawHash,
    encoding: input.encoding,
    body: input.text.replace(/\r\n?/g, '\n'),
    bodyIsHtml: false,
    meta: input.url ? { url: input.url } : {},
  };
}
