import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedArticle, EventMention } from '../../src/model/index.js';
import type { Db } from '../../src/store/db.js';
import { insertArticle } from '../../src/store/articles.js';
import { listEvents } from '../../src/store/events.js';
import { mergeEvents } from '../../src/resolve/events/resolver.js';
import { eventsWriter } from '../../src/resolve/events/writer.js';
import { DRIVERS, freshStore } from '../helpers/db.js';
import { makeDoc } from './fixtures.js';

function talks(doc: AnalyzedArticle, trigger: string, actors: number[], date: string): EventMention {
  const at = doc.article.text.indexOf(trigger);
  return {
    type: 'CONSULT', mode: null, trigger: { start: at, end: at + trigger.length, text: trigger }, actors, recipients: [],
    place: 'Genf', date: { value: date, source: 'text' }, status: 'asserted', sentence: 0,
  };
}

async function batch(db: Db, doc: AnalyzedArticle): Promise<void> {
  await db.transaction(async (t) => {
    await insertArticle(t, doc.article);
    await eventsWriter.write(t, doc);
  });
  await db.transaction((t) => mergeEvents(t));
}

// A fragment (talks without participants) arrives before the report it belongs to, with an
// unrelated batch in between.
const fragment = makeDoc('Die Delegationen verhandelten am Mittwoch knapp zwei Stunden in Genf.', [], ['am Mittwoch|2025-07-16'], { id: 'frag', published: '2025-07-16' });
fragment.events = [talks(fragment, 'verhandelten', [], '2025-07-16')];
const other = makeDoc('Der Landesbauernverband hat am Dienstag Hilfen gefordert.', ['Landesbauernverband|ORG'], ['am Dienstag|2025-07-15'], { id: 'other', published: '2025-07-16' });
other.events = [{ ...talks(other, 'gefordert', [0], '2025-07-15'), type: 'REQUEST', place: null }];
const report = makeDoc('Russland und die Ukraine haben am Mittwoch in Genf verhandelt.', ['Russland|LOC', 'Ukraine|LOC'], ['am Mittwoch|2025-07-16'], { id: 'report', published: '2025-07-17' });
report.events = [talks(report, 'verhandelt', [0, 1], '2025-07-16')];

for (const driver of DRIVERS) {
  test(`${driver}: a fragment that fits nothing is set aside, and joins the event a later batch starts`, async () => {
    const { db, drop } = await freshStore(driver);
    try {
      await batch(db, fragment);
      const tried = async (): Promise<boolean[]> => (await db.query<{ merge_tried: boolean }>(
        "SELECT merge_tried FROM event_mentions WHERE article_id = 'frag'")).map((r) => r.merge_tried);
      assert.deepEqual(await tried(), [true]);
      assert.equal((await listEvents(db)).length, 0);
      await batch(db, other);
      await batch(db, report);
      const consult = await listEvents(db, { type: 'CONSULT' });
      assert.deepEqual(consult.map((e) => [e.evidence.map((x) => x.articleId).sort(), e.sources, e.place]), [[['frag', 'report'], 2, 'Genf']]);
      assert.deepEqual(await tried(), [false]);
    } finally {
      await drop();
    }
  });
}
