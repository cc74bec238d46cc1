import type { TimexValue } from './timex.js';

/** What kind of input a raw document came from. */
export type InputFormat = 'text' | 'html' | 'feed' | 'jsonl';

/** Metadata that structured inputs (feed items, JSON Lines, HTML meta tags) already carry. */
export interface SourceMetadata {
  title?: string;
  url?: string;
  /** As written in the input (ISO string, RFC 822 date, `8. August 2025` …); normalised later. */
  published?: string;
  author?: string;
  /** Outlet or publisher name. */
  source?: string;
  language?: string;
}

/**
 * Output of the read stage: one article's worth of decoded input, before any cleaning.
 * A feed or a JSON Lines file yields one RawDocument per item; `origin` then ends in `#N`.
 */
export interface RawDocument {
  /** File path, URL or `-` (stdin), with `#N` for the N-th item of a multi-article input. */
  origin: string;
  format: InputFormat;
  /** sha256 (hex) of the raw bytes of the whole input file or response. */
  rawHash: string;
  /** Encoding the bytes were decoded from (`utf-8`, `utf-16le`, `windows-1252`, …). */
  encoding: string;
  /** Decoded body: plain text for text/jsonl, markup for html, item content (often HTML) for feeds. */
  body: string;
  /** True when `body` is HTML markup that still needs extraction. */
  bodyIsHtml: boolean;
  meta: SourceMetadata;
}

/** A problem with one input; the batch goes on without it. */
export interface InputFailure {
  origin: string;
  reason: string;
}

/** Output of the normalize stage: a clean article with every field we could extract. */
export interface Article {
  /** Stable id: from the normalised URL where there is one, else from the normalised text. */
  id: string;
  origin: string;
  url: string | null;
  format: InputFormat;
  rawHash: string;
  encoding: string;
  title: string | null;
  /** Publication date as a TIMEX3 value at the precision known, or null when the input has none. */
  published: TimexValue | null;
  /** The publication date exactly as found in the input. */
  publishedRaw: string | null;
  author: string | null;
  /** Outlet (publisher) or, failing that, the agency. */
  source: string | null;
  /** News agency credited (dpa, AFP, Reuters, epd, KNA, …). */
  agency: string | null;
  /** Place of the dateline (`Berlin (dpa) - …` → `Berlin`). */
  dateline: string | null;
  /** ISO 639-1 code (`de`, `en`, …) or `und` when undetermined. */
  language: string;
  /** Cleaned body text (boilerplate removed), paragraphs separated by blank lines. */
  text: string;
  /** sha256 of the normalised body, for exact-duplicate detection. */
  contentHash: string;
}
