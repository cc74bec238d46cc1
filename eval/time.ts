/**
 * `npm run eval:time`: scores Chronik's temporal tagger, the HeidelTime output shipped with
 * KRAUTS and chrono-node's German parser on KRAUTS (per subset) and WikiWarsDE, TempEval-3
 * style, prints one table and writes eval/results/time.json. KRAUTS is CC BY-NC: it is read
 * here for evaluation only and none of its text goes into the project.
 * Options: --errors SUBSET prints our mismatches on one subset (for tuning, to the terminal).
 */
import {
  KRAUTS_SUBSETS, krautsAvailable, loadKrauts, loadKrautsHeidelTime, loadWikiWarsDE, wikiwarsAvailable,
  type EvalDoc, type SpanTimex,
} from './time/corpora.js';
import { addCounts, countDoc, emptyCounts, scores, type Counts, type Scores } from './time/scorer.js';
import { chronik, chronoDe, type TimeSystem } from './time/systems.js';
import { writeResults } from './results-file.js';

const WIKIWARS_DATETIME = '2011-02-16';
const args = process.argv.slice(2);
const errorsFor = args.includes('--errors') ? args[args.indexOf('--errors') + 1] : undefined;

interface Corpus { name: string; docs: EvalDoc[]; heideltime?: Map<string, SpanTimex[]>; timex2: boolean }

const corpora: Corpus[] = [];
if (krautsAvailable()) {
  for (const s of KRAUTS_SUBSETS) {
    corpora.push({
      name: `KRAUTS ${s}`, docs: loadKrauts(s), timex2: false,
      heideltime: new Map(loadKrautsHeidelTime(s).map((d) => [d.id, d.timexes])),
    });
  }
}
if (wikiwarsAvailable()) corpora.push({ name: 'WikiWarsDE', docs: loadWikiWarsDE(), timex2: true });
if (!corpora.length) {
  console.error('eval:time: no corpora found under ../shared/data (krauts, wikiwarsde)');
  process.exit(1);
}

const systems: [string, TimeSystem][] = [['chronik', chronik], ['chrono-node', chronoDe(WIKIWARS_DATETIME)]];
const counts = new Map<string, Map<string, Counts>>(); // corpus → system → counts
const add = (corpus: string, system: string, c: Counts): void => {
  if (!counts.has(corpus)) counts.set(corpus, new Map());
  const m = counts.get(corpus)!;
  m.set(system, addCounts(m.get(system) ?? emptyCounts(), c));
};

const timing = new Map<string, { chars: number; ms: number }>();
for (const corpus of corpora) {
  for (const [name, sys] of systems) {
    const t0 = performance.now();
    const outputs = corpus.docs.map((d) => sys(d.text, d.dct));
    const ms = performance.now() - t0;
    const chars = corpus.docs.reduce((n, d) => n + d.text.length, 0);
    const tm = timing.get(name) ?? { chars: 0, ms: 0 };
    timing.set(name, { chars: tm.chars + chars, ms: tm.ms + ms });
    let c = emptyCounts();
    corpus.docs.forEach((d, i) => { c = countDoc(d.timexes, outputs[i]!, c); });
    add(corpus.name, name, c);
    if (corpus.name.startsWith('KRAUTS')) add('KRAUTS all', name, c);
    if (name === 'chronik' && errorsFor && corpus.name.includes(errorsFor)) printErrors(corpus, outputs);
  }
  if (corpus.heideltime) {
    let c = emptyCounts();
    for (const d of corpus.docs) c = countDoc(d.timexes, corpus.heideltime.get(d.id) ?? [], c);
    add(corpus.name, 'HeidelTime', c);
    add('KRAUTS all', 'HeidelTime', c);
  }
}

