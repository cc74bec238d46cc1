/**
 * `npm run bench` (pages part): server time of every web page on a store of 20,000 articles.
 * The store is built once from the generated bench corpus (bench/generate.ts, as bench/ingest.ts):
 *   --build ingest     the full pipeline over all n articles (slow: > 1 h on a busy 2-core machine);
 *   --build replicate  (default) the full pipeline over --base articles (default 1,500), whose
 *                      stored output (articles, mentions, time expressions, event mentions, events,
 *                      stories, warnings) is then copied with new ids until the store holds n
 *                      articles: the same tables at the same scale, built in minutes.
 * Then each page is rendered in-process through the HTTP app; the median and worst of --runs
 * renders (after one warm-up) are printed, as wall time and as the process's CPU time (the wall
 * time includes waiting for the CPU on a shared machine). Target: < 300 ms per page.
 * Writes bench/results/pages.json.
 *   tsx bench/pages.ts [--n 20000] [--build replicate|ingest] [--base 1500] [--runs 5]
 *                      [--workers N] [--batch 500] [--corpus DIR] [--store DIR] [--base-store DIR]
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';
import { ingest } from '../src/pipeline/ingest.js';
import { createApp } from '../src/serve/app.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open.js';
import { loadBases, writeCorpus } from './generate.js';

const TARGET_MS = 300;
const TMP = join(packageRoot, 'bench', 'tmp');

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : dflt;
}

/** Input paths holding about the first `n` articles of the generated corpus (text files and JSON Lines of 500). */
async function firstFiles(corpus: string, n: number): Promise<string[]> {
  const { readdirSync, statSync } = await import('node:fs');
  const out: string[] = [];
  let count = 0;
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (count >= n) return;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.txt')) {
        out.push(p);
        count++;
      } else if (name.endsWith('.jsonl')) {
        out.push(p);
        count += 500;
      }
    }
  };
  walk(corpus);
  return out;
}

const one = async <T extends Record<string, unknown>>(db: Awaited<ReturnType<typeof openStore>>, sql: string): Promise<T | undefined> => {
  try {
    return (await db.query<T>(sql))[0];
  } catch {
    return undefined; // a stage's table is missing in this build
  }
};

/** Columns whose values are ids that must differ in each copy (the rest is copied as is). */
const COPY_PLAN: [table: string, idColumns: string[], skip: string[]][] = [
  ['articles', ['id', 'duplicate_of', 'story_id', 'origin', 'url'], ['seq']],
  ['article_origins', ['article_id', 'origin'], []],
  ['mentions', ['article_id'], []],
  ['timexes', ['article_id'], []],
  ['event_mentions', ['article_id', 'event_id'], []],
  ['events', ['id'], []],
  ['stories', ['id'], ['seq']],
  ['article_warnings', ['article_id'], []],
];

