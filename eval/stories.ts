/**
 * Story clustering scored against the team's gold for the sample corpus (`npm run eval:stories`):
 * ingests examples/corpus into a fresh in-memory store with the full pipeline, then scores
 * - the streaming result of that one ingest (one batch, publication-date order),
 * - `restory` (the batch recompute),
 * - streaming one article per batch in shuffled orders (seeded), the store path `ingest` takes,
 * by pairwise precision/recall/F1 and B-cubed against eval/gold/stories.json, over all articles
 * and over the German ones only (the gold allows a monolingual clusterer to split off English).
 * Writes eval/results/stories.json. The gold is tiny (31 articles, 2 stories, 3 drought
 * articles): one pair of the drought story is 0.2 % of the 438 gold pairs but a third of that story.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ingest } from '../src/pipeline/ingest.js';
import { openStore } from '../src/store/open.js';
import type { Db } from '../src/store/db.js';
import { clearStories } from '../src/store/stories.js';
import { assignStories, restory } from '../src/resolve/stories/resolver.js';
import { rng } from '../src/util/seeded-random.js';
import { writeResults } from './results-file.js';

const ROOT = join(import.meta.dirname, '..');

interface GoldStory { id: string; files: string[]; englishFiles?: string[] }
const gold = (JSON.parse(readFileSync(join(ROOT, 'eval/gold/stories.json'), 'utf8')) as { stories: GoldStory[] }).stories;
const english = new Set(gold.flatMap((s) => s.englishFiles ?? []));

/** Clustering as item → cluster label. */
type Clustering = Map<string, string>;

interface Scores { pairwise: { precision: number; recall: number; f1: number }; bcubed: { precision: number; recall: number; f1: number }; clusters: number }

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Pairwise and B-cubed scores of `sys` against `ref` over the items both label. */
export function score(sys: Clustering, ref: Clustering): Scores {
  const items = [...ref.keys()].filter((k) => sys.has(k));
  let tp = 0;
  let sysPairs = 0;
  let refPairs = 0;
  let bp = 0;
  let br = 0;
  for (const a of items) {
    let sameSys = 0;
    let sameRef = 0;
    let both = 0;
    for (const b of items) {
      const s = sys.get(a) === sys.get(b);
      const r = ref.get(a) === ref.get(b);
      if (s) sameSys++;
      if (r) sameRef++;
      if (s && r) both++;
      if (a < b) {
        if (s) sysPairs++;
        if (r) refPairs++;
        if (s && r) tp++;
      }
    }
    bp += both / sameSys;
    br += both / sameRef;
  }
  const pp = sysPairs ? tp / sysPairs : 1;
  const pr = refPairs ? tp / refPairs : 1;
  const n = items.length || 1;
  return {
    pairwise: { precision: r3(pp), recall: r3(pr), f1: r3(f1(pp, pr)) },
    bcubed: { precision: r3(bp / n), recall: r3(br / n), f1: r3(f1(bp / n, br / n)) },
    clusters: new Set(items.map((i) => sys.get(i))).size,
  };
}

async function clustering(db: Db, fileOf: Map<string, string>): Promise<Clustering> {
  const rows = await db.query<{ id: string; story_id: string | null }>('SELECT id, story_id FROM articles');
  return new Map(rows.filter((r) => fileOf.has(r.id)).map((r) => [fileOf.get(r.id)!, r.story_id ?? `none:${r.id}`]));
}

const germanOnly = (c: Clustering): Clustering => new Map([...c].filter(([f]) => !english.has(f)));

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const rnd = rng(seed);
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Groups of the clustering as sorted file lists (to show which articles went where). */
function groups(c: Clustering): string[][] {
  const by = new Map<string, string[]>();
  for (const [f, s] of c) by.set(s, [...(by.get(s) ?? []), f]);
  return [...by.values()].map((g) => g.sort()).sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
}

