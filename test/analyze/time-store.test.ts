import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DRIVERS, freshStore } from '../helpers/db.js';
import { insertArticle } from '../../src/store/articles.js';
import { listTimexes, saveTimexes } from '../../src/store/timexes.js';
import { tagTimex } from '../../src/analyze/time/index.js';
import { analysisWriters } from '../../src/pipeline/hooks.js';
import '../../src/pipeline/register.js';
import type { Article } from '../../src/model/index.js';

const text = 'Am Donnerstag sagte sie, man habe fast drei Jahre verhandelt. Ab 2026 gilt das Gesetz.';
const article: Article = {
  id: 'time-store-1', origin: 'test', url: null, format: 'text', rawHash: 'r', encoding: 'utf-8', title: 'T',
  published: '2025-08-08', publishedRaw: '8. August 2025', author: null, source: null, agency: null, dateline: null,
  language: 'de', text, contentHash: 'c',
};

test('the timex writer is registered with the ingest pipeline', () => {
  assert.ok(analysisWriters.some((w) => w.name === 'timexes'));
});

for (const driver of DRIVERS) {
  test(`${driver}: time expressions round-trip with offsets, value, mod and anchor; re-saving replaces`, async () => {
    const { db, drop } = await freshStore(driver);
    try {
      await db.transaction(async (tx) => {
        await insertArticle(tx, article);
        await saveTimexes(tx, article.id, tagTimex(text, article.published));
      });
      const stored = await listTimexes(db, article.id);
      assert.deepEqual(stored.map((t) => [t.text, t.type, t.value, t.mod ?? null]), [
        ['Donnerstag', 'DATE', '2025-08-07', null],
        ['fast drei Jahre', 'DURATION', 'P3Y', 'LESS_THAN'],
        ['2026', 'DATE', '2026', null],
      ]);
      assert.equal(text.slice(stored[0]!.start, stored[0]!.end), 'Donnerstag');
      assert.equal(stored[0]!.anchor, '2025-08-08');
      assert.equal(stored[2]!.sentence, 1);
      await db.transaction((tx) => saveTimexes(tx, article.id, tagTimex('Heute nicht.', null)));
      assert.equal((await listTimexes(db, article.id)).length, 1);
      await db.query('DELETE FROM articles WHERE id = $1', [article.id]);
      assert.equal((await listTimexes(db, article.id)).length, 0, 'rows go with their article');
    } finally {
      await drop();
    }
  });
}
