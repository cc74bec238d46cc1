import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analysisWriters } from '../../src/pipeline/hooks.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { ingestDocuments } from '../../src/pipeline/documents.js';
import { countInputFiles } from '../../src/pipeline/estimate.js';
import { countArticles, getArticle, listArticles } from '../../src/store/articles.js';
import type { Db } from '../../src/store/db.js';
import { DRIVERS, freshStore } from '../helpers/db.js';

const ARTICLE_1 = `Delegationen verhandeln in Riad weiter
8. August 2025
Von Anna Beispiel

Riad - Die Delegationen aus Washington und Moskau haben am Freitag ihre Gespräche in Riad fortgesetzt.
Ein Sprecher sagte, man sei einer Einigung über einen Gipfel näher gekommen.

Beide Seiten wollen in der kommenden Woche erneut zusammenkommen.
`;
const ARTICLE_2 = `Gefangenenaustausch in Istanbul vereinbart
2025-07-16

Istanbul - Russland und die Ukraine haben bei direkten Gesprächen in Istanbul einen weiteren
Austausch von Gefangenen vereinbart. Beide Seiten sollen je mehrere hundert Gefangene übergeben.
`;
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Testblatt</title><link>https://testblatt.example/</link>
<item><title>Gipfel in Abu Dhabi angekündigt</title><link>https://testblatt.example/gipfel</link>
<pubDate>Tue, 05 Aug 2025 10:00:00 GMT</pubDate>
<description>Die Präsidenten wollen sich Mitte August in Abu Dhabi treffen, teilte das Präsidialamt mit. Ort und Ablauf des Treffens würden in den kommenden Tagen festgelegt.</description></item>
<item><title>Sanktionen ausgesetzt</title><link>https://testblatt.example/sanktionen</link>
<pubDate>Fri, 08 Aug 2025 09:00:00 GMT</pubDate>
<description>Die angedrohten Sanktionen werden vorerst nicht verhängt, sagte ein Regierungssprecher am Freitag in Washington.</description></item>
</channel></rss>`;

function corpusDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chronik-ingest-'));
  writeFileSync(join(dir, 'riad.txt'), ARTICLE_1);
  writeFileSync(join(dir, 'istanbul.txt'), ARTICLE_2);
  copyFileSync(join(dir, 'riad.txt'), join(dir, 'riad-nachdruck.txt')); // same article, other file
  // The same wire text under two URLs: two articles, the second an exact duplicate of the first.
  const wire = 'Berlin (dpa) - Die Bundesregierung begrüßt die Einigung auf einen Gefangenenaustausch zwischen Moskau und Kiew ausdrücklich.';
  writeFileSync(join(dir, 'wire.jsonl'), [
    JSON.stringify({ text: wire, title: 'Berlin begrüßt Einigung', url: 'https://blatt-eins.example/a', published: '2025-07-17' }),
    JSON.stringify({ text: wire, title: 'Regierung lobt Austausch', url: 'https://blatt-zwei.example/b', published: '2025-07-17' }),
  ].join('\n'));
  writeFileSync(join(dir, 'feed.xml'), FEED);
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.bin'), Buffer.from([0, 1, 2, 3, 255, 0, 0, 17, 200, 0, 0, 0, 4, 9, 0, 0]));
  writeFileSync(join(dir, 'broken.jsonl'), '{"text": "unterbrochen\n');
  return dir;
}

for (const driver of DRIVERS) {
  describe(`${driver}: ingest`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let dir: string;
    before(async () => {
      ({ db, drop } = await freshStore(driver));
      dir = corpusDir();
    });
    after(async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('good inputs go in, bad ones are reported, the batch goes on', async () => {
      const missing = join(dir, 'does-not-exist.txt');
      const s = await ingest(db, [dir, missing], { batchSize: 2 });
      assert.equal(s.new, 5, JSON.stringify(s));
      assert.equal(s.duplicates, 2);
      assert.equal(s.unchanged, 0);
      const failedOrigins = s.failures.map((f) => f.origin);
      for (const bad of ['empty.txt', 'binary.bin', 'broken.jsonl', 'does-not-exist.txt']) {
        assert.ok(failedOrigins.some((o) => o.endsWith(bad)), `${bad} reported: ${failedOrigins.join(', ')}`);
      }
      assert.equal(s.failed, s.failures.length);
      assert.ok(s.failures.every((f) => f.reason.length > 0 && !f.reason.includes('\n')));
      assert.equal(s.read, s.new + s.duplicates + s.unchanged + s.failed);
      assert.equal(await countArticles(db), 6);

      const rows = await listArticles(db, { limit: 10 });
      // The copied file is the same article, seen at both origins.
      const riad = rows.find((r) => r.title === 'Delegationen verhandeln in Riad weiter');
      const orig = await getArticle(db, riad?.id ?? '');
      assert.deepEqual(
        orig?.origins.map((o) => o.origin.split('/').pop()).sort(),
        ['riad-nachdruck.txt', 'riad.txt'],
      );
      // The wire text under a second URL is its own row, marked as exact duplicate.
      const first = rows.find((r) => r.title === 'Berlin begrüßt Einigung');
      const second = rows.find((r) => r.title === 'Regierung lobt Austausch');
      assert.ok(first && second);
      assert.equal(first.duplicateOf, null);
      assert.equal(second.duplicateOf, first.id);
      const firstFull = await getArticle(db, first.id);
      assert.equal(firstFull?.duplicates[0]?.id, second.id);
      assert.equal(firstFull?.origins.length, 2);
      const feedItem = rows.find((r) => r.title === 'Gipfel in Abu Dhabi angekündigt');
      assert.ok(feedItem?.origin.includes('feed.xml#'));
    });

    test('a second ingest of the same inputs changes nothing', async () => {
      const before = await listArticles(db, { limit: 100, order: 'ingested' });
      const s = await ingest(db, [dir], { batchSize: 3 });
      assert.equal(s.new, 0);
      assert.equal(s.duplicates, 0);
      assert.equal(s.unchanged, 7);
      assert.deepEqual(await listArticles(db, { limit: 100, order: 'ingested' }), before);
    });

    test('a failing analysis writer fails only its own article', async () => {
      const doomed = 'Ein Artikel, dessen Analyse sich nicht speichern lässt, weil der Schreiber scheitert.';
      const writer = {
        name: 'test-failing-writer',
        async write(_tx: unknown, doc: { article: { text: string } }): Promise<void> {
          if (doc.article.text.includes('nicht speichern')) throw new Error('writer refused\nsecond line');
        },
      };
      analysisWriters.push(writer);
      try {
        const s = await ingestDocuments(db, [
          { text: 'Die Waffenruhe hält seit drei Tagen, berichten Beobachter aus der Region.', title: 'Waffenruhe hält' },
          { text: doomed, title: 'Scheitert' },
          { text: 'Die Außenminister treffen sich am Montag in Genf zu neuen Gesprächen.', title: 'Treffen in Genf' },
        ]);
        assert.equal(s.new, 2, JSON.stringify(s));
        assert.equal(s.failed, 1);
        assert.equal(s.failures[0]?.reason, 'store: writer refused');
        const titles = (await listArticles(db, { limit: 100 })).map((a) => a.title);
        assert.ok(titles.includes('Waffenruhe hält') && titles.includes('Treffen in Genf'));
        assert.ok(!titles.includes('Scheitert'), 'the failed article was rolled back');
      } finally {
        analysisWriters.splice(analysisWriters.indexOf(writer), 1);
      }
    });
  });
}

test('worker threads give the same articles as inline analysis', async () => {
  const dir = corpusDir();
  const a = await freshStore('pglite');
  const b = await freshStore('pglite');
  try {
    const inline = await ingest(a.db, [dir], { workers: 0 });
    const threaded = await ingest(b.db, [dir], { workers: 2 });
    assert.deepEqual({ ...threaded, seconds: 0 }, { ...inline, seconds: 0 });
    const strip = (rows: { origin: string }[]) => rows.map((r) => ({ ...r }));
    assert.deepEqual(strip(await listArticles(b.db, { order: 'ingested' })), strip(await listArticles(a.db, { order: 'ingested' })));
  } finally {
    await a.drop();
    await b.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('countInputFiles counts files in directories and globs', async () => {
  const dir = corpusDir();
  try {
    assert.equal(await countInputFiles([dir]), 8);
    assert.equal(await countInputFiles([join(dir, '*.txt'), '-', 'https://example.org/feed']), 6);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
