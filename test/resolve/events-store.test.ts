import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEvents } from '../../src/analyze/events/finder.js';
import { insertArticle } from '../../src/store/articles.js';
import { listEvents } from '../../src/store/events.js';
import { mergeEvents } from '../../src/resolve/events/resolver.js';
import { eventsWriter } from '../../src/resolve/events/writer.js';
import { DRIVERS, freshStore } from '../helpers/db.js';
import { makeDoc } from './fixtures.js';

// Three outlets over two ingest batches report one phone call; a fourth reports a different one.
const reports: [string, string, string[], string[], string][] = [
  ['a1', 'US-Präsident Donald Trump hat am Dienstag mit Kremlchef Wladimir Putin telefoniert.', ['Donald Trump|PER', 'Wladimir Putin|PER'], ['am Dienstag|2025-07-08'], '2025-07-08'],
  ['a2', 'Putin und Trump telefonierten am 8. Juli mehr als zwei Stunden.', ['Putin|PER|Wladimir Putin', 'Trump|PER|Donald Trump'], ['am 8. Juli|2025-07-08'], '2025-07-09'],
  ['a3', 'Das Telefonat zwischen Trump und Putin im Juli war das erste seit Wochen.', ['Trump|PER|Donald Trump', 'Putin|PER|Wladimir Putin'], ['im Juli|2025-07'], '2025-07-20'],
  ['a4', 'Trump hat am Montag erneut mit Putin telefoniert.', ['Trump|PER|Donald Trump', 'Putin|PER|Wladimir Putin'], ['am Montag|2025-08-18'], '2025-08-19'],
];

for (const driver of DRIVERS) {
  test(`${driver}: mentions from several batches merge into one event with its sources; another date stays apart`, async () => {
    const { db, drop } = await freshStore(driver);
    try {
      for (const [n, [id, text, ents, tx, published]] of reports.entries()) {
        const doc = makeDoc(text, ents, tx, { id, published });
        doc.events = findEvents(doc);
        await db.transaction(async (t) => {
          await insertArticle(t, doc.article);
          await eventsWriter.write(t, doc);
        });
        // Batches: a1 | a2 a3 | a4
        if (n !== 1) await db.transaction((t) => mergeEvents(t));
      }
      const events = await listEvents(db, { type: 'CONSULT' });
      assert.equal(events.length, 2);
      const [july, august] = events;
      assert.deepEqual([july!.dateValue, july!.dateSource, july!.mode, july!.sources, july!.evidence.length], ['2025-07-08', 'text', 'phone', 3, 3]);
      assert.deepEqual([...july!.actors, ...july!.recipients].sort(), ['Donald Trump', 'Wladimir Putin']);
      assert.deepEqual([august!.dateValue, august!.sources], ['2025-08-18', 1]);
      assert.equal((await listEvents(db, { entity: 'putin', from: '2025-08' })).length, 1);
    } finally {
      await drop();
    }
  });
}
