import type { InputFailure, RawDocument } from '../model/article.js';

/** One decoded input, handed to the reader for its format. */
export interface DecodedInput {
  /** File path, URL or `-`. */
  origin: string;
  rawHash: string;
  encoding: string;
  text: string;
  /** Final URL for fetched inputs (after redirects), else undefined. */
  url?: string;
}

export type ReadResult = RawDocument | InputFailure;

export function failure(origin: string, reason: string): InputFailure {
  // One line, always: reasons end up in a summary table.
  return { origin, reason: reason.replace(/\s+/g, ' ').trim() };
}
