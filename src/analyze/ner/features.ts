/**
 * Feature extraction for the NER tagger. Features are hashed (FNV-1a, 32 bit) straight from
 * template id + strings, without building the feature strings, so extraction stays cheap.
 */

/** Word-level resources the features look up: induced clusters and the gazetteer. */
export interface Lexicon {
  /** Word → cluster path ids at several granularities, plus a capitalisation bucket. */
  clusters: Map<string, readonly string[]>;
  /** Gazetteer: token sequences by type, as a trie keyed on token text. */
  gazetteer: GazetteerTrie;
}

export interface GazetteerTrie {
  next: Map<string, GazetteerTrie>;
  /** Types of entries that end here. */
  types: string[];
}

export function emptyTrie(): GazetteerTrie {
  return { next: new Map(), types: [] };
}

export function addToTrie(trie: GazetteerTrie, tokens: readonly string[], type: string): void {
  let node = trie;
  for (const t of tokens) {
    let n = node.next.get(t);
    if (!n) { n = emptyTrie(); node.next.set(t, n); }
    node = n;
  }
  if (!node.types.includes(type)) node.types.push(type);
}

/** Which feature groups are on (for ablations chosen by cross-validation). */
export interface FeatureConfig {
  clusters: boolean;
  gazetteer: boolean;
  window: 1 | 2;
}

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
    let node: GazetteerTrie | undefined = trie;
    let bestEnd = -1;
    let bestTypes: string[] = [];
    for (let j = i; j < words.length && node; j++) {
      node = node.next.get(words[j]!);
      if (node && node.types.length) { bestEnd = j; bestTypes = node.types; }
    }
    if (bestEnd < 0) continue;
    for (const t of bestTypes) {
      hits[i]!.push(`B-${t}`);
      for (let k = i + 1; k <= bestEnd; k++) hits[k]!.push(`I-${t}`);
    }
  }
  return hits;
}

/** Feature hashes for every token of a sentence. */
export function extractFeatures(words: readonly string[], lex: Lexicon, cfg: FeatureConfig): Uint32Array[] {
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(shapeOf);
  const clusters = cfg.clusters ? words.map((w) => lex.clusters.get(w) ?? lex.clusters.get(w.toLowerCase()) ?? null) : null;
  const gaz = cfg.gazetteer ? gazetteerHits(words, lex.gazetteer) : null;
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
    }
    if (gaz) {
      for (const g of gaz[i]!) f.push(h1(50, g));
      for (const g of i > 0 ? gaz[i - 1]! : []) f.push(h1(51, g));
      for (const g of i + 1 < n ? gaz[i + 1]! : []) f.push(h1(52, g));
    }
    out.push(Uint32Array.from(f));
  }
  return out;
}
