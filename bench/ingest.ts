/**
 * `npm run bench`: generates a corpus of ≥ 20,000 distinct articles from the sample corpus
 * (paragraphs shuffled, words swapped and rewritten, new dates and outlets), ingests it through
 * the whole pipeline (read → normalize → analyze → store → corpus resolvers) into a fresh
 * embedded store and into a fresh schema on the PostgreSQL server, and reports articles/s and
 * memory (RSS sampled during the run, to show it stays flat). Each store runs in its own process.
 * Writes bench/results/ingest.json.
 *
 *   npm run bench -- [--n 20000] [--stores pglite,postgres] [--workers N] [--batch 250]
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { components } from '../src/analyze/pipeline.js';
import type { Article } from '../src/model/index.js';
import { packageRoot } from '../src/paths.js';
import { analysisWriters, corpusResolvers } from '../src/pipeline/hooks.js';
import { ingest } from '../src/pipeline/ingest.js';
import '../src/pipeline/register.js';
import { openStore } from '../src/store/open.js';
import { loadBases, writeCorpus } from './generate.js';

const PG_URL = process.env.CHRONIK_BENCH_PG ?? process.env.CHRONIK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const TMP = join(packageRoot, 'bench', 'tmp');

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : dflt;
}

interface StoreResult {
  store: 'pglite' | 'postgres';
  articles: number;
  new: number;
  duplicates: number;
  unchanged: number;
  failed: number;
  nearDuplicates: number;
  seconds: number;
  articlesPerSecond: number;
  peakRssMB: number;
  /** RSS after each tenth of the corpus: flat memory means these stay level. */
  rssByProgress: { articles: number; rssMB: number }[];
  workers: number;
  batchSize: number;
  /** `foundation`: read → normalize → store only; `full`: with every analysis component, writer and resolver. */
  mode: Mode;
}

type Mode = 'foundation' | 'full';

const mb = (b: number): number => Math.round((b / 1024 / 1024) * 10) / 10;

/** Child process: ingests the generated corpus into one store and prints its result as JSON. */
async function runChild(store: 'pglite' | 'postgres', corpus: string, total: number, workers: number, batchSize: number, mode: Mode): Promise<void> {
  if (mode === 'foundation') {
    // The storage spine alone: no analysis components, writers or corpus resolvers.
    components.length = 0;
    analysisWriters.length = 0;
    corpusResolvers.length = 0;
  }
  let target: string;
  let cleanup = async (): Promise<void> => {};
  if (store === 'pglite') {
    target = join(TMP, 'pglite-store');
    rmSync(target, { recursive: true, force: true });
  } else {
    const schema = `bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const admin = await openStore(PG_URL, { migrate: false });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    target = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    cleanup = async () => {
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    };
  }
  const db = await openStore(target);
  let read = 0;
  let peak = process.memoryUsage().rss;
  const samples: { articles: number; rssMB: number }[] = [];
  let nextMark = Math.ceil(total / 10);
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const summary = await ingest(db, [corpus], {
    workers: mode === 'foundation' ? 0 : workers,
    batchSize,
    onProgress: (p) => {
      read = p.read;
      if (read >= nextMark) {
        const rss = process.memoryUsage().rss;
        peak = Math.max(peak, rss);
        samples.push({ articles: read, rssMB: mb(rss) });
        nextMark += Math.ceil(total / 10);
      }
    },
  });
  clearInterval(timer);
  const [near] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM articles WHERE duplicate_kind = 'near'`);
  await db.close();
  await cleanup();
  const result: StoreResult = {
    store,
    articles: summary.read,
    new: summary.new,
    duplicates: summary.duplicates,
    unchanged: summary.unchanged,
    failed: summary.failed,
    nearDuplicates: near?.n ?? 0,
    seconds: Math.round(summary.seconds * 10) / 10,
    articlesPerSecond: Math.round(summary.read / summary.seconds),
    peakRssMB: mb(peak),
    rssByProgress: samples,
    workers: mode === 'foundation' ? 0 : workers,
    batchSize,
    mode,
  };
  if (summary.failures.length) process.stderr.write(`first failures: ${JSON.stringify(summary.failures.slice(0, 3))}\n`);
  process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
}

