/**
 * Feature extraction for the NER tagger. Features are hashed (FNV-1a, 32 bit) straight from
 * template id + strings, without building the feature strings, so extraction stays cheap.
 */

import { nounClass } from './nouns.js';

/** Word-level resources the features look up: induced clusters and the gazetteer. */
export interface Lexicon {
  /** Word → cluster path ids at several granularities, plus a capitalisation bucket. */
  clusters: Map<string, readonly string[]>;
  /** Gazetteer: token sequences by type, as a trie keyed on token text. */
  gazetteer: GazetteerTrie;
  /** Inflected forms of German common nouns (nouns.ts), when the config uses them. */
  nouns?: ReadonlySet<string> | null;
}

/**
 * Gazetteer: names as space-joined token strings with their types. Matching tries the longest
 * name first at each token, bounded by `maxLen`, and only where a name can start (`starts`).
 */
export interface GazetteerTrie {
  names: Map<string, string[]>;
  starts: Set<string>;
  maxLen: number;
}

export function emptyTrie(): GazetteerTrie {
  return { names: new Map(), starts: new Set(), maxLen: 0 };
}

export function addToTrie(trie: GazetteerTrie, tokens: readonly string[], type: string): void {
  if (tokens.length === 0) return;
  const key = tokens.join(' ');
  const types = trie.names.get(key);
  if (!types) trie.names.set(key, [type]);
  else if (!types.includes(type)) types.push(type);
  trie.starts.add(tokens[0]!);
  if (tokens.length > trie.maxLen) trie.maxLen = tokens.length;
}

/** Which feature groups are on (for ablations chosen by cross-validation). */
export interface FeatureConfig {
  clusters: boolean;
  gazetteer: boolean;
  window: 1 | 2;
  /**
   * Domain adaptation by feature augmentation (Daumé III 2007): every feature also fires in a
   * copy specific to the sentence's corpus, so out-of-domain corpora with other annotation
   * habits (no OTH, adjectives as places) teach the shared weights without overruling GermEval's.
   * At run time the GermEval copy is used.
   */
  augment?: boolean;
  /** Wider cluster context (±2, cluster bigrams) and 5-character affixes. */
  rich?: boolean;
  /** Common-noun lexicon features (nouns.ts): listed noun, compound with a listed head, neither. */
  nouns?: boolean;
  /** Gazetteer hits of a word without its genitive `s` (`Putins`, `Russlands`). */
  genitive?: boolean;
  /** Whether a token stands inside a quoted stretch of its sentence (titles of works are OTH). */
  quotes?: boolean;
}

/** The corpus whose copy of the features is used at run time. */
export const RUNTIME_DOMAIN = 'germeval';

export const DEFAULT_FEATURES: FeatureConfig = { clusters: true, gazetteer: true, window: 2 };

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Hash of template id and one string. */
export function h1(tpl: number, a: string): number {
  return (mix(Math.imul(FNV_OFFSET ^ tpl, FNV_PRIME), a) >>> 0) || 1;
}

function h2(tpl: number, a: string, b: string): number {
  let h = mix(Math.imul(FNV_OFFSET ^ tpl, FNV_PRIME), a);
  h = Math.imul(h ^ 0x1f, FNV_PRIME);
  return (mix(h, b) >>> 0) || 1;
}

function h3(tpl: number, a: string, b: string, c: string): number {
  let h = mix(Math.imul(FNV_OFFSET ^ tpl, FNV_PRIME), a);
  h = mix(Math.imul(h ^ 0x1f, FNV_PRIME), b);
  h = Math.imul(h ^ 0x1f, FNV_PRIME);
  return (mix(h, c) >>> 0) || 1;
}

export function domainSalt(domain: string): number {
  return h1(99, domain);
}

/** The domain-specific copy of feature hash f. */
export function salted(f: number, salt: number): number {
  return (Math.imul(f ^ salt, FNV_PRIME) >>> 0) || 1;
}

