import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Article } from '../../src/model/index.js';
import { createApp, startServer } from '../../src/serve/app.js';
import { insertArticles } from '../../src/store/articles.js';
import type { Db } from '../../src/store/db.js';
import { freshStore } from '../helpers/db.js';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
function art(id: string, title: string, text: string, published: string | null): Article {
  return {
    id, origin: `/in/${id}.txt`, url: null, format: 'text', rawHash: sha(id), encoding: 'utf-8', title, published,
    publishedRaw: published, author: null, source: 'Testblatt', agency: null, dateline: null, language: 'de', text,
    contentHash: sha(text),
  };
}

let db: Db;
let drop: () => Promise<void>;
before(async () => {
  ({ db, drop } = await freshStore('postgres'));
  await db.transaction((tx) => insertArticles(tx, [
    art('x1', 'Telefonat der Präsidenten', 'Die Präsidenten führten ein langes Gespräch am Telefon.', '2025-07-08'),
    art('x2', 'Gipfel vereinbart', 'Nach Gesprächen in Riad wurde ein Gipfel vereinbart.', '2025-08-05'),
    art('x3', 'Ohne Datum', 'Ein Text über <script>alert(1)</script> Sicherheit.', null),
  ]));
});
after(() => drop());

test('GET /api/articles lists newest first with a total, and paginates', async () => {
  const app = createApp(db);
  const res = await app.request('/api/articles?limit=2');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('x-total-count'), '3');
  const rows = (await res.json()) as { id: string }[];
  assert.deepEqual(rows.map((r) => r.id), ['x2', 'x1']);
  const page2 = (await (await app.request('/api/articles?limit=2&offset=2')).json()) as { id: string }[];
  assert.deepEqual(page2.map((r) => r.id), ['x3']);
  const bad = await app.request('/api/articles?limit=-1');
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: string }).error, /limit/);
});

test('GET /api/articles/:id returns the article or a JSON 404', async () => {
  const app = createApp(db);
  const ok = (await (await app.request('/api/articles/x3')).json()) as { text: string };
  assert.equal(ok.text, 'Ein Text über <script>alert(1)</script> Sicherheit.');
  const missing = await app.request('/api/articles/zzz');
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), { error: 'article not found' });
});

test('GET /api/search ranks stemmed hits; q is required; the API is read-only', async () => {
  const app = createApp(db);
  const res = (await (await app.request(`/api/search?q=${encodeURIComponent('Gespräche')}&limit=1`)).json()) as {
    total: number; hits: { id: string; snippet: string }[];
  };
  assert.equal(res.total, 2);
  assert.equal(res.hits.length, 1);
  assert.equal((await app.request('/api/search')).status, 400);
  const del = await app.request('/api/articles/x1', { method: 'DELETE' });
  assert.ok(del.status >= 400);
  assert.equal((await app.request('/api/articles/x1')).status, 200);
});

test('startServer binds 127.0.0.1 by default and serves the API', async () => {
  const server = await startServer(db, { port: 0 });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(`${server.url}api/articles/x1`);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { title: string }).title, 'Telefonat der Präsidenten');
  } finally {
    await server.close();
  }
});
