import type { SpanTimex } from './corpora.js';

/**
 * TempEval-3 style scoring of time-expression extraction and normalisation, over text-consuming
 * expressions. Strict = identical span, relaxed = any overlap (one-to-one pairing). Attribute
 * figures follow TempEval-3: attribute accuracy over relaxed matches, attribute F1 = relaxed F1 ×
 * accuracy.
 */
export interface Counts {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  valueOk: number;
  typeOk: number;
}

export interface Scores {
  gold: number;
  system: number;
  strict: { p: number; r: number; f1: number };
  relaxed: { p: number; r: number; f1: number };
  valueAccuracy: number;
  valueF1: number;
  typeAccuracy: number;
  typeF1: number;
}

export function emptyCounts(): Counts {
  return { gold: 0, system: 0, strict: 0, relaxed: 0, valueOk: 0, typeOk: 0 };
}

/** Counts for one document. Pairs each system expression with the first unpaired overlapping gold one, exact spans first. */
export function countDoc(gold: readonly SpanTimex[], sys: readonly SpanTimex[], acc: Counts = emptyCounts()): Counts {
  acc.gold += gold.length;
  acc.system += sys.length;
  const goldUsed = new Set<number>();
  const sysPair = new Map<number, number>();
  // exact spans first so a strict match is never lost to an earlier overlapping pairing
  sys.forEach((s, i) => {
    const g = gold.findIndex((x, j) => !goldUsed.has(j) && x.start === s.start && x.end === s.end);
    if (g >= 0) { goldUsed.add(g); sysPair.set(i, g); acc.strict++; }
  });
  sys.forEach((s, i) => {
    if (sysPair.has(i)) return;
    const g = gold.findIndex((x, j) => !goldUsed.has(j) && x.start < s.end && s.start < x.end);
    if (g >= 0) { goldUsed.add(g); sysPair.set(i, g); }
  });
  for (const [i, g] of sysPair) {
    acc.relaxed++;
    const s = sys[i]!;
    const x = gold[g]!;
    // values compare as exact strings, as TempEval-3 does
    if ((s.value ?? '') === (x.value ?? '')) acc.valueOk++;
    if ((s.type ?? '') === (x.type ?? '')) acc.typeOk++;
  }
  return acc;
}

function prf(hit: number, sys: number, gold: number): { p: number; r: number; f1: number } {
  const p = sys ? hit / sys : 0;
  const r = gold ? hit / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    gold: a.gold + b.gold, system: a.system + b.system, strict: a.strict + b.strict,
    relaxed: a.relaxed + b.relaxed, valueOk: a.valueOk + b.valueOk, typeOk: a.typeOk + b.typeOk,
  };
}

export function scores(c: Counts): Scores {
  const relaxed = prf(c.relaxed, c.system, c.gold);
  const valueAccuracy = c.relaxed ? c.valueOk / c.relaxed : 0;
  const typeAccuracy = c.relaxed ? c.typeOk / c.relaxed : 0;
  return {
    gold: c.gold,
    system: c.system,
    strict: prf(c.strict, c.system, c.gold),
    relaxed,
    valueAccuracy,
    valueF1: relaxed.f1 * valueAccuracy,
    typeAccuracy,
    typeF1: relaxed.f1 * typeAccuracy,
  };
}

/** Scores a system's output over a corpus; documents are paired by id. */
export function scoreCorpus(gold: readonly { id: string; timexes: readonly SpanTimex[] }[], sys: ReadonlyMap<string, readonly SpanTimex[]>): Scores {
  let c = emptyCounts();
  for (const d of gold) c = countDoc(d.timexes, sys.get(d.id) ?? [], c);
  return scores(c);
}
