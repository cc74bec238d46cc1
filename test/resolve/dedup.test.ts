import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signature, similarity, bandHashes } from '../../src/resolve/dedup/minhash.js';
import { DEDUP_DEFAULTS, MemoryIndex, checkAndAdd } from '../../src/resolve/dedup/detect.js';
import { resolveNearDuplicates } from '../../src/resolve/dedup/resolver.js';
import { duplicatesOf } from '../../src/store/dedup.js';
import { insertArticle } from '../../src/store/articles.js';
import { DRIVERS, freshStore } from '../helpers/db.js';
import { makeArticle } from './fixtures.js';

const WIRE = [
  'Die Außenminister der beiden Länder haben sich am Donnerstag in Genf zu Gesprächen über eine Waffenruhe getroffen.',
  'Nach Angaben aus Delegationskreisen dauerte das Treffen mehr als vier Stunden und verlief in sachlicher Atmosphäre.',
  'Beide Seiten vereinbarten, die Gespräche in der kommenden Woche auf der Ebene der Fachleute fortzusetzen.',
  'Ein Sprecher des Ministeriums sagte, man sei vorsichtig optimistisch, dass eine Einigung über den Gefangenenaustausch möglich sei.',
  'Offen blieb zunächst, ob auch Vertreter der Vereinten Nationen an den weiteren Runden teilnehmen werden.',
  'Beobachter werteten das Treffen als ersten Schritt nach monatelangem Stillstand in den diplomatischen Beziehungen.',
].join(' ');
const REPRINT = `Genf. ${WIRE.replace('mehr als vier Stunden', 'über vier Stunden')} Lesen Sie auch unseren Kommentar zum Thema auf Seite drei.`;
const OTHER = [
  'Der Stadtrat hat am Abend den Haushalt für das kommende Jahr mit knapper Mehrheit beschlossen.',
  'Die Opposition kritisierte vor allem die geplanten Kürzungen bei den Zuschüssen für Sportvereine und Bibliotheken.',
  'Der Kämmerer verteidigte den Sparkurs und verwies auf die gestiegenen Kosten für Energie und Personal.',
  'Über die Sanierung des Hallenbads soll im Frühjahr gesondert beraten werden, hieß es aus dem Rathaus.',
].join(' ');

test('signatures: identical texts agree, case and punctuation are ignored, unrelated texts do not', () => {
  const a = signature(WIRE)!;
  assert.equal(similarity(a, signature(WIRE.toLowerCase().replace(/,/g, ''))!), 1);
  assert.ok(similarity(a, signature(REPRINT)!) > 0.6);
  assert.ok(similarity(a, signature(OTHER)!) < 0.1);
  assert.equal(signature('  ...  '), null);
  assert.equal(bandHashes(a, DEDUP_DEFAULTS.bandRows).length, DEDUP_DEFAULTS.bins / DEDUP_DEFAULTS.bandRows);
});

test('memory index: the reprint matches the first-seen original, the unrelated text does not', async () => {
  const index = new MemoryIndex();
  assert.equal(await checkAndAdd(index, 'a', WIRE), null);
  assert.equal(await checkAndAdd(index, 'c', OTHER), null);
  const m = await checkAndAdd(index, 'b', REPRINT);
  assert.equal(m?.originalId, 'a');
  // A reprint of the reprint still points at the first original.
  const m2 = await checkAndAdd(index, 'd', `${REPRINT} Alle Rechte vorbehalten.`);
  assert.equal(m2?.originalId, 'a');
});

for (const driver of DRIVERS) {
  test(`${driver}: resolver marks near-duplicates in ingest order and is idempotent`, async () => {
    const { db, drop } = await freshStore(driver);
    try {
      for (const [id, text] of [['orig', WIRE], ['other', OTHER], ['re1', REPRINT], ['re2', `${REPRINT} Alle Rechte vorbehalten.`]] as const) {
        await insertArticle(db, makeArticle(id, text));
      }
      const ctx = { newArticleIds: ['orig', 'other', 're1', 're2'], progress: () => {} };
      assert.equal(await resolveNearDuplicates(db, ctx), 2);
      assert.equal(await resolveNearDuplicates(db, ctx), 0);
      const info = await duplicatesOf(db, 'orig');
      assert.deepEqual(info.duplicates.map((d) => d.id).sort(), ['re1', 're2']);
      assert.ok(info.duplicates.every((d) => d.kind === 'near' && (d.score ?? 0) > 0.3));
      assert.equal((await duplicatesOf(db, 'other')).duplicates.length, 0);
      assert.equal((await duplicatesOf(db, 're2')).duplicateOf?.id, 'orig');
    } finally {
      await drop();
    }
  });
}
