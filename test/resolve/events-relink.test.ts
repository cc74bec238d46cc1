import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedArticle, EventMention } from '../../src/model/index.js';
import type { Db } from '../../src/store/db.js';
import { insertArticle } from '../../src/store/articles.js';
import { listEvents } from '../../src/store/events.js';
import { entitiesResolver, entitiesWriter } from '../../src/resolve/entities/resolver.js';
import { eventsResolver, rebuildEvents } from '../../src/resolve/events/resolver.js';
import { eventsWriter } from '../../src/resolve/events/writer.js';
import { DRIVERS, freshStore } from '../helpers/db.js';
import { makeDoc } from './fixtures.js';

/** A demand by the first entity mention of the article (the extractor is not under test here). */
function demand(doc: AnalyzedArticle, trigger: string, date: string): EventMention {
  const at = doc.article.text.indexOf(trigger);
  return {
    type: 'REQUEST', mode: null, trigger: { start: at, end: at + trigger.length, text: trigger }, actors: [0], recipients: [],
    place: null, date: { value: date, source: 'text' }, status: 'asserted', sentence: 0,
  };
}

/** One ingest batch as the pipeline runs it: writers per article, then the corpus resolvers in order. */
async function batch(db: Db, docs: AnalyzedArticle[]): Promise<void> {
  for (const doc of docs) {
    await db.transaction(async (t) => {
      await insertArticle(t, doc.article);
      await entitiesWriter.write(t, doc);
      await eventsWriter.write(t, doc);
    });
  }
  const ctx = { newArticleIds: docs.map((d) => d.article.id), progress: () => {} };
  await entitiesResolver.run(db, ctx);
  await eventsResolver.run(db, ctx);
}

// A person without a knowledge-base entry, named by surname first and in full only in a later batch.
const early = makeDoc('Die Ministerin Kowalczyk hat am Montag Hilfen für die Landwirte gefordert.', ['Kowalczyk|PER'], [], { id: 'early', published: '2025-07-15' });
early.events = [demand(early, 'gefordert', '2025-07-14')];
const late = makeDoc('Die polnische Agrarministerin Anna Kowalczyk hat am Montag schnelle Hilfen für Landwirte gefordert.', ['Anna Kowalczyk|PER'], [], { id: 'late', published: '2025-07-16' });
late.events = [demand(late, 'gefordert', '2025-07-14')];

for (const driver of DRIVERS) {
  test(`${driver}: a surname linked to the full name by a later batch: the events follow, under the full name, merged`, async () => {
    const { db, drop } = await freshStore(driver);
    try {
      await batch(db, [early]);
      assert.deepEqual((await listEvents(db)).map((e) => e.actors), [['Kowalczyk']]);
      await batch(db, [late]);
      const events = await listEvents(db);
      assert.deepEqual(events.map((e) => [e.actors, e.sources, e.evidence.length]), [[['Anna Kowalczyk'], 2, 2]]);
      // The batch command gives the same events.
      assert.deepEqual(await rebuildEvents(db), { mentions: 2, events: 1 });
      assert.deepEqual((await listEvents(db)).map((e) => [e.actors, e.sources]), [[['Anna Kowalczyk'], 2]]);
    } finally {
      await drop();
    }
  });
}
