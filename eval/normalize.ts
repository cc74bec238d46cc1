/**
 * Read + normalize figures: field coverage over the sample corpus, robustness over 10kGNAD
 * (1,028 real German articles without titles, dates or bylines: anything found there is a false
 * positive), and throughput per format. Prints the figures and writes eval/results/normalize.json
 * (not with CHRONIK_NO_WRITE set).
 * 10kGNAD is CC BY-NC-SA: used here for evaluation only, nothing of it is copied into the project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isFailure, readInputs } from '../src/read/index.js';
import { normalize } from '../src/normalize/index.js';
import type { Article, RawDocument } from '../src/model/article.js';
import { packageRoot, paths } from '../src/paths.js';
import { writeResults } from './results-file.js';

const GNAD = join(packageRoot, '..', 'shared', 'data', '10kgnad', 'test.csv');

async function corpusFigures() {
  const raws: RawDocument[] = [];
  let failures = 0;
  for await (const r of readInputs([join(paths.examples, 'corpus')])) {
    if (isFailure(r)) failures++;
    else raws.push(r);
  }
  const articles = raws.map((r) => normalize(r));
  const share = (f: (a: Article) => unknown) => articles.filter(f).length;
  const throughput: Record<string, number> = {};
  for (const fmt of ['text', 'html', 'feed', 'jsonl'] as const) {
    const docs = raws.filter((r) => r.format === fmt);
    if (!docs.length) continue;
    const n = fmt === 'html' ? 100 : 1000;
    for (let i = 0; i < 20; i++) normalize(docs[i % docs.length]!); // warm-up
    const t0 = performance.now();
    for (let i = 0; i < n; i++) normalize(docs[i % docs.length]!);
    throughput[fmt] = Math.round((n / (performance.now() - t0)) * 1000);
  }
  return {
    documents: articles.length,
    readFailures: failures,
    withTitle: share((a) => a.title),
    withPublished: share((a) => a.published),
    withAuthor: share((a) => a.author),
    withAgency: share((a) => a.agency),
    withDateline: share((a) => a.dateline),
    withSource: share((a) => a.source),
    languages: count(articles.map((a) => a.language)),
    encodings: count(articles.map((a) => a.encoding)),
    normalizeDocsPerSecond: throughput,
  };
}

function gnadFigures() {
  if (!existsSync(GNAD)) return null;
  const rows = readFileSync(GNAD, 'utf8').split('\n').filter(Boolean);
  let falseTitles = 0;
  let falseDates = 0;
  let errors = 0;
  const languages: string[] = [];
  const datelines: string[] = [];
  const t0 = performance.now();
  for (const row of rows) {
    const text = row.slice(row.indexOf(';') + 1).replace(/^'|'$/g, '').replace(/''/g, "'");
    try {
      const a = normalize({ origin: 'gnad', format: 'text', rawHash: '', encoding: 'utf-8', body: text, bodyIsHtml: false, meta: {} });
      languages.push(a.language);
      if (a.title) falseTitles++;
      if (a.published) falseDates++;
      if (a.dateline) datelines.push(a.dateline);
    } catch {
      errors++;
    }
  }
  return {
    articles: rows.length,
    languageDe: languages.filter((l) => l === 'de').length,
    languages: count(languages),
    falseTitles,
    falseDates,
    normalizeErrors: errors,
    // 10kGNAD joins teaser and body: `Teaser. Wien – …`. No gold here: the most frequent places, to eyeball.
    datelinesFound: datelines.length,
    topDatelines: Object.entries(count(datelines)).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k} ${v}`),
    docsPerSecond: Math.round((rows.length / (performance.now() - t0)) * 1000),
  };
}

function count(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

const results = { corpus: await corpusFigures(), gnad10k: gnadFigures(), date: new Date().toISOString().slice(0, 10) };
console.log(JSON.stringify(results, null, 2));
writeResults('normalize', results);
