import { test } from 'node:test';
import assert from 'node:assert/strict';
import { officeLinks } from '../../src/resolve/events/actors.js';
import { clusterMentions, mergeMentions, type MergeMention } from '../../src/resolve/events/merge.js';
import { mergeEvents } from '../../src/resolve/events/resolver.js';
import { insertArticle } from '../../src/store/articles.js';
import { listEvents, saveMentions, type MentionInput } from '../../src/store/events.js';
import { DRIVERS, freshStore } from '../helpers/db.js';
import { makeArticle } from './fixtures.js';

// Members of a government act for it (KB: Hanka Mittelstädt, Brandenburg's agriculture minister
// from December 2024; Sergej Lawrow, Russia's foreign minister).
const base: MergeMention = {
  articleId: 'a', idx: 0, type: 'AID', mode: null, actors: ['Brandenburg'], recipients: [], place: null,
  dateValue: '2025-03-03', dateSource: 'publication', status: 'planned', published: '2025-03-03', originalId: 'a',
};
const m = (over: Partial<MergeMention>): MergeMention => ({ ...base, ...over, originalId: over.articleId ?? base.articleId });
const ids = (cs: MergeMention[][]): string[][] => cs.map((c) => c.map((x) => x.articleId));
const minister = { actors: ['Hanka Mittelstädt'], dateSource: 'text' as const };
const talks = (articleId: string, actors: string[], recipients: string[]): MergeMention => m({ articleId, type: 'CONSULT', actors, recipients, dateSource: 'text' });

test('the KB links a government member and the state on a day they held the office, not before', () => {
  assert.deepEqual(officeLinks('Hanka Mittelstädt', '2025-03-03'), ['Brandenburg']);
  assert.ok(officeLinks('Brandenburg', '2025-03-03').includes('Hanka Mittelstädt'));
  assert.deepEqual(officeLinks('Hanka Mittelstädt', '2024-06-01'), []);
});

test('a minister and her state on the same day are one actor: one event, both kept as actors', () => {
  // `Die Landesregierung will Winzern helfen` and, the next day, `die Hilfe, die Ministerin Mittelstädt am Montag angekündigt hatte`.
  const clusters = clusterMentions([m({ articleId: 'a' }), m({ articleId: 'b', ...minister, published: '2025-03-04' })]);
  assert.deepEqual(ids(clusters), [['a', 'b']]);
  assert.deepEqual(mergeMentions(clusters[0]!).actors, ['Brandenburg', 'Hanka Mittelstädt']);
  // Symmetric types: the foreign ministers' talks are their states' talks.
  assert.deepEqual(ids(clusterMentions([talks('c', ['Russland'], ['Türkei']), talks('d', ['Sergej Lawrow'], ['Hakan Fidan'])])), [['c', 'd']]);
});

test("a minister's other acts do not join her state's events: another type, day, recipient, or before she held office", () => {
  // Another type on the same day.
  assert.deepEqual(ids(clusterMentions([m({ articleId: 'a' }), m({ articleId: 'b', ...minister, type: 'ACCUSE' })])), [['a'], ['b']]);
  // Days apart, though the state's report, dated by publication only, could reach back to hers.
  assert.deepEqual(ids(clusterMentions([m({ articleId: 'a', dateValue: '2025-03-06', published: '2025-03-06' }), m({ articleId: 'b', ...minister })])), [['a'], ['b']]);
  // Talks of the minister with another party.
  assert.deepEqual(ids(clusterMentions([talks('c', ['Russland'], ['Türkei']), talks('e', ['Sergej Lawrow'], ['Ägypten'])])), [['c'], ['e']]);
  // A demand towards someone else.
  assert.deepEqual(ids(clusterMentions([
    m({ articleId: 'a', type: 'REQUEST', recipients: ['Bundesregierung'] }),
    m({ articleId: 'b', ...minister, type: 'REQUEST', recipients: ['Europäische Union'] }),
  ])), [['a'], ['b']]);
  // Before she held the office.
  assert.deepEqual(ids(clusterMentions([
    m({ articleId: 'a', dateValue: '2024-06-03', published: '2024-06-03' }),
    m({ articleId: 'b', ...minister, dateValue: '2024-06-03', published: '2024-06-04' }),
  ])), [['a'], ['b']]);
});

const mention = (over: Partial<MentionInput>): MentionInput => ({
  idx: 0, type: 'AID', mode: null, trigger: { start: 0, end: 5, text: 'Hilfe' }, sentenceIndex: 0, sentence: 'x',
  actors: [{ name: 'Brandenburg', text: 'Landesregierung', kbId: 'place:de-bb', type: 'LOC' }], recipients: [],
  place: null, placeSource: null, dateValue: '2025-03-03', dateSource: 'publication', dateLo: null, dateHi: null,
  status: 'planned', speaker: null, ...over,
});

for (const driver of DRIVERS) {
  test(`${driver}: a minister's announcement ingested after her state's joins its event across batches`, async () => {
    const { db, drop } = await freshStore(driver);
    try {
      await db.transaction(async (t) => {
        await insertArticle(t, makeArticle('s1', 'Die Landesregierung will Winzern helfen.', { published: '2025-03-03' }));
        await saveMentions(t, 's1', [mention({})]);
      });
      await db.transaction((t) => mergeEvents(t));
      await db.transaction(async (t) => {
        await insertArticle(t, makeArticle('s2', 'Die Hilfe, die Ministerin Mittelstädt am Montag angekündigt hatte, reicht nicht.', { published: '2025-03-04' }));
        await saveMentions(t, 's2', [mention({
          actors: [{ name: 'Hanka Mittelstädt', text: 'Mittelstädt', kbId: 'hanka-mittelstaedt', type: 'PER' }], dateSource: 'text',
        })]);
      });
      await db.transaction((t) => mergeEvents(t));
      const events = await listEvents(db, { type: 'AID' });
      assert.deepEqual(events.map((e) => [e.actors, e.sources]), [[['Brandenburg', 'Hanka Mittelstädt'], 2]]);
    } finally {
      await drop();
    }
  });
}