/** Compressed word shape: `Putin` → `Xx`, `US-Präsident` → `X-Xx`, `1.000` → `d.d`. */
export function shapeOf(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    let c: string;
    if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch) c = 'X';
    else if (ch.toUpperCase() !== ch) c = 'x';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out.length > 8 ? out.slice(0, 8) : out;
}

const BOS = '<s>';
const EOS = '</s>';

/** Marks longest gazetteer matches in a sentence: per token `B-TYPE`/`I-TYPE` strings. */
export function gazetteerHits(words: readonly string[], trie: GazetteerTrie): string[][] {
  const hits: string[][] = words.map(() => []);
  for (let i = 0; i < words.length; i++) {
    if (!trie.starts.has(words[i]!)) continue;
    let bestEnd = -1;
    let bestTypes: string[] = [];
    const top = Math.min(words.length, i + trie.maxLen);
    for (let j = top - 1; j >= i; j--) {
      const types = trie.names.get(j === i ? words[i]! : words.slice(i, j + 1).join(' '));
      if (types) { bestEnd = j; bestTypes = types; break; }
    }
    if (bestEnd < 0) continue;
    for (const t of bestTypes) {
      hits[i]!.push(`B-${t}`);
      for (let k = i + 1; k <= bestEnd; k++) hits[k]!.push(`I-${t}`);
    }
  }
  return hits;
}

const OPEN: Record<string, string> = { '„': '“', '»': '«', '«': '»', '"': '"', '“': '”' };

/**
 * Per token: 0 outside quotes, 1 first token inside a quote pair, 2 inside, 3 last inside.
 * Only pairs closed in the same sentence count; `"` alternates between opening and closing.
 */
export function quoteMarks(words: readonly string[]): Uint8Array {
  const n = words.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const close = OPEN[words[i]!];
    if (close === undefined) continue;
    let j = i + 1;
    while (j < n && words[j] !== close && j - i <= 30) j++;
    if (j >= n || words[j] !== close || j === i + 1) continue;
    for (let k = i + 1; k < j; k++) out[k] = 2;
    out[i + 1] = 1;
    if (j - 1 > i + 1) out[j - 1] = 3;
    i = j;
  }
  return out;
}

