import { spansOf } from './model.js';

/** Strict CoNLL scoring: a predicted entity counts only with exact span and type. */
export interface TypeScore { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }
export type Scores = Record<string, TypeScore> & { overall: TypeScore };

function finish(tp: number, fp: number, fn: number): TypeScore {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

export function conllScore(gold: readonly (readonly string[])[], pred: readonly (readonly string[])[]): Scores {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const get = (t: string): { tp: number; fp: number; fn: number } => {
    let c = counts.get(t);
    if (!c) { c = { tp: 0, fp: 0, fn: 0 }; counts.set(t, c); }
    return c;
  };
  for (let s = 0; s < gold.length; s++) {
    const g = spansOf(gold[s]!);
    const p = spansOf(pred[s]!);
    const gk = new Set(g.map((x) => `${x.start}:${x.end}:${x.type}`));
    const pk = new Set(p.map((x) => `${x.start}:${x.end}:${x.type}`));
    for (const x of p) {
      if (gk.has(`${x.start}:${x.end}:${x.type}`)) get(x.type).tp++; else get(x.type).fp++;
    }
    for (const x of g) if (!pk.has(`${x.start}:${x.end}:${x.type}`)) get(x.type).fn++;
  }
  const out: Record<string, TypeScore> = {};
  let tp = 0; let fp = 0; let fn = 0;
  for (const t of [...counts.keys()].sort()) {
    const c = counts.get(t)!;
    out[t] = finish(c.tp, c.fp, c.fn);
    tp += c.tp; fp += c.fp; fn += c.fn;
  }
  return { ...out, overall: finish(tp, fp, fn) } as Scores;
}
