import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insertArticle } from '../../src/store/articles.js';
import { listEvents, upsertEvent, type EventRow } from '../../src/store/events.js';
import { kbNames } from '../../src/store/entity-filter.js';
import { DRIVERS, freshStore } from '../helpers/db.js';
import { makeArticle } from './fixtures.js';

// Events as the merger stores them: the date interval (date_lo/date_hi) is the merge-compatibility
// window, wide for an event dated only by its article's publication.
const ev = (id: string, dateValue: string | null, dateSource: 'text' | 'publication', lo: string | null, hi: string | null,
  actors: string[], recipients: string[] = []): EventRow => ({
  id, type: 'CONSULT', mode: null, dateValue, dateSource, dateLo: lo, dateHi: hi, status: 'asserted', place: null,
  actors, recipients, sources: 1, mentions: 1,
});
const EVENTS = [
  ev('e-in', '2025-08-05', 'text', '2025-08-05', '2025-08-05', ['Wladimir Putin'], ['Wolodymyr Selenskyj']),
  ev('e-pub-before', '2025-07-16', 'publication', '2025-06-16', '2025-08-20', ['Donald Trump']),
  ev('e-pub-after', '2025-08-12', 'publication', '2025-07-12', '2025-08-12', ['Wolodymyr Selenskyj']),
  ev('e-undated', null, 'publication', null, null, ['Dmitri Peskow']),
  ev('e-week', '2025-W32', 'text', '2025-08-04', '2025-08-10', ['Russland'], ['Ukraine']),
];

for (const driver of DRIVERS) {
  test(`${driver}: date ranges and entity spellings filter the timeline`, async () => {
    const { db, drop } = await freshStore(driver);
    try {
      await db.transaction(async (t) => {
        await insertArticle(t, makeArticle('a1', 'Der Kreml und Selensky.'));
        for (const e of EVENTS) await upsertEvent(t, e);
        await t.query(`INSERT INTO entities (id, name, type, kb_id, link_key) VALUES
          ('kb:zelensky', 'Wolodymyr Selenskyj', 'PER', 'zelensky', 'selenskyj'), ('kb:RU', 'Russland', 'LOC', 'RU', 'russland'),
          ('kb:kremlin', 'Kreml', 'ORG', 'kremlin', 'kreml')`);
        await t.query(`INSERT INTO entity_aliases (entity_id, alias) VALUES ('kb:zelensky', 'Selensky'), ('kb:kremlin', 'Kreml')`);
        await t.query(`INSERT INTO mentions (article_id, idx, start, "end", text, normalized, type, sentence, metonym, entity_id, stands_for)
          VALUES ('a1', 0, 4, 9, 'Kreml', 'Kreml', 'ORG', 0, true, 'kb:kremlin', 'kb:RU')`);
      });
      const ids = async (f: Parameters<typeof listEvents>[1]): Promise<string[]> => (await listEvents(db, f)).map((e) => e.id).sort();
      // Publication-dated events outside the range and undated events are left out.
      assert.deepEqual(await ids({ from: '2025-08-01', to: '2025-08-10' }), ['e-in', 'e-week']);
      assert.deepEqual(await ids({ from: '2025-08-11' }), ['e-pub-after']);
      assert.deepEqual(await ids({ to: '2025-07' }), ['e-pub-before']);
      assert.deepEqual(await ids({ from: '2025-08-09', to: '2025-08-09' }), ['e-week']);
      assert.equal((await ids({})).length, EVENTS.length);
      // A spelling resolves to its entity; a metonym to what it stands for.
      assert.deepEqual(await ids({ entity: 'Selensky' }), ['e-in', 'e-pub-after']);
      assert.deepEqual(await ids({ entity: 'wolodymyr selenskyj' }), ['e-in', 'e-pub-after']);
      assert.deepEqual(await ids({ entity: 'Kreml' }), ['e-week']);
      assert.deepEqual(await ids({ entity: 'Moskau' }), ['e-week']);
      assert.deepEqual(await ids({ entity: 'Niemand' }), []);
    } finally {
      await drop();
    }
  });
}

test('kbNames: knowledge-base spellings and metonyms', () => {
  assert.ok(kbNames('Selensky').includes('Wolodymyr Selenskyj'));
  assert.ok(kbNames('Washington').includes('Vereinigte Staaten'));
  assert.deepEqual(kbNames('Xyzzy'), []);
});