function ensureCorpus(n: number, bases: () => Promise<Article[]>): Promise<string> {
  const corpus = join(TMP, `corpus-${n}`);
  const marker = join(corpus, '.complete');
  if (existsSync(marker)) {
    console.log(`reusing the generated corpus of ${n} articles under ${corpus}`);
    return Promise.resolve(corpus);
  }
  return (async () => {
    rmSync(corpus, { recursive: true, force: true });
    const b = await bases();
    const t = performance.now();
    const { files } = writeCorpus(corpus, b, n);
    writeFileSync(marker, `${n}\n`);
    console.log(`generated ${n} distinct articles from ${b.length} sample articles in ${files} files (${((performance.now() - t) / 1000).toFixed(1)} s) under ${corpus}`);
    return corpus;
  })();
}

async function main(): Promise<void> {
  const n = Number(arg('n', '20000'));
  const fullN = Number(arg('full-n', '2000'));
  const stores = arg('stores', 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
  const modes = arg('modes', 'foundation,full').split(',') as Mode[];
  const workers = Number(arg('workers', String(Math.max(1, Math.min(4, cpus().length - 1)))));
  const batchSize = Number(arg('batch', '250'));

  if (process.argv.includes('--child')) {
    const mode = arg('mode', 'foundation') as Mode;
    await runChild(arg('child', 'pglite') as 'pglite' | 'postgres', join(TMP, `corpus-${n}`), n, workers, batchSize, mode);
    return;
  }

  mkdirSync(TMP, { recursive: true });
  let basesCache: Promise<Article[]> | undefined;
  const bases = (): Promise<Article[]> => (basesCache ??= loadBases());
  const results: StoreResult[] = [];
  for (const mode of modes) {
    const size = mode === 'full' ? fullN : n;
    await ensureCorpus(size, bases);
    for (const store of stores) {
      console.log(`${mode} pipeline, ${size} articles into ${store} (${mode === 'full' ? `workers ${workers}, ` : ''}batch ${batchSize}) …`);
      const self = fileURLToPath(import.meta.url);
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, self, '--child', store, '--mode', mode, '--n', String(size), '--workers', String(workers), '--batch', String(batchSize)],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
      );
      const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) {
        console.error(`${store}: the run failed (exit ${child.status})`);
        process.exitCode = 1;
        continue;
      }
      const r = JSON.parse(line.slice(7)) as StoreResult;
      results.push(r);
      console.log(
        `${mode} → ${store}: ${r.articles} articles in ${r.seconds} s = ${r.articlesPerSecond} articles/s; ` +
          `new ${r.new}, duplicates ${r.duplicates}, near duplicates ${r.nearDuplicates}, failed ${r.failed}; peak RSS ${r.peakRssMB} MB`,
      );
      console.log(`  RSS by progress: ${r.rssByProgress.map((s) => `${s.articles}: ${s.rssMB} MB`).join(', ')}`);
    }
  }

  const cpu = cpus();
  const out = {
    date: new Date().toISOString(),
    machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', totalMemGB: Math.round(totalmem() / 2 ** 30), node: process.version },
    corpus: { generatedFrom: 'examples/corpus', variation: 'paragraphs shuffled, neighbouring words swapped, words rewritten, new dates and outlets', files: 'half plain-text files (German date line), half JSON Lines (500 per file, with URL and outlet)' },
    pipeline: {
      analysis: components.map((c) => c.name),
      writers: analysisWriters.map((w) => w.name),
      resolvers: corpusResolvers.map((r) => r.name),
    },
    note: 'Measured on a shared machine while other jobs ran; figures vary with the load.',
    loadAverageAtEnd: loadavg().map((x) => Math.round(x * 10) / 10),
    results,
  };
  mkdirSync(join(packageRoot, 'bench', 'results'), { recursive: true });
  const file = join(packageRoot, 'bench', 'results', 'ingest.json');
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote ${file}${previous ? ' (replacing the previous run)' : ''}`);
}

await main();
