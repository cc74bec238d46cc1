import { gzipSync } from 'node:zlib';
import { rng } from '../../util/seeded-random.js';
import type { NerSentence } from './corpora.js';
import { domainSalt, extractFeatures, RUNTIME_DOMAIN, salted, type FeatureConfig, type Lexicon } from './features.js';
import { FeatureTable, NerModel, packClusters, T, TAGS, viterbi, type NerArtifact } from './model.js';

/**
 * Averaged structured perceptron (Collins 2002) over the features of features.ts, decoded with
 * Viterbi. Averaging uses the usual lazy trick: keep w and u = Σ c·Δw, average = w − u/c.
 */

export interface TrainOptions {
  epochs: number;
  seed: number;
  config: FeatureConfig;
  /** Called after each epoch with the current averaged model (for learning curves). */
  onEpoch?: (epoch: number, model: () => NerModel) => void;
  log?: (msg: string) => void;
  /**
   * Lexicon for training sentence i, when it differs per sentence (jackknifed gazetteers built
   * from the training labels of other folds); the model keeps `lexicon` for run time.
   */
  lexiconOf?: (i: number) => Lexicon;
  /**
   * Cost-augmented decoding in training: every wrong tag gets this bonus, so the perceptron
   * also updates on sentences it tags right by less than the margin (0 = plain perceptron).
   */
  margin?: number;
}

/** Re-exported for clusters.ts, which shuffles with the same sequence. */
export { rng };

const TAG_INDEX = new Map<string, number>(TAGS.map((t, i) => [t, i]));

export interface TrainedWeights {
  hashes: Uint32Array;
  weights: Float32Array;
  trans: Float32Array;
}

export function trainPerceptron(data: readonly NerSentence[], lexicon: Lexicon, opts: TrainOptions): NerModel {
  const rowOf = new Map<number, number>();
  const hashes: number[] = [];
  const sents: { rows: Int32Array[]; gold: number[] }[] = [];
  for (let si = 0; si < data.length; si++) {
    const s = data[si]!;
    const feats = extractFeatures(s.tokens, opts.lexiconOf?.(si) ?? lexicon, opts.config, s.domain);
    const rows = feats.map((fs) => {
      const r = new Int32Array(fs.length);
      for (let k = 0; k < fs.length; k++) {
        const h = fs[k]!;
        let row = rowOf.get(h);
        if (row === undefined) { row = hashes.length; rowOf.set(h, row); hashes.push(h); }
        r[k] = row;
      }
      return r;
    });
    sents.push({ rows, gold: s.tags.map((t) => TAG_INDEX.get(t) ?? 0) });
  }
  const R = hashes.length;
  opts.log?.(`features: ${R} rows over ${sents.length} sentences`);
  const w = new Float64Array(R * T);
  const u = new Float64Array(R * T);
  const tw = new Float64Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  let c = 1;
  const random = rng(opts.seed);
  const order = sents.map((_, i) => i);
  const emit = new Float64Array(512 * T);

  const averaged = (): TrainedWeights => {
    const aw = new Float32Array(R * T);
    for (let k = 0; k < aw.length; k++) aw[k] = w[k]! - u[k]! / c;
    const at = new Float32Array((T + 1) * T);
    for (let k = 0; k < at.length; k++) at[k] = tw[k]! - tu[k]! / c;
    return { hashes: Uint32Array.from(hashes), weights: aw, trans: at };
  };
  const modelNow = (): NerModel => {
    const a = averaged();
    return new NerModel(new FeatureTable(a.hashes), a.weights, a.trans, lexicon, opts.config);
  };

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    for (const si of order) {
      const s = sents[si]!;
      const n = s.gold.length;
      const e = n * T <= emit.length ? emit.subarray(0, n * T) : new Float64Array(n * T);
      e.fill(0);
      for (let i = 0; i < n; i++) {
        const rows = s.rows[i]!;
        for (let k = 0; k < rows.length; k++) {
          const o = rows[k]! * T;
          for (let t = 0; t < T; t++) e[i * T + t]! += w[o + t]!;
        }
      }
      const margin = opts.margin ?? 0;
      if (margin > 0) {
        for (let i = 0; i < n; i++) {
          const g = s.gold[i]!;
          for (let t = 0; t < T; t++) if (t !== g) e[i * T + t]! += margin;
        }
      }
      const pred = viterbi(e, n, tw);
      tokens += n;
      let prevG: number = T;
      let prevP: number = T;
      for (let i = 0; i < n; i++) {
        const g = s.gold[i]!;
        const p = pred[i]!;
        if (g !== p) {
          errors++;
          const rows = s.rows[i]!;
          for (let k = 0; k < rows.length; k++) {
            const o = rows[k]! * T;
            w[o + g]! += 1; u[o + g]! += c;
            w[o + p]! -= 1; u[o + p]! -= c;
          }
        }
        if (g !== p || prevG !== prevP) {
          tw[prevG * T + g]! += 1; tu[prevG * T + g]! += c;
          tw[prevP * T + p]! -= 1; tu[prevP * T + p]! -= c;
        }
        prevG = g;
        prevP = p;
      }
      c++;
    }
    opts.log?.(`epoch ${epoch}: ${(100 * errors / tokens).toFixed(2)}% token errors`);
    opts.onEpoch?.(epoch, modelNow);
  }
  return modelNow();
}

