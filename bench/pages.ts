/**
 * `npm run bench` (pages part): server time of every web page on a store of 20,000 articles.
 * Builds (once) an embedded store from the generated bench corpus (bench/generate.ts, the same
 * one bench/ingest.ts uses), then renders each page in-process through the HTTP app and prints
 * the median and worst time per page. Target: < 300 ms per page. Writes bench/results/pages.json.
 *   tsx bench/pages.ts [--n 20000] [--runs 5] [--workers N] [--batch 500] [--corpus DIR] [--store DIR]
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../src/model/index.js';
import { normalize } from '../src/normalize/index.js';
import { packageRoot, paths } from '../src/paths.js';
import { ingest } from '../src/pipeline/ingest.js';
import { isFailure, readInputs } from '../src/read/index.js';
import { createApp } from '../src/serve/app.js';
import { openStore } from '../src/store/open.js';
import { writeCorpus } from './generate.js';

const TARGET_MS = 300;
const TMP = join(packageRoot, 'bench', 'tmp');

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : dflt;
}

async function loadBases(): Promise<Article[]> {
  const bases: Article[] = [];
  for await (const item of readInputs([join(paths.examples, 'corpus')])) {
    if (isFailure(item)) continue;
    try {
      const a = normalize(item);
      if (a.text.length > 300) bases.push(a);
    } catch {
      // Unusable sample documents are not varied.
    }
  }
  return bases;
}

const one = async <T extends Record<string, unknown>>(db: Awaited<ReturnType<typeof openStore>>, sql: string): Promise<T | undefined> => {
  try {
    return (await db.query<T>(sql))[0];
  } catch {
    return undefined; // a stage's table is missing in this build
  }
};

async function main(): Promise<void> {
  const n = Number(arg('n', '20000'));
  const runs = Number(arg('runs', '5'));
  const workers = Number(arg('workers', String(Math.max(1, Math.min(4, cpus().length - 1)))));
  const corpus = arg('corpus', join(TMP, `corpus-${n}`));
  const storeDir = arg('store', join(TMP, `pages-store-${n}`));
  mkdirSync(TMP, { recursive: true });

  if (!existsSync(join(corpus, '.complete'))) {
    rmSync(corpus, { recursive: true, force: true });
    writeCorpus(corpus, await loadBases(), n);
    writeFileSync(join(corpus, '.complete'), `${n}\n`);
    console.log(`generated ${n} articles under ${corpus}`);
  }
  let db = await openStore(storeDir);
  let ingestSeconds: number | null = null;
  const have = (await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM articles'))?.n ?? 0;
  if (have < n) {
    await db.close();
    rmSync(storeDir, { recursive: true, force: true });
    db = await openStore(storeDir);
    console.log(`ingesting ${n} articles into ${storeDir} (workers ${workers}) …`);
    const t0 = performance.now();
    let mark = 1000;
    const s = await ingest(db, [corpus], {
      workers,
      batchSize: Number(arg('batch', '500')),
      onProgress: (p) => {
        if (p.read < mark) return;
        mark += 1000;
        const secs = (performance.now() - t0) / 1000;
        console.log(`  ${p.read} read, ${Math.round(p.read / secs)} articles/s, ${Math.round(secs)} s`);
      },
    });
    ingestSeconds = Math.round(s.seconds);
    console.log(`ingested: new ${s.new}, duplicates ${s.duplicates}, failed ${s.failed} in ${ingestSeconds} s`);
  } else {
    console.log(`reusing the store of ${have} articles in ${storeDir}`);
  }

  // Pages with realistic ids: the biggest story, the most mentioned entity, a well-annotated article.
  const story = await one<{ id: string }>(db, 'SELECT story_id AS id FROM articles WHERE story_id IS NOT NULL GROUP BY story_id ORDER BY count(*) DESC LIMIT 1');
  const entity = await one<{ id: string }>(db, 'SELECT entity_id AS id FROM mentions WHERE entity_id IS NOT NULL GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1');
  const event = await one<{ id: string }>(db, 'SELECT id FROM events ORDER BY mentions DESC, id LIMIT 1');
  const article = await one<{ id: string }>(db, 'SELECT article_id AS id FROM mentions GROUP BY article_id ORDER BY count(*) DESC LIMIT 1')
    ?? (await one<{ id: string }>(db, 'SELECT id FROM articles ORDER BY seq LIMIT 1'));
  const source = await one<{ s: string }>(db, 'SELECT source AS s FROM articles WHERE source IS NOT NULL GROUP BY source ORDER BY count(*) DESC LIMIT 1');
  const counts = {
    articles: (await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM articles'))?.n ?? 0,
    stories: (await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM stories'))?.n ?? 0,
    entities: (await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM entities'))?.n ?? 0,
    mentions: (await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM mentions'))?.n ?? 0,
    events: (await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM events'))?.n ?? 0,
  };
  const enc = encodeURIComponent;
  const pages: [string, string | null][] = [
    ['overview', '/'],
    ['timeline', '/timeline'],
    ['timeline (entity filter)', entity ? `/timeline?entity=${enc(entity.id)}` : null],
    ['api timeline', '/api/timeline'],
    ['event', event ? `/events/${enc(event.id)}` : null],
    ['story', story ? `/stories/${enc(story.id)}` : null],
    ['entities', '/entities'],
    ['entity', entity ? `/entities/${enc(entity.id)}` : null],
    ['articles', '/articles'],
    ['article', article ? `/articles/${enc(article.id)}` : null],
    ['search', '/search?q=Waffenruhe'],
    ['search (facet + page 2)', `/search?q=Gipfel&source=${enc(source?.s ?? '')}&page=2`],
  ];

  const app = createApp(db);
  const results: { page: string; path: string; status: number; medianMs: number; maxMs: number; bytes: number; ok: boolean }[] = [];
  for (const [name, path] of pages) {
    if (!path) {
      console.log(`${name.padEnd(26)} skipped (no data for it in this build)`);
      continue;
    }
    const times: number[] = [];
    let status = 0;
    let bytes = 0;
    for (let i = 0; i <= runs; i++) {
      const t = performance.now();
      const res = await app.request(path);
      const body = await res.text();
      const ms = performance.now() - t;
      status = res.status;
      bytes = body.length;
      if (i > 0) times.push(ms); // the first run warms caches and JIT
    }
    times.sort((a, b) => a - b);
    const median = Math.round((times[Math.floor(times.length / 2)] ?? 0) * 10) / 10;
    const max = Math.round((times[times.length - 1] ?? 0) * 10) / 10;
    const ok = status === 200 && median < TARGET_MS;
    results.push({ page: name, path, status, medianMs: median, maxMs: max, bytes, ok });
    console.log(`${name.padEnd(26)} ${String(status).padEnd(4)} median ${String(median).padStart(7)} ms  max ${String(max).padStart(7)} ms  ${ok ? 'ok' : `OVER ${TARGET_MS} ms`}`);
  }
  await db.close();

  const cpu = cpus();
  const out = {
    date: new Date().toISOString(),
    machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', totalMemGB: Math.round(totalmem() / 2 ** 30), node: process.version },
    store: { kind: 'pglite', ...counts, ingestSeconds },
    method: `server time in-process (app.request, no network), ${runs} runs after one warm-up, median and max`,
    targetMs: TARGET_MS,
    allUnderTarget: results.every((r) => r.ok),
    note: 'Measured on a shared 2-core machine while other jobs ran; figures vary with the load.',
    results,
  };
  mkdirSync(join(packageRoot, 'bench', 'results'), { recursive: true });
  const file = join(packageRoot, 'bench', 'results', 'pages.json');
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote ${file}`);
}

await main();
