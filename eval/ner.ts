/**
 * Scores the shipped NER model on the held-out GermEval 2014 dev set (never used for training or
 * tuning): strict CoNLL F1 (exact span and type, outer chunks, `…deriv`/`…part` dropped as in
 * training) per type and overall, plus tagging speed on one core. Writes eval/results/ner.json.
 *
 *   npm run eval:ner [-- --model FILE]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paths } from '../src/paths.js';
import { readGermEval } from '../src/analyze/ner/corpora.js';
import { NerModel } from '../src/analyze/ner/model.js';
import { NER_MODEL_PATH } from '../src/analyze/ner/index.js';
import { conllScore } from '../src/analyze/ner/score.js';
import { writeResults } from './results-file.js';

const args = process.argv.slice(2);
const mi = args.indexOf('--model');
const modelPath = mi >= 0 ? args[mi + 1]! : NER_MODEL_PATH;
const DATA = process.env.CHRONIK_DATA ?? join(paths.models, '..', '..', 'shared', 'data');
const devPath = join(DATA, 'germeval2014', 'NER-de-dev.tsv');

const tLoad = performance.now();
const cLoad = process.cpuUsage();
const model = NerModel.load(modelPath);
const loadMs = performance.now() - tLoad;
const loadCpu = process.cpuUsage(cLoad);
const loadCpuMs = (loadCpu.user + loadCpu.system) / 1000;
const dev = readGermEval(devPath);
const nTokens = dev.reduce((a, s) => a + s.tokens.length, 0);

// Warm-up pass (JIT), then timed passes; tokens/s from the fastest, single thread.
let pred = dev.map((s) => model.tag(s.tokens));
// The build machine is shared, so wall time depends on other jobs: report tokens per second of
// CPU time used by this (single-threaded) process as the one-core figure, and wall time too.
const times: number[] = [];
const cpuTimes: number[] = [];
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  pred = dev.map((s) => model.tag(s.tokens));
  const c = process.cpuUsage(c0);
  times.push(performance.now() - t0);
  cpuTimes.push((c.user + c.system) / 1000);
}
const best = Math.min(...cpuTimes);
const tokensPerSecond = Math.round(nTokens / (best / 1000));
const tokensPerSecondWall = Math.round(nTokens / (Math.min(...times) / 1000));
const scores = conllScore(dev.map((s) => s.tags), pred);

const pct = (x: number): number => Math.round(x * 10000) / 100;
const rows = Object.entries(scores).map(([type, s]) => ({
  type, precision: pct(s.precision), recall: pct(s.recall), f1: pct(s.f1), gold: s.tp + s.fn, predicted: s.tp + s.fp,
}));
console.log(`GermEval 2014 dev (held out): ${dev.length} sentences, ${nTokens} tokens, strict CoNLL (outer chunks, deriv/part dropped)`);
console.log('type      P       R       F1      gold  pred');
for (const r of rows) {
  console.log(`${r.type.padEnd(8)} ${r.precision.toFixed(2).padStart(6)}  ${r.recall.toFixed(2).padStart(6)}  ${r.f1.toFixed(2).padStart(6)}  ${String(r.gold).padStart(5)} ${String(r.predicted).padStart(5)}`);
}
console.log(`speed: ${tokensPerSecond} tokens/s per CPU-second on one core (${tokensPerSecondWall} tokens/s wall clock on the shared machine; best of 3 passes, tokens given); model load ${loadMs.toFixed(0)} ms wall, ${loadCpuMs.toFixed(0)} ms CPU`);

const result = {
  dataset: 'GermEval 2014 NER-de-dev.tsv (held-out test set)',
  metric: 'strict CoNLL F1, exact span and type, outer chunks; deriv/part tags mapped to O',
  model: modelPath.replace(`${paths.models}/`, 'models/'),
  sentences: dev.length,
  tokens: nTokens,
  scores: Object.fromEntries(rows.map((r) => [r.type, { precision: r.precision, recall: r.recall, f1: r.f1, gold: r.gold, predicted: r.predicted }])),
  tokensPerSecond,
  tokensPerSecondNote: 'tokens per CPU-second of this single-threaded process (tagging only, tokens given); wall clock on the shared 2-core machine below',
  tokensPerSecondWall,
  modelLoadMs: Math.round(loadMs),
  modelLoadCpuMs: Math.round(loadCpuMs),
  modelMeta: model.meta,
  node: process.version,
};
// The learning curve comes from cross-validation on the training data (`npm run train:ner --
// --curve`), not from this set; it is copied here so the figures sit in one file.
const curveFile = join(dirname(fileURLToPath(import.meta.url)), 'results', 'ner-learning-curve.json');
const learningCurve: unknown = existsSync(curveFile) ? JSON.parse(readFileSync(curveFile, 'utf8')) : undefined;
const out = writeResults('ner', { ...result, learningCurve });
if (out) console.log(`wrote ${out}`);
