import { bandHashes, MINHASH_DEFAULTS, signWords, similarity, type MinHashOptions } from './minhash.js';

/** Settings of near-duplicate detection; eval/dedup.ts measures them (eval/results/dedup.json). */
export interface DedupOptions extends MinHashOptions {
  /** Bins per LSH band: with 2 rows in 64 bands, pairs at Jaccard 0.3 become candidates 99.8 % of the time. */
  bandRows: number;
  /** Estimated Jaccard similarity from which a later article is a near-duplicate. */
  threshold: number;
  /**
   * Articles shorter than this many words (agency stubs, teasers) are mostly shared boilerplate,
   * so they need `shortThreshold` to count as near-duplicates.
   */
  shortWords: number;
  shortThreshold: number;
}

export const DEDUP_DEFAULTS: DedupOptions = { ...MINHASH_DEFAULTS, bandRows: 2, threshold: 0.3, shortWords: 80, shortThreshold: 0.8 };

/** Minimal view of a signature store: the LSH buckets and each stored article's original. */
export interface SignatureIndex {
  /** Articles sharing at least one band key, with their signature and their original (self if none). */
  candidates(bands: readonly number[]): Promise<Candidate[]> | Candidate[];
  /** Stores the article's signature; `originalId` is the original it was found to duplicate, or its own id. */
  add(articleId: string, sig: Uint32Array, bands: readonly number[], originalId: string): Promise<void> | void;
}

export interface Candidate {
  articleId: string;
  signature: Uint32Array;
  /** The first-seen original this article belongs to (its own id when it is an original). */
  originalId: string;
}

export interface DedupMatch {
  originalId: string;
  /** The most similar earlier article (may itself be a near-duplicate of `originalId`). */
  matchedId: string;
  score: number;
}

export interface Signed {
  sig: Uint32Array;
  bands: number[];
  words: number;
}

export function sign(text: string, opts: DedupOptions = DEDUP_DEFAULTS): Signed | null {
  const s = signWords(text, opts);
  return s ? { sig: s.sig, words: s.words, bands: bandHashes(s.sig, opts.bandRows) } : null;
}

/** The similarity a new article of `words` words needs to be a near-duplicate. */
export function thresholdFor(words: number, opts: DedupOptions = DEDUP_DEFAULTS): number {
  return words < opts.shortWords ? Math.max(opts.threshold, opts.shortThreshold) : opts.threshold;
}

/** Best earlier article above the threshold, by estimated Jaccard similarity; ties go to the earlier candidate listed. */
export function bestMatch(sig: Uint32Array, candidates: readonly Candidate[], threshold: number, selfId?: string): DedupMatch | null {
  let best: DedupMatch | null = null;
  for (const c of candidates) {
    if (c.articleId === selfId) continue;
    const score = similarity(sig, c.signature);
    if (score >= threshold && (!best || score > best.score)) {
      best = { originalId: c.originalId, matchedId: c.articleId, score };
    }
  }
  return best;
}

/** Signs one article, looks it up, and adds it to the index; returns its match if it is a near-duplicate. */
export async function checkAndAdd(
  index: SignatureIndex,
  articleId: string,
  text: string,
  opts: DedupOptions = DEDUP_DEFAULTS,
): Promise<DedupMatch | null> {
  const signed = sign(text, opts);
  if (!signed) return null;
  const match = bestMatch(signed.sig, await index.candidates(signed.bands), thresholdFor(signed.words, opts), articleId);
  await index.add(articleId, signed.sig, signed.bands, match?.originalId ?? articleId);
  return match;
}

/** An in-memory index (benchmarks, tests); the store keeps the same buckets in dedup_bands. */
export class MemoryIndex implements SignatureIndex {
  private readonly buckets = new Map<string, string[]>();
  private readonly sigs = new Map<string, Uint32Array>();
  private readonly originals = new Map<string, string>();

  candidates(bands: readonly number[]): Candidate[] {
    const seen = new Set<string>();
    const out: Candidate[] = [];
    bands.forEach((h, b) => {
      for (const id of this.buckets.get(`${b}:${h}`) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ articleId: id, signature: this.sigs.get(id)!, originalId: this.originals.get(id) ?? id });
      }
    });
    return out;
  }

  add(articleId: string, sig: Uint32Array, bands: readonly number[], originalId: string): void {
    this.sigs.set(articleId, sig);
    this.originals.set(articleId, originalId);
    bands.forEach((h, b) => {
      const key = `${b}:${h}`;
      const list = this.buckets.get(key);
      if (list) list.push(articleId);
      else this.buckets.set(key, [articleId]);
    });
  }
}
