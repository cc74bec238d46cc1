/**
 * Where ingest time goes: ingests a generated corpus in one thread with every analysis
 * component, analysis writer and corpus resolver timed. `npx tsx bench/profile.ts [--n 500] [--store postgres|pglite]`
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { components } from '../src/analyze/pipeline.js';
import { packageRoot } from '../src/paths.js';
import '../src/pipeline/register.js';
import { analysisWriters, corpusResolvers } from '../src/pipeline/hooks.js';
import { ingest } from '../src/pipeline/ingest.js';
import { defaultStages } from '../src/pipeline/stages.js';
import { openStore } from '../src/store/open.js';
import { loadBases, writeCorpus } from './generate.js';

const argv = process.argv;
const n = Number(argv[argv.indexOf('--n') + 1] ?? 500) || 500;
const store = argv.includes('pglite') ? 'pglite' : 'postgres';
const corpus = join(packageRoot, 'bench', 'tmp', `corpus-2000`);
// The corpus is generated (git-ignored) the first time, as `npm run bench` does; without it the run would profile nothing.
if (!existsSync(corpus)) {
  const { files, articles } = writeCorpus(corpus, await loadBases(), 2000);
  console.log(`generated ${articles} articles in ${files} files under ${corpus}`);
}
const ms = new Map<string, number>();
const add = (k: string, t: number): void => {
  ms.set(k, (ms.get(k) ?? 0) + t);
};

components.forEach((c, i) => {
  components[i] = { name: c.name, run: (d) => { const t = performance.now(); c.run(d); add(`analyze:${c.name}`, performance.now() - t); } };
});
analysisWriters.forEach((w, i) => {
  analysisWriters[i] = { name: w.name, write: async (tx, d) => { const t = performance.now(); await w.write(tx, d); add(`writer:${w.name}`, performance.now() - t); } };
});
corpusResolvers.forEach((r, i) => {
  corpusResolvers[i] = { name: r.name, run: async (db, ctx) => { const t = performance.now(); await r.run(db, ctx); add(`resolver:${r.name}`, performance.now() - t); } };
});
const real = await defaultStages();
let count = 0;
const stages = {
  ...real,
  async *readInputs(inputs: string[], o: { maxBytes?: number }) {
    let t = performance.now();
    for await (const x of real.readInputs(inputs, o)) {
      add('read', performance.now() - t);
      if (count++ >= n) return;
      yield x;
      t = performance.now();
    }
  },
  normalize: (r: Parameters<typeof real.normalize>[0]) => { const t = performance.now(); const a = real.normalize(r); add('normalize', performance.now() - t); return a; },
};

let db;
let drop = async (): Promise<void> => {};
if (store === 'pglite') db = await openStore('memory://');
else {
  const url = 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `prof_${randomBytes(4).toString('hex')}`;
  const admin = await openStore(url, { migrate: false });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  db = await openStore(`${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  drop = async () => { await admin.exec(`DROP SCHEMA ${schema} CASCADE`); await admin.close(); };
}
const batchSize = Number(argv[argv.indexOf('--batch') + 1] ?? 250) || 250;
const s = await ingest(db, [corpus], { stages, workers: 0, batchSize });
await db.close();
await drop();
const total = s.seconds * 1000;
console.log(`${s.read} articles in ${s.seconds.toFixed(1)} s (${(s.read / s.seconds).toFixed(0)}/s) on ${store}`);
const rows = [...ms].sort((a, b) => b[1] - a[1]);
for (const [k, v] of rows) console.log(`${k.padEnd(28)} ${(v / s.read).toFixed(2).padStart(8)} ms/article  ${((100 * v) / total).toFixed(1).padStart(5)} %`);
const known = rows.reduce((x, [, v]) => x + v, 0);
console.log(`${'other (insert, glue)'.padEnd(28)} ${((total - known) / s.read).toFixed(2).padStart(8)} ms/article`);
