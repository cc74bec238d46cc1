/**
 * MinHash signatures over word shingles, computed by one-permutation hashing (each shingle is
 * hashed once and falls into one of `bins` bins; a bin keeps its minimum) with optimal
 * densification for empty bins. This costs O(words + bins) per article instead of
 * O(words × permutations), which is what makes tens of thousands of signatures per second possible.
 */

export interface MinHashOptions {
  /** Words per shingle. */
  shingle: number;
  /** Signature length; a power of two. */
  bins: number;
}

export const MINHASH_DEFAULTS: MinHashOptions = { shingle: 3, bins: 128 };

/** Murmur3's 32-bit finaliser: spreads the bits of a weak hash. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** Letters and digits (ASCII, Latin-1 letters, and everything above Latin-1) form words. */
function isWordChar(c: number): boolean {
  if (c < 48) return false;
  if (c <= 57) return true;
  if (c < 65) return false;
  if (c <= 90) return true;
  if (c >= 97 && c <= 122) return true;
  if (c < 192) return false;
  return c !== 215 && c !== 247;
}

/** Lower-cases ASCII and Latin-1 capitals (Ä, Ö, Ü …) without allocating strings. */
function lower(c: number): number {
  if ((c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215)) return c + 32;
  return c;
}

/** Number of words in the text, as the signer counts them. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const w = isWordChar(text.charCodeAt(i));
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

/**
 * The signature of `text`, or null when it has no words. Case and punctuation are ignored,
 * so boilerplate differences in quoting or capitalisation do not count as edits.
 */
export function signature(text: string, opts: MinHashOptions = MINHASH_DEFAULTS): Uint32Array | null {
  return signWords(text, opts)?.sig ?? null;
}

/** The signature together with the number of words it was computed from. */
export function signWords(text: string, opts: MinHashOptions = MINHASH_DEFAULTS): { sig: Uint32Array; words: number } | null {
  const { shingle: k, bins } = opts;
  const shift = 32 - Math.log2(bins);
  const mins = new Uint32Array(bins).fill(0xffffffff);
  const filled = new Uint8Array(bins);
  const ring = new Uint32Array(k);
  let words = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  const n = text.length;
  const push = (wordHash: number): void => {
    ring[words % k] = wordHash;
    words++;
    if (words < k) return;
    // Order-sensitive combination of the last k word hashes.
    let s = 0;
    for (let j = 0; j < k; j++) s = rotl(s, 11) ^ ring[(words - k + j) % k]!;
    addShingle(fmix32(s));
  };
  const addShingle = (s: number): void => {
    const bin = s >>> shift;
    // The low bits rank shingles inside a bin; the high bits chose the bin.
    const v = fmix32(s ^ 0x9e3779b9);
    if (v < mins[bin]!) mins[bin] = v;
    filled[bin] = 1;
  };
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if (isWordChar(c)) {
      h = Math.imul(h ^ lower(c), 0x01000193);
      inWord = true;
    } else if (inWord) {
      push(fmix32(h));
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  if (words === 0) return null;
  if (words < k) {
    // Too short for one shingle: the whole word sequence is the one shingle.
    let s = 0;
    for (let j = 0; j < words; j++) s = rotl(s, 11) ^ ring[j]!;
    addShingle(fmix32(s));
  }
  densify(mins, filled);
  return { sig: mins, words };
}

/**
 * Optimal densification (Shrivastava 2017): an empty bin copies the value of the first non-empty
 * bin in a pseudo-random probe sequence that depends only on the bin number, so two documents
 * with similar content fill their empty bins the same way.
 */
function densify(mins: Uint32Array, filled: Uint8Array): void {
  const bins = mins.length;
  for (let i = 0; i < bins; i++) {
    if (filled[i]) continue;
    for (let attempt = 1; ; attempt++) {
      const donor = fmix32(Math.imul(i + 1, 0x27d4eb2d) ^ attempt) % bins;
      if (filled[donor]) {
        mins[i] = mins[donor]!;
        break;
      }
    }
  }
}

/** Jaccard similarity estimated from two signatures: the share of agreeing bins. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** LSH band keys: one signed 32-bit hash per band of `rows` consecutive bins. */
export function bandHashes(sig: Uint32Array, rows: number): number[] {
  const out: number[] = [];
  for (let b = 0; b + rows <= sig.length; b += rows) {
    let h = Math.imul(b + 1, 0x9e3779b1);
    for (let j = 0; j < rows; j++) h = fmix32(rotl(h, 13) ^ sig[b + j]!);
    out.push(h | 0);
  }
  return out;
}