// Throughput on the same text: after a warm-up pass each, passes of the two systems alternate
// (the machine is shared, so interleaving keeps the comparison fair); the median pass counts.
const allDocs = corpora.flatMap((c) => c.docs);
const allChars = allDocs.reduce((n, d) => n + d.text.length, 0);
const passes = new Map<string, number[]>(systems.map(([name]) => [name, []]));
for (const [, sys] of systems) for (const d of allDocs) sys(d.text, d.dct);
const PASSES = 9;
for (let pass = 0; pass < PASSES; pass++) {
  // alternate which system goes first, so neither always runs after the other's garbage
  for (const [name, sys] of pass % 2 ? [...systems].reverse() : systems) {
    const t0 = performance.now();
    for (const d of allDocs) sys(d.text, d.dct);
    passes.get(name)!.push(allChars / ((performance.now() - t0) / 1000));
  }
}
const throughput: Record<string, number> = {};
for (const [name, xs] of passes) throughput[name] = Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);

const f = (x: number): string => x.toFixed(3).replace(/^0/, '');
const order = ['KRAUTS Dolomiten-42', 'KRAUTS Dolomiten-100', 'KRAUTS DieZeit', 'KRAUTS all', 'WikiWarsDE'];
const results: Record<string, Record<string, Scores>> = {};
const lines: string[] = [];
lines.push(['corpus'.padEnd(21), 'system'.padEnd(11), 'gold', ' sys', 'strict P/R/F1'.padEnd(15), 'relaxed P/R/F1'.padEnd(15), 'val.acc', 'val.F1', 'type.F1'].join('  '));
for (const corpus of order) {
  const m = counts.get(corpus);
  if (!m) continue;
  results[corpus] = {};
  for (const [system, c] of m) {
    const s = scores(c);
    results[corpus][system] = s;
    const timex2 = corpus === 'WikiWarsDE';
    lines.push([
      corpus.padEnd(21), system.padEnd(11), String(s.gold).padStart(4), String(s.system).padStart(4),
      `${f(s.strict.p)}/${f(s.strict.r)}/${f(s.strict.f1)}`.padEnd(15), `${f(s.relaxed.p)}/${f(s.relaxed.r)}/${f(s.relaxed.f1)}`.padEnd(15),
      f(s.valueAccuracy).padStart(7), f(s.valueF1).padStart(6), (timex2 ? '   -' : f(s.typeF1)).padStart(7),
    ].join('  '));
  }
}
console.log(lines.join('\n'));
console.log(`\nthroughput (chars/s, median of ${PASSES} alternating passes over the same ${allChars} chars): ${Object.entries(throughput).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log('WikiWarsDE is TIMEX2 (no types); relaxed = lenient. chronik runs it without a DCT (narrative); chrono-node gets the corpus DATETIME as reference.');

const out = writeResults('time', {
  note: 'TempEval-3 figures over text-consuming expressions; value/type F1 = relaxed F1 × accuracy. WikiWarsDE is TIMEX2 (type F1 not applicable).',
  results, throughputCharsPerSecond: throughput,
});
if (out) console.log(`wrote ${out}`);

function printErrors(corpus: Corpus, outputs: SpanTimex[][]): void {
  corpus.docs.forEach((d, i) => {
    const sys = outputs[i]!;
    for (const g of d.timexes) {
      const s = sys.find((x) => x.start < g.end && g.start < x.end);
      if (!s) console.error(`MISS\t${g.type}\t${g.value}\t${g.text}\t| ${d.dct}`);
      else if (s.value !== g.value || s.start !== g.start || s.end !== g.end) console.error(`DIFF\t${g.type}/${s.type}\t${g.value}\t${s.value}\t${g.text}\t${s.text}\t| ${d.dct}`);
    }
    for (const s of sys) if (!d.timexes.some((g) => s.start < g.end && g.start < s.end)) console.error(`FALSE\t${s.type}\t${s.value}\t${s.text}\t| ${d.text.slice(Math.max(0, s.start - 30), s.end + 30).replace(/\s+/g, ' ')}`);
  });
}