/** Inverse of the FNV prime modulo 2^32 (Newton iteration). */
const FNV_PRIME_INV = (() => {
  const p = 0x01000193;
  let x = p;
  for (let k = 0; k < 5; k++) x = Math.imul(x, 2 - Math.imul(p, x));
  return x;
})();

/**
 * Folds a domain-augmented model into a plain one: at run time a feature always fires together
 * with its GermEval copy, so their weights are summed into one row and the other corpora's
 * copies are dropped. Tagging gives the same result at half the lookups.
 */
export function foldDomains(model: NerModel, domains: readonly string[]): NerModel {
  if (!model.config.augment) return model;
  const keys = model.table.keys;
  const rowsOf = model.table.rows;
  const salts = [RUNTIME_DOMAIN, ...domains].map(domainSalt);
  // salted() multiplies by an odd constant, which is invertible mod 2^32: a hash is a copy when
  // un-salting it gives a feature the model has.
  const isCopy = (h: number): boolean => {
    const x = Math.imul(h, FNV_PRIME_INV);
    for (const salt of salts) if (model.table.get((x ^ salt) >>> 0) >= 0) return true;
    return false;
  };
  const runtimeSalt = domainSalt(RUNTIME_DOMAIN);
  const hashes: number[] = [];
  const weights: number[] = [];
  for (let s = 0; s < keys.length; s++) {
    const h = keys[s]!;
    if (h === 0 || isCopy(h)) continue;
    const r = rowsOf[s]!;
    const cr = model.table.get(salted(h, runtimeSalt));
    hashes.push(h);
    for (let t = 0; t < T; t++) weights.push(model.weights[r * T + t]! + (cr >= 0 ? model.weights[cr * T + t]! : 0));
  }
  return new NerModel(new FeatureTable(Uint32Array.from(hashes)), Float32Array.from(weights), model.trans,
    model.lexicon, { ...model.config, augment: false }, model.meta);
}

/**
 * Averages the weights of models trained on different shuffles (seeds) of the same data. The
 * result is one linear model again, so tagging costs the same as with a single model.
 */
export function averageModels(models: readonly NerModel[]): NerModel {
  if (models.length === 1) return models[0]!;
  const sum = new Map<number, Float64Array>();
  for (const m of models) {
    const keys = m.table.keys;
    for (let s = 0; s < keys.length; s++) {
      const h = keys[s]!;
      if (h === 0) continue;
      const r = m.table.rows[s]!;
      let acc = sum.get(h);
      if (!acc) { acc = new Float64Array(T); sum.set(h, acc); }
      for (let t = 0; t < T; t++) acc[t]! += m.weights[r * T + t]!;
    }
  }
  const hashes = [...sum.keys()].sort((a, b) => a - b);
  const weights = new Float32Array(hashes.length * T);
  hashes.forEach((h, k) => { const acc = sum.get(h)!; for (let t = 0; t < T; t++) weights[k * T + t] = acc[t]! / models.length; });
  const trans = new Float32Array(models[0]!.trans.length);
  for (const m of models) for (let k = 0; k < trans.length; k++) trans[k]! += m.trans[k]! / models.length;
  const first = models[0]!;
  return new NerModel(new FeatureTable(Uint32Array.from(hashes)), weights, trans, first.lexicon, first.config, first.meta);
}

/**
 * Serialises a model: weights under `prune` in absolute value are zeroed, rows left all zero are
 * dropped, the rest quantised to int16.
 */
export function toArtifact(
  model: NerModel, prune: number, clusters: Record<string, string[]>, gazetteer: Record<string, string[]>,
  meta: Record<string, unknown>,
): { artifact: NerArtifact; gz: Buffer } {
  const keys = model.table.keys;
  const rowsOf = model.table.rows;
  const keepHashes: number[] = [];
  const keepRows: number[] = [];
  let maxAbs = 0;
  for (let s = 0; s < keys.length; s++) {
    const h = keys[s]!;
    if (h === 0) continue;
    const r = rowsOf[s]!;
    let any = false;
    for (let t = 0; t < T; t++) {
      const v = Math.abs(model.weights[r * T + t]!);
      if (v >= prune) { any = true; if (v > maxAbs) maxAbs = v; }
    }
    if (any) { keepHashes.push(h); keepRows.push(r); }
  }
  // Deterministic order: by hash.
  const idx = keepHashes.map((_, i) => i).sort((a, b) => keepHashes[a]! - keepHashes[b]!);
  const scale = maxAbs / 32767 || 1;
  const q = new Int16Array(idx.length * T);
  const hs = new Uint32Array(idx.length);
  idx.forEach((i, k) => {
    hs[k] = keepHashes[i]!;
    const r = keepRows[i]!;
    for (let t = 0; t < T; t++) {
      const v = model.weights[r * T + t]!;
      q[k * T + t] = Math.abs(v) >= prune ? Math.round(v / scale) : 0;
    }
  });
  const artifact: NerArtifact = {
    format: 'chronik-ner/1',
    tags: [...TAGS],
    config: model.config,
    hashes: Buffer.from(hs.buffer).toString('base64'),
    weights: Buffer.from(q.buffer).toString('base64'),
    scale,
    trans: Array.from(model.trans, (v) => Math.round(v * 1e4) / 1e4),
    clusters: packClusters(clusters),
    gazetteer,
    meta: { ...meta, rows: hs.length },
  };
  return { artifact, gz: gzipSync(JSON.stringify(artifact), { level: 9 }) };
}