/** Copies the analysed output of the store's articles until it holds `n` articles (see above). */
async function replicate(db: Db, n: number): Promise<void> {
  const [base] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
  const baseN = base?.n ?? 0;
  if (baseN === 0) throw new Error('nothing to replicate: the base store is empty');
  const copies = Math.ceil(n / baseN) - 1;
  const present = new Set<string>();
  for (const [t] of COPY_PLAN) if ((await db.query<{ ok: boolean }>('SELECT to_regclass($1) IS NOT NULL AS ok', [t]))[0]?.ok) present.add(t);
  const exists = (t: string): boolean => present.has(t);
  for (let k = 1; k <= copies; k++) {
    const suffix = `~r${k}`;
    // The last copy takes only as many articles as needed to reach n.
    const take = Math.min(baseN, n - baseN * k);
    await db.transaction(async (tx) => {
      for (const [table, idCols, skip] of COPY_PLAN) {
        if (!exists(table)) continue;
        const cols = (await tx.query<{ c: string }>(
          `SELECT column_name AS c FROM information_schema.columns
            WHERE table_name = $1 AND table_schema = ANY (current_schemas(false)) ORDER BY ordinal_position`,
          [table],
        )).map((r) => r.c).filter((c) => !skip.includes(c));
        const expr = cols.map((c) => (idCols.includes(c) ? `CASE WHEN "${c}" IS NULL THEN NULL ELSE "${c}" || '${suffix}' END` : `"${c}"`));
        const art = table === 'articles' ? 'id' : table === 'events' || table === 'stories' ? null : 'article_id';
        // Only rows of base articles (ids without a copy suffix), the last copy only the first `take`.
        const where = art
          ? `WHERE position('~r' in "${art}") = 0 AND "${art}" IN (SELECT id FROM articles WHERE position('~r' in id) = 0 ORDER BY seq LIMIT ${take})`
          : `WHERE position('~r' in id) = 0`;
        await tx.query(`INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) SELECT ${expr.join(', ')} FROM ${table} ${where}`);
      }
    });
    console.log(`  copy ${k}/${copies}: ${baseN * k + take} articles`);
  }
  // Surface-form counts grow with the copies (the entities list orders by them).
  if ((await db.query<{ ok: boolean }>("SELECT to_regclass('entity_aliases') IS NOT NULL AS ok"))[0]?.ok) {
    await db.query(`UPDATE entity_aliases al SET mentions = s.n FROM (
      SELECT entity_id, text, count(*)::int AS n FROM mentions WHERE entity_id IS NOT NULL GROUP BY entity_id, text) s
      WHERE s.entity_id = al.entity_id AND s.text = al.alias`);
  }
  await db.exec('ANALYZE');
}

