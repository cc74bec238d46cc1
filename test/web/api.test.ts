import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ingestDocuments } from '../../src/pipeline/documents.js';
import { createApp } from '../../src/serve/app.js';
import { openapi } from '../../src/serve/openapi.js';
import { setIngestDocuments } from '../../src/serve/write.js';
import { freshStore } from '../helpers/db.js';

// One empty store: every page must say what to do, every documented route must answer.
let store: Awaited<ReturnType<typeof freshStore>>;

before(async () => {
  store = await freshStore('pglite');
});
after(async () => {
  await store?.drop();
});

test('every page of an empty store shows an empty state that says how to ingest', async () => {
  const app = createApp(store.db);
  for (const path of ['/', '/timeline', '/entities', '/articles', '/stories', '/search?q=Gipfel']) {
    const res = await app.request(path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const body = await res.text();
    assert.match(body, /chronik ingest/, `${path} tells how to ingest`);
    assert.match(body, /chronik demo/, `${path} mentions the demo`);
  }
  for (const path of ['/articles/nope', '/stories/nope', '/entities/nope', '/events/nope']) {
    const res = await app.request(path);
    assert.equal(res.status, 404, path);
    assert.match(await res.text(), /nicht gefunden/);
  }
});

test('every path in the OpenAPI document answers (GET) without a server error', async () => {
  const app = createApp(store.db);
  const doc = (await (await app.request('/api/openapi.json')).json()) as typeof openapi;
  assert.equal(doc.openapi, '3.1.0');
  const paths = Object.entries(doc.paths) as [string, Record<string, unknown>][];
  assert.ok(paths.length >= 10);
  for (const [path, ops] of paths) {
    if (!ops.get) continue;
    const url = path.replace(/\{[^}]+\}/g, 'x') + (path.includes('search') ? '?q=Gipfel' : '');
    const res = await app.request(url);
    assert.ok([200, 404].includes(res.status), `${url} → ${res.status}`);
    assert.match(res.headers.get('content-type') ?? '', /json/, url);
    if (!path.includes('{')) assert.equal(res.status, 200, url);
  }
});

test('the API is read-only unless started with --allow-write and a token', async () => {
  const readOnly = createApp(store.db);
  const body = JSON.stringify({ documents: [{ text: 'Berlin - Ein Test.', title: 'Test' }] });
  const post = (app: ReturnType<typeof createApp>, auth?: string) =>
    app.request('/api/ingest', { method: 'POST', body, headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) } });
  assert.equal((await post(readOnly, 'Bearer s3cret')).status, 404);
  assert.throws(() => createApp(store.db, { allowWrite: true }), /token/);

  setIngestDocuments((db, docs) => ingestDocuments(db, docs));
  const writable = createApp(store.db, { allowWrite: true, token: 's3cret' });
  assert.equal((await post(writable)).status, 401);
  assert.equal((await post(writable, 'Bearer wrong')).status, 401);
  const ok = await post(writable, 'Bearer s3cret');
  assert.equal(ok.status, 200);
  const summary = (await ok.json()) as { new: number };
  assert.equal(summary.new, 1);
  const [n] = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
  assert.equal(n?.n, 1);
});
