import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ingest } from '../../src/pipeline/ingest.js';
import { createApp } from '../../src/serve/app.js';
import { inRange } from '../../src/store/events.js';
import { freshStore } from '../helpers/db.js';

// The web timeline and /api/timeline filter a date range on each event's own date, as the CLI does:
// publication-dated events (whose merge window is wide) and undated events stay outside the range.
let store: Awaited<ReturnType<typeof freshStore>>;

before(async () => {
  store = await freshStore('pglite');
  await ingest(store.db, ['examples/corpus']);
});
after(async () => {
  await store?.drop();
});

test('/api/timeline?from&to keeps only events dated inside the range', async () => {
  const app = createApp(store.db);
  const all = (await (await app.request('/api/timeline')).json()) as { events: { date: string | null }[] } | { date: string | null }[];
  const list = (x: typeof all): { date: string | null }[] => (Array.isArray(x) ? x : x.events);
  const everything = list(all);
  const outside = everything.filter((e) => !inRange(e.date, '2025-08-01', '2025-08-10'));
  assert.ok(outside.length > 0, 'the sample corpus has events outside the range');
  const res = await app.request('/api/timeline?from=2025-08-01&to=2025-08-10');
  assert.equal(res.status, 200);
  const ranged = list((await res.json()) as typeof all);
  assert.ok(ranged.length > 0, 'some events fall inside the range');
  for (const e of ranged) assert.ok(e.date && inRange(e.date, '2025-08-01', '2025-08-10'), `${e.date} is inside 2025-08-01..2025-08-10`);
});
