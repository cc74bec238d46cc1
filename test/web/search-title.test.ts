import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ingestDocuments } from '../../src/pipeline/documents.js';
import { createApp } from '../../src/serve/app.js';
import type { SearchResult } from '../../src/serve/queries/search.js';
import { freshStore } from '../helpers/db.js';

// A hit matching only in its title must still show what matched, safely escaped.
let store: Awaited<ReturnType<typeof freshStore>>;

before(async () => {
  store = await freshStore('pglite');
  await ingestDocuments(store.db, [
    {
      title: 'Gefangenenaustausch <b>vereinbart</b>',
      source: 'Testblatt',
      published: '2025-08-07',
      language: 'de',
      text: 'Beide Regierungen einigten sich am Donnerstag in Genf. Die Verhandlungen dauerten drei Tage und endeten am Abend mit einer gemeinsamen Erklärung.',
    },
  ]);
});
after(async () => {
  await store?.drop();
});

test('the API marks title matches of a hit whose body does not match', async () => {
  const res = await createApp(store.db).request('/api/search/facets?q=Gefangenenaustausch');
  assert.equal(res.status, 200);
  const body = (await res.json()) as SearchResult;
  assert.equal(body.hits.length, 1);
  const [hit] = body.hits;
  assert.doesNotMatch(hit!.snippet, /\u0001/, 'the body has no match');
  assert.match(hit!.titleMarked ?? '', /^\u0001Gefangenenaustausch\u0002 <b>vereinbart<\/b>$/);
});

test('/api/search gives offsets of title matches, as chronik search --json does', async () => {
  const res = await createApp(store.db).request('/api/search?q=Gefangenenaustausch');
  assert.equal(res.status, 200);
  const body = (await res.json()) as { hits: { title: string; highlights: [number, number][]; titleHighlights: [number, number][] }[] };
  const [hit] = body.hits;
  assert.deepEqual(hit?.highlights, []);
  assert.deepEqual(hit?.titleHighlights, [[0, 'Gefangenenaustausch'.length]]);
});

test('the search page highlights the title match and keeps the title escaped', async () => {
  const res = await createApp(store.db).request('/search?q=Gefangenenaustausch');
  assert.equal(res.status, 200);
  const page = await res.text();
  assert.match(page, /<mark>Gefangenenaustausch<\/mark> &lt;b&gt;vereinbart&lt;\/b&gt;<\/a>/);
  assert.doesNotMatch(page, /<b>vereinbart<\/b>/);
});
