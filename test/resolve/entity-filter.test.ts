import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../src/serve/app.js';
import { openStore } from '../../src/store/open.js';
import { ingestedStore } from '../helpers/cli.js';

// One entity filter for CLI and web: a metonym as written (`Kreml`) finds the same events from
// `chronik timeline --entity` and from /api/timeline?entity= (both through entityFilterNames).
const { run, dir } = ingestedStore('chronik-entity-filter-', ['examples/corpus/nordsee-depesche']);

interface Ev { id: string; actors: string[]; recipients: string[] }

test('Kreml filters the same events in `chronik timeline --entity` and /api/timeline?entity=', async () => {
  const r = run('timeline', '--json', '--entity', 'Kreml');
  assert.equal(r.code, 0, r.err);
  const cli = JSON.parse(r.out) as Ev[];
  const db = await openStore(dir());
  try {
    const app = createApp(db);
    const api = ((await (await app.request('/api/timeline?entity=Kreml')).json()) as { events: Ev[] }).events;
    const all = ((await (await app.request('/api/timeline')).json()) as { events: Ev[] }).events;
    assert.ok(cli.length > 0, 'the sample has events of the Kremlin');
    assert.ok(cli.length < all.length, 'the filter narrows the timeline');
    assert.deepEqual(api.map((e) => e.id).sort(), cli.map((e) => e.id).sort());
    // The metonym counts as the state it stands for: events merged under Russland are among them.
    assert.ok(cli.some((e) => [...e.actors, ...e.recipients].includes('Russland')));
  } finally {
    await db.close();
  }
});

test('an entity page lists the events its timeline link shows (Kreml: Russland’s events)', async () => {
  const db = await openStore(dir());
  try {
    const app = createApp(db);
    const page = (await (await app.request('/api/entities/kb%3AKREMLIN')).json()) as { events: Ev[] };
    const line = ((await (await app.request('/api/timeline?entity=kb%3AKREMLIN')).json()) as { events: Ev[] }).events;
    assert.ok(line.length > 0);
    assert.deepEqual(page.events.map((e) => e.id).sort(), line.map((e) => e.id).sort());
    assert.ok(page.events.some((e) => [...e.actors, ...e.recipients].includes('Russland')));
  } finally {
    await db.close();
  }
});
