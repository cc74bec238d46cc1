import { rng } from './train.js';

/**
 * Word clusters induced from unlabelled tokenised text, for the tagger's features. Each word
 * gets a vector of PPMI-weighted left/right neighbour counts, randomly projected to a few dozen
 * dimensions; hierarchical spherical k-means over those gives Brown-style path ids at three
 * granularities. A fourth id buckets how often the word's lowercase form occurs (sentence-initial
 * `Die` vs `die`, names vs nouns). Deterministic given the seed.
 */

export interface ClusterOptions {
  minCount: number;
  maxVocab: number;
  contexts: number;
  dims: number;
  /** Branching at each level, e.g. [16, 16, 8] → up to 2048 leaves. */
  branching: number[];
  iterations: number;
  seed: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  minCount: 3, maxVocab: 80000, contexts: 2500, dims: 96, branching: [16, 16, 8], iterations: 8, seed: 13,
};

function lcBucket(count: number, lowerCount: number): string {
  const r = lowerCount / (count + lowerCount);
  return r < 0.02 ? 'lc0' : r < 0.2 ? 'lc1' : r < 0.6 ? 'lc2' : 'lc3';
}

export function induceClusters(sentences: Iterable<readonly string[]>, opt: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): Record<string, string[]> {
  const freq = new Map<string, number>();
  const sents: string[][] = [];
  for (const s of sentences) {
    sents.push(s as string[]);
    for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  }
  const vocab = [...freq.entries()].filter(([, c]) => c >= opt.minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, opt.maxVocab).map(([w]) => w);
  const vIndex = new Map(vocab.map((w, i) => [w, i]));
  const lowerFreq = new Map<string, number>();
  for (const [w, c] of freq) { const l = w.toLowerCase(); lowerFreq.set(l, (lowerFreq.get(l) ?? 0) + c); }
  const ctxWords = [...lowerFreq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, opt.contexts).map(([w]) => w);
  const cIndex = new Map(ctxWords.map((w, i) => [w, i + 1])); // 0 = sentence boundary
  const C = (ctxWords.length + 1) * 2;
  // Sparse co-occurrence counts per vocabulary word.
  const counts: Map<number, number>[] = vocab.map(() => new Map());
  const ctxTotals = new Float64Array(C);
  let total = 0;
  for (const s of sents) {
    for (let i = 0; i < s.length; i++) {
      const v = vIndex.get(s[i]!);
      if (v === undefined) continue;
      const left = i > 0 ? (cIndex.get(s[i - 1]!.toLowerCase()) ?? -1) : 0;
      const right = i + 1 < s.length ? (cIndex.get(s[i + 1]!.toLowerCase()) ?? -1) : 0;
      const m = counts[v]!;
      if (left >= 0) { m.set(left * 2, (m.get(left * 2) ?? 0) + 1); ctxTotals[left * 2]!++; total++; }
      if (right >= 0) { m.set(right * 2 + 1, (m.get(right * 2 + 1) ?? 0) + 1); ctxTotals[right * 2 + 1]!++; total++; }
    }
  }
  // Random projection matrix, one ±1/0 vector per context dimension (sparse, Achlioptas-style).
  const random = rng(opt.seed);
  const D = opt.dims;
  const proj = new Float32Array(C * D);
  for (let k = 0; k < proj.length; k++) {
    const r = random();
    proj[k] = r < 1 / 6 ? 1 : r < 2 / 6 ? -1 : 0;
  }
  const vecs = new Float32Array(vocab.length * D);
  for (let v = 0; v < vocab.length; v++) {
    let rowTotal = 0;
    for (const c of counts[v]!.values()) rowTotal += c;
    for (const [ctx, c] of counts[v]!) {
      const pmi = Math.log((c * total) / (rowTotal * ctxTotals[ctx]!));
      if (pmi <= 0) continue;
      for (let d = 0; d < D; d++) vecs[v * D + d]! += pmi * proj[ctx * D + d]!;
    }
    let norm = 0;
    for (let d = 0; d < D; d++) norm += vecs[v * D + d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < D; d++) vecs[v * D + d]! /= norm;
  }
  // Hierarchical spherical k-means.
  const paths: string[][] = vocab.map(() => []);
  let groups: number[][] = [vocab.map((_, i) => i)];
  for (let level = 0; level < opt.branching.length; level++) {
    const next: number[][] = [];
    for (const members of groups) {
      const k = Math.min(opt.branching[level]!, Math.max(1, Math.floor(members.length / 4)));
      const assign = kmeans(vecs, D, members, k, opt.iterations, random);
      const parts: number[][] = Array.from({ length: k }, () => []);
      members.forEach((m, i) => parts[assign[i]!]!.push(m));
      parts.forEach((p, ci) => {
        for (const m of p) {
          const prev = paths[m]!.length ? paths[m]![paths[m]!.length - 1]! : 'c';
          paths[m]!.push(`${prev}.${ci}`);
        }
        if (p.length) next.push(p);
      });
    }
    groups = next;
  }
  const out: Record<string, string[]> = {};
  vocab.forEach((w, i) => {
    const l = w.toLowerCase();
    const lc = l === w ? 'lower' : lcBucket(freq.get(w)!, freq.get(l) ?? 0);
    out[w] = [...paths[i]!, lc];
  });
  return out;
}

function kmeans(vecs: Float32Array, D: number, members: number[], k: number, iterations: number, random: () => number): Int32Array {
  const n = members.length;
  const assign = new Int32Array(n);
  if (k <= 1) return assign;
  const cent = new Float64Array(k * D);
  // Initial centroids: k distinct members chosen by the seeded generator (frequent words first
  // are not favoured, so rare words shape clusters too).
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(Math.floor(random() * n));
  [...chosen].forEach((m, c) => { for (let d = 0; d < D; d++) cent[c * D + d] = vecs[members[m]! * D + d]!; });
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      const o = members[i]! * D;
      let best = -Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const co = c * D;
        for (let d = 0; d < D; d++) dot += vecs[o + d]! * cent[co + d]!;
        if (dot > best) { best = dot; arg = c; }
      }
      assign[i] = arg;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) {
      const o = members[i]! * D;
      const co = assign[i]! * D;
      for (let d = 0; d < D; d++) cent[co + d]! += vecs[o + d]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < D; d++) norm += cent[c * D + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < D; d++) cent[c * D + d]! /= norm;
    }
  }
  return assign;
}