/** Feature hashes for every token of a sentence. */
export function extractFeatures(
  words: readonly string[], lex: Lexicon, cfg: FeatureConfig, domain: string = RUNTIME_DOMAIN,
): Uint32Array[] {
  const salt = cfg.augment ? domainSalt(domain) : 0;
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(shapeOf);
  const clusters = cfg.clusters ? words.map((w) => lex.clusters.get(w) ?? lex.clusters.get(w.toLowerCase()) ?? null) : null;
  const gaz = cfg.gazetteer ? gazetteerHits(words, lex.gazetteer) : null;
  const quotes = cfg.quotes ? quoteMarks(words) : null;
  const nset = cfg.nouns ? lex.nouns : null;
  const ncls = nset ? words.map((w) => nounClass(w, nset)) : null;
  const nc = (i: number): string => (i < 0 ? BOS : i >= n ? EOS : ncls![i]!);
  const lw = (i: number): string => (i < 0 ? BOS : i >= n ? EOS : lower[i]!);
  const sh = (i: number): string => (i < 0 ? BOS : i >= n ? EOS : shapes[i]!);
  const out: Uint32Array[] = [];
  const f: number[] = [];
  for (let i = 0; i < n; i++) {
    f.length = 0;
    const w = words[i]!;
    const l = lower[i]!;
    f.push(1); // bias
    f.push(h1(2, w));
    f.push(h1(3, l));
    f.push(h1(4, lw(i - 1)));
    f.push(h1(5, lw(i + 1)));
    f.push(h2(6, lw(i - 1), l));
    f.push(h2(7, l, lw(i + 1)));
    if (cfg.window === 2) {
      f.push(h1(8, lw(i - 2)));
      f.push(h1(9, lw(i + 2)));
    }
    const len = w.length;
    for (let k = 1; k <= 4 && k <= len; k++) {
      f.push(h1(10 + k, w.slice(0, k)));
      f.push(h1(20 + k, l.slice(len - k)));
    }
    if (cfg.rich && len > 5) {
      f.push(h1(15, w.slice(0, 5)));
      f.push(h1(25, l.slice(len - 5)));
    }
    f.push(h1(30, shapes[i]!));
    f.push(h2(31, sh(i - 1), shapes[i]!));
    f.push(h2(32, shapes[i]!, sh(i + 1)));
    f.push(h3(33, sh(i - 1), shapes[i]!, sh(i + 1)));
    const initCap = shapes[i]!.startsWith('X');
    f.push(h2(34, i === 0 ? 'first' : 'mid', initCap ? 'cap' : 'nocap'));
    if (i === 0) f.push(h1(35, l));
    if (len > 12) f.push(h1(36, 'long'));
    const hy = w.indexOf('-');
    if (hy > 0 && hy < len - 1) {
      f.push(h1(37, w.slice(0, hy)));
      f.push(h1(38, l.slice(l.lastIndexOf('-') + 1)));
    }
    // Previous/next word's capitalisation with this word (names in sequence).
    f.push(h2(39, l, sh(i - 1)));
    if (clusters) {
      for (let d = -1; d <= 1; d++) {
        const c = i + d >= 0 && i + d < n ? clusters[i + d] : null;
        if (!c) { f.push(h2(40, String(d), 'none')); continue; }
        for (let g = 0; g < c.length; g++) f.push(h3(41, String(d), String(g), c[g]!));
      }
      const c0 = clusters[i];
      if (c0 && c0[0] !== undefined) f.push(h2(42, c0[0], i === 0 ? 'first' : 'mid'));
      if (cfg.rich) {
        const cp = i > 0 ? clusters[i - 1] : null;
        const cn = i + 1 < n ? clusters[i + 1] : null;
        const cp2 = i > 1 ? clusters[i - 2] : null;
        const cn2 = i + 2 < n ? clusters[i + 2] : null;
        f.push(h1(43, cp2?.[1] ?? 'none'));
        f.push(h1(44, cn2?.[1] ?? 'none'));
        f.push(h2(45, cp?.[1] ?? 'none', c0?.[1] ?? 'none'));
        f.push(h2(46, c0?.[1] ?? 'none', cn?.[1] ?? 'none'));
        f.push(h2(47, cp?.[0] ?? 'none', c0?.[0] ?? 'none'));
      }
    }
    if (gaz) {
      for (const g of gaz[i]!) f.push(h1(50, g));
      for (const g of i > 0 ? gaz[i - 1]! : []) f.push(h1(51, g));
      for (const g of i + 1 < n ? gaz[i + 1]! : []) f.push(h1(52, g));
      if (cfg.genitive && gaz[i]!.length === 0 && len > 3 && w.endsWith('s')) {
        const types = lex.gazetteer.names.get(w.slice(0, -1));
        if (types) for (const t of types) f.push(h1(53, t));
      }
    }
    if (quotes) {
      const q = String(quotes[i]);
      f.push(h2(54, q, initCap ? 'cap' : 'nocap'));
      if (quotes[i]) f.push(h2(55, q, l));
    }
    if (ncls) {
      const k = ncls[i]!;
      f.push(h2(60, k, i === 0 ? 'first' : 'mid'));
      f.push(h1(61, nc(i - 1)));
      f.push(h1(62, nc(i + 1)));
      f.push(h3(63, nc(i - 1), k, nc(i + 1)));
      f.push(h2(64, k, gaz && gaz[i]!.length > 0 ? 'gaz' : '-'));
      const c0 = clusters?.[i];
      f.push(h2(65, k, c0 ? c0[c0.length - 1]! : 'none'));
    }
    if (salt) {
      const m = f.length;
      for (let k = 0; k < m; k++) f.push(salted(f[k]!, salt));
    }
    out.push(Uint32Array.from(f));
  }
  return out;
}
