/**
 * Dumps the merged events of a corpus ingested into a fresh in-memory store, to compare event
 * resolution before and after a change (`diff` two dumps): the events with their evidence as
 * `articleId:triggerStart`, and the count of mentions left unmerged.
 * `npx tsx bench/timeline-dump.ts OUT.json [--input DIR] [--n N] [--batch 250]`
 * (default input: the sample corpus; `--input bench/tmp/corpus-2000` after bench/profile.ts or
 * bench/ingest.ts generated it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';
import '../src/pipeline/register.js';
import { ingest } from '../src/pipeline/ingest.js';
import { defaultStages } from '../src/pipeline/stages.js';
import { listEvents } from '../src/store/events.js';
import { openStore } from '../src/store/open.js';

const argv = process.argv;
const opt = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const out = argv[2];
if (!out || out.startsWith('--')) throw new Error('usage: timeline-dump.ts OUT.json [--input DIR] [--n N] [--batch B]');
const n = Number(opt('--n') ?? Infinity);
const batchSize = Number(opt('--batch') ?? 250);
const input = opt('--input') ?? join(packageRoot, 'examples', 'corpus');

const real = await defaultStages();
let count = 0;
const stages = {
  ...real,
  async *readInputs(inputs: string[], o: { maxBytes?: number }) {
    for await (const x of real.readInputs(inputs, o)) {
      if (count++ >= n) return;
      yield x;
    }
  },
};
const db = await openStore('memory://');
const t = performance.now();
await ingest(db, [input], { stages, workers: 0, batchSize });
const events = await listEvents(db);
const [unmerged] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM event_mentions WHERE event_id IS NULL');
await db.close();
const dump = { events: events.map((e) => ({ ...e, evidence: e.evidence.map((x) => `${x.articleId}:${x.start}`) })), unmerged: unmerged?.n ?? 0 };
writeFileSync(out, `${JSON.stringify(dump, null, 1)}\n`);
console.log(`${events.length} events, ${dump.unmerged} mentions unmerged, ${((performance.now() - t) / 1000).toFixed(1)} s`);
