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

test('a bad date filter on a page answers 400 with the escaped message; the API answers 400 JSON naming it', async () => {
  const app = createApp(store.db);
  for (const path of ['/timeline?from=garbage', '/timeline?to=2025-13', '/search?q=Gipfel&from=2025-02-30', '/search?q=Gipfel&to=<i>x</i>']) {
    const res = await app.request(path);
    assert.equal(res.status, 400, path);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/, path);
    const body = await res.text();
    assert.match(body, /(from|to) must be a date/, path);
    assert.doesNotMatch(body, /<i>x<\/i>/, `${path}: the bad value is escaped`);
  }
  for (const [path, name] of [
    ['/api/timeline?from=garbage', 'from'],
    ['/api/timeline?to=2025-W60', 'to'],
    ['/api/search/facets?q=Gipfel&from=garbage', 'from'],
    ['/api/search?q=Gipfel&from=2025-13', 'from'],
    ['/api/articles?to=2025-02-30', 'to'],
  ] as const) {
    const res = await app.request(path);
    assert.equal(res.status, 400, path);
    const body = (await res.json()) as { error?: string };
    assert.match(body.error ?? '', new RegExp(`^${name} must be a date`), path);
  }
});

test('valid date filters of every calendar shape are accepted', async () => {
  const app = createApp(store.db);
  for (const v of ['2025', '2025-08', '2025-08-07', '2025-W33', '2025-Q3']) {
    for (const path of [`/timeline?from=${v}&to=${v}`, `/search?q=Gipfel&from=${v}`, `/api/timeline?from=${v}`, `/api/articles?from=${v}&to=${v}`, `/api/search?q=Gipfel&to=${v}`]) {
      assert.equal((await app.request(path)).status, 200, path);
    }
  }
});
