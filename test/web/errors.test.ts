import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createApp } from '../../src/serve/app.js';
import { freshStore } from '../helpers/db.js';

// Unknown paths and bad parameters: pages answer with a page, the API with a JSON error.
let store: Awaited<ReturnType<typeof freshStore>>;

before(async () => {
  store = await freshStore('pglite');
});
after(async () => {
  await store?.drop();
});

test('an unknown page path answers 404 with the site layout and a link to the overview', async () => {
  const res = await createApp(store.db).request('/nope/<b>x</b>');
  assert.equal(res.status, 404);
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  const body = await res.text();
  assert.match(body, /<nav aria-label="Hauptnavigation">/);
  assert.match(body, /nicht gefunden/);
  assert.match(body, /<a href="\/">Zur Übersicht<\/a>/);
  assert.doesNotMatch(body, /<b>x<\/b>/, 'the path is escaped');
});

test('an unknown API path answers 404 with a JSON error', async () => {
  const res = await createApp(store.db).request('/api/nope');
  assert.equal(res.status, 404);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const body = (await res.json()) as { error?: unknown };
  assert.equal(typeof body.error, 'string');
});