async function main(): Promise<void> {
  const n = Number(arg('n', '20000'));
  const build = arg('build', 'replicate');
  const baseN = Math.min(n, Number(arg('base', '1500')));
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
  let replicateSeconds: number | null = null;
  let reused = false;
  const have = (await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM articles'))?.n ?? 0;
  if (have < n) {
    await db.close();
    rmSync(storeDir, { recursive: true, force: true });
    const baseStore = arg('base-store', '');
    if (baseStore && build !== 'ingest') {
      // A store already holding the analysed base articles (e.g. kept from an earlier run).
      cpSync(baseStore, storeDir, { recursive: true });
      db = await openStore(storeDir);
      console.log(`base: ${(await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM articles'))?.n ?? 0} articles copied from ${baseStore}`);
      const t1 = performance.now();
      await replicate(db, n);
      replicateSeconds = Math.round((performance.now() - t1) / 1000);
    } else {
    db = await openStore(storeDir);
    const ingestN = build === 'ingest' ? n : baseN;
    // The first ingestN articles of the corpus: its files in name order.
    const inputs = build === 'ingest' ? [corpus] : await firstFiles(corpus, ingestN);
    console.log(`ingesting ${ingestN} articles into ${storeDir} (workers ${workers}) …`);
    const t0 = performance.now();
    let mark = 500;
    const s = await ingest(db, inputs, {
      workers,
      batchSize: Number(arg('batch', '500')),
      onProgress: (p) => {
        if (p.read < mark) return;
        mark += 500;
        const secs = (performance.now() - t0) / 1000;
        console.log(`  ${p.read} read, ${Math.round(p.read / secs)} articles/s, ${Math.round(secs)} s`);
      },
    });
    ingestSeconds = Math.round(s.seconds);
    console.log(`ingested: new ${s.new}, duplicates ${s.duplicates}, failed ${s.failed} in ${ingestSeconds} s`);
    if (build !== 'ingest') {
      const t1 = performance.now();
      console.log(`replicating to ${n} articles …`);
      await replicate(db, n);
      replicateSeconds = Math.round((performance.now() - t1) / 1000);
    }
    }
  } else {
    reused = true;
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
    ['stories', '/stories'],
    ['story', story ? `/stories/${enc(story.id)}` : null],
    ['entities', '/entities'],
    ['entity', entity ? `/entities/${enc(entity.id)}` : null],
    ['articles', '/articles'],
    ['article', article ? `/articles/${enc(article.id)}` : null],
    // A word in about a third of the generated corpus (the worst case for ranking) and a phrase.
    ['search (frequent word)', '/search?q=Waffenruhe'],
    ['search (phrase)', `/search?q=${enc('"Gipfel in Abu Dhabi"')}`],
    ['search (facet + page 2)', `/search?q=Gipfel&source=${enc(source?.s ?? '')}&page=2`],
  ];

  const app = createApp(db);
  const results: {
    page: string;
    path: string;
    status: number;
    medianMs: number;
    maxMs: number;
    medianCpuMs: number;
    maxCpuMs: number;
    firstMs: number;
    bytes: number;
    okWall: boolean;
    okCpu: boolean;
  }[] = [];
  const loadBefore = loadavg()[0] ?? 0;
  const r1 = (x: number | undefined): number => Math.round((x ?? 0) * 10) / 10;
  for (const [name, path] of pages) {
    if (!path) {
      console.log(`${name.padEnd(26)} skipped (no data for it in this build)`);
      continue;
    }
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let status = 0;
    let bytes = 0;
    let first = 0;
    for (let i = 0; i <= runs; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      const res = await app.request(path);
      const body = await res.text();
      const cu = process.cpuUsage(c);
      const ms = performance.now() - t;
      status = res.status;
      bytes = body.length;
      if (i === 0) first = ms;
      else {
        // The first render warms caches and the JIT; it is reported separately.
        times.push(ms);
        cpuTimes.push((cu.user + cu.system) / 1000);
      }
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    const mid = Math.floor(times.length / 2);
    const row = {
      page: name,
      path,
      status,
      medianMs: r1(times[mid]),
      maxMs: r1(times[times.length - 1]),
      medianCpuMs: r1(cpuTimes[mid]),
      maxCpuMs: r1(cpuTimes[cpuTimes.length - 1]),
      firstMs: r1(first),
      bytes,
      okWall: status === 200 && r1(times[mid]) < TARGET_MS,
      okCpu: status === 200 && r1(cpuTimes[mid]) < TARGET_MS,
    };
    results.push(row);
    console.log(
      `${name.padEnd(26)} ${String(status).padEnd(4)} wall median ${String(row.medianMs).padStart(7)} ms (max ${String(row.maxMs).padStart(7)}, first ${String(row.firstMs).padStart(7)})` +
        `  cpu median ${String(row.medianCpuMs).padStart(7)} ms  ${row.okCpu ? 'cpu ok' : `cpu OVER ${TARGET_MS} ms`}${row.okWall ? ', wall ok' : `, wall OVER ${TARGET_MS} ms`}`,
    );
  }
  await db.close();

  const cpu = cpus();
  const out = {
    date: new Date().toISOString(),
    machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', totalMemGB: Math.round(totalmem() / 2 ** 30), node: process.version },
    store: { kind: 'pglite', build, baseArticles: build === 'ingest' ? null : baseN, reusedFromEarlierRun: reused, ...counts, ingestSeconds, replicateSeconds },
    method: `server time in-process (app.request, no network): ${runs} renders after one warm-up; median and max wall time, and median CPU time of the process (the embedded database runs in the same process, so this is the work the server does; wall time adds the time spent waiting for a CPU)`,
    loadAverage1m: { before: Math.round(loadBefore * 10) / 10, after: Math.round((loadavg()[0] ?? 0) * 10) / 10, cpus: cpus().length },
    targetMs: TARGET_MS,
    allCpuUnderTarget: results.every((r) => r.okCpu),
    allWallUnderTarget: results.every((r) => r.okWall),
    note: 'Measured on a shared 2-core machine while other jobs ran (see loadAverage1m): wall times there are several times the CPU times.',
    results,
  };
  mkdirSync(join(packageRoot, 'bench', 'results'), { recursive: true });
  const file = join(packageRoot, 'bench', 'results', 'pages.json');
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote ${file}`);
}

await main();