async function main(): Promise<void> {
  const db = await openStore('memory://');
  const cwd = process.cwd();
  process.chdir(ROOT);
  await ingest(db, ['examples/corpus']);
  process.chdir(cwd);
  // Origins are absolute paths (feed items `FILE#N`); the gold names files relative to the repository.
  const fileOf = new Map((await db.query<{ id: string; origin: string }>('SELECT id, origin FROM articles')).map((r) => [r.id, relative(ROOT, r.origin)]));
  const ref: Clustering = new Map(gold.flatMap((s) => s.files.map((f) => [f, s.id] as const)));
  const missing = [...ref.keys()].filter((f) => ![...fileOf.values()].includes(f));
  if (missing.length) throw new Error(`gold files not ingested: ${missing.join(', ')}`);

  const runs: { run: string; all: Scores; german: Scores; groups: string[][] }[] = [];
  const record = (run: string, c: Clustering): void => {
    runs.push({ run, all: score(c, ref), german: score(germanOnly(c), germanOnly(ref)), groups: groups(c) });
  };
  const streaming = await clustering(db, fileOf);
  record('streaming (one ingest)', streaming);
  await restory(db);
  const batch = await clustering(db, fileOf);
  record('restory', batch);
  const key = (c: Clustering): string => JSON.stringify(groups(c));

  // Streaming one article per batch in shuffled orders: what a feed arriving out of order gives.
  const ids = [...fileOf.keys()].sort();
  const seeds = [1, 2, 3, 4, 5];
  const sameAsBatch: boolean[] = [];
  for (const seed of seeds) {
    await db.transaction(async (tx) => {
      await clearStories(tx);
      for (const id of shuffled(ids, seed)) await assignStories(tx, [id]);
    });
    const c = await clustering(db, fileOf);
    record(`shuffled one-by-one (seed ${seed})`, c);
    sameAsBatch.push(key(c) === key(batch));
  }
  await db.close();

  console.log(`Stories on the sample corpus: ${ref.size} gold articles in ${gold.length} stories (${english.size} English)`);
  console.log('run                                 pairwise P/R/F1        B-cubed P/R/F1         clusters | German only: pairwise F1, B³ F1, clusters');
  for (const r of runs) {
    const p = r.all.pairwise;
    const b = r.all.bcubed;
    console.log(`${r.run.padEnd(36)}${[p.precision, p.recall, p.f1].map((x) => x.toFixed(3)).join(' / ')}  ${[b.precision, b.recall, b.f1].map((x) => x.toFixed(3)).join(' / ')}  ${String(r.all.clusters).padStart(4)}     | ${r.german.pairwise.f1.toFixed(3)}, ${r.german.bcubed.f1.toFixed(3)}, ${r.german.clusters}`);
  }
  console.log(`restory gives the same clusters as streaming: ${key(streaming) === key(batch) ? 'yes' : 'NO'}`);
  console.log(`shuffled streaming equal to restory: ${sameAsBatch.filter(Boolean).length} of ${seeds.length} orders`);
  // What a single pass implies: a story started apart is never merged back, and an article weeks
  // away from a story's dates cannot join it, so a July article arriving after the August ones
  // starts its own. One ingest sorts each batch by date, and `restory` recomputes in date order.
  console.log('(one article per batch in random order: a single pass never merges stories it started apart; within one ingest, batches are sorted by date)');
  const drought = gold.find((s) => s.id === 'S2');
  if (drought) {
    const c = runs[0]!.groups.filter((g) => g.some((f) => drought.files.includes(f))).map((g) => g.length);
    console.log(`drought story (${drought.files.length} articles) falls into clusters of sizes: ${c.join(' + ')}`);
  }
  writeResults('stories', { goldArticles: ref.size, goldStories: gold.length, runs, restoryEqualToStreaming: key(streaming) === key(batch), shuffledEqualToRestory: sameAsBatch });
}

await main();
