import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterMentions, datesClash, FAR_DAYS, seedsEvent, type MergeMention } from '../../src/resolve/events/merge.js';
import { insertArticle } from '../../src/store/articles.js';
import { listEvents, saveMentions, type MentionInput } from '../../src/store/events.js';
import { mergeEvents } from '../../src/resolve/events/resolver.js';
import { DRIVERS, freshStore } from '../helpers/db.js';
import { makeArticle } from './fixtures.js';

const base: MergeMention = {
  articleId: 'a', idx: 0, type: 'AGREE', mode: null, actors: ['Donald Trump'], recipients: ['Wladimir Putin'], place: null,
  dateValue: '2025-07-08', dateSource: 'publication', status: 'asserted', published: '2025-07-08', originalId: 'a',
};
const m = (over: Partial<MergeMention>): MergeMention => ({ ...base, ...over, originalId: over.articleId ?? base.articleId });
const ids = (cs: MergeMention[][]): string[][] => cs.map((c) => c.map((x) => x.articleId));

test('a negated report does not merge with an asserted one of another day', () => {
  // An agreement on the 15th and, reported on the 21st, an agreement that did not come about: two events.
  assert.deepEqual(ids(clusterMentions([
    m({ articleId: 'a', dateValue: '2025-08-15', dateSource: 'text' }),
    m({ articleId: 'b', dateValue: '2025-08-21', status: 'negated', published: '2025-08-21' }),
    m({ articleId: 'c', dateValue: '2025-08-16', published: '2025-08-16' }),
  ])), [['a', 'c'], ['b']]);
  // Even when the intervals would allow it (a plan dated by publication reaches 60 days ahead).
  assert.equal(datesClash({ dateValue: '2025-08-20', dateSource: 'text', status: 'asserted' }, { dateValue: '2025-08-22', dateSource: 'text', status: 'negated' }), true);
  // The next day's report of the same day's failure is the same news.
  assert.equal(datesClash({ dateValue: '2025-08-21', dateSource: 'text', status: 'asserted' }, { dateValue: '2025-08-22', dateSource: 'publication', status: 'negated' }), false);
});

test('day-precise dates far apart do not merge, even when one is a publication date', () => {
  assert.deepEqual(ids(clusterMentions([
    m({ articleId: 'a', dateValue: '2025-07-08', dateSource: 'text' }),
    m({ articleId: 'b', dateValue: `2025-07-${String(8 + FAR_DAYS + 2).padStart(2, '0')}`, dateSource: 'publication' }),
    m({ articleId: 'c', dateValue: '2025-07-09', dateSource: 'publication' }),
  ])), [['a', 'c'], ['b']]);
  // A plan reported ahead of its date still joins the event.
  assert.equal(datesClash({ dateValue: '2025-07-20', dateSource: 'publication', status: 'planned' }, { dateValue: '2025-08-15', dateSource: 'text', status: 'asserted' }), false);
  // Coarser dates are left to the interval check.
  assert.equal(datesClash({ dateValue: '2025-07', dateSource: 'text', status: 'asserted' }, { dateValue: '2025-07-30', dateSource: 'text', status: 'negated' }), false);
});

test('fragments do not start events: no side at all, or one side of a meeting with no place and no text date', () => {
  assert.equal(seedsEvent(m({ type: 'CONSULT', actors: [], recipients: [], place: 'Genf', placeSource: 'text', dateSource: 'text' })), false);
  assert.equal(seedsEvent(m({ type: 'CONSULT', actors: ['Juri Uschakow'], recipients: [] })), false);
  assert.equal(seedsEvent(m({ type: 'CONSULT', actors: ['Juri Uschakow'], recipients: [], place: 'Genf', placeSource: 'text' })), true);
  assert.equal(seedsEvent(m({ type: 'CONSULT', actors: ['Juri Uschakow'], recipients: [], place: 'Genf', placeSource: 'dateline' })), false);
  assert.equal(seedsEvent(m({ type: 'REJECT', actors: ['Russland'], recipients: [] })), true);
  assert.equal(seedsEvent(m({})), true);
});

const mention = (idx: number, over: Partial<MentionInput>): MentionInput => ({
  idx, type: 'AGREE', mode: null, trigger: { start: 0, end: 4, text: 'einig' }, sentenceIndex: 0, sentence: 'x',
  actors: [{ name: 'Donald Trump', text: 'Trump', kbId: 'trump', type: 'PER' }],
  recipients: [{ name: 'Wladimir Putin', text: 'Putin', kbId: 'putin', type: 'PER' }],
  place: null, placeSource: null, dateValue: '2025-07-08', dateSource: 'publication', dateLo: null, dateHi: null,
  status: 'asserted', speaker: null, ...over,
});

for (const driver of DRIVERS) {
  test(`${driver}: the store-backed merge keeps the guards across batches`, async () => {
    const { db, drop } = await freshStore(driver);
    try {
      await db.transaction(async (t) => {
        await insertArticle(t, makeArticle('a1', 'Trump und Putin einigen sich.', { published: '2025-07-08' }));
        await saveMentions(t, 'a1', [mention(0, { dateValue: '2025-08-15', dateSource: 'text' })]);
      });
      await db.transaction((t) => mergeEvents(t));
      await db.transaction(async (t) => {
        await insertArticle(t, makeArticle('a2', 'Eine Einigung gab es nicht.', { published: '2025-08-21' }));
        await saveMentions(t, 'a2', [mention(0, { dateValue: '2025-08-21', status: 'negated' })]);
        await insertArticle(t, makeArticle('a3', 'Trump und Putin sind sich einig.', { published: '2025-08-16' }));
        await saveMentions(t, 'a3', [mention(0, { dateValue: '2025-08-16' })]);
      });
      await db.transaction((t) => mergeEvents(t));
      const events = await listEvents(db, { type: 'AGREE' });
      assert.deepEqual(events.map((e) => [e.dateValue, e.status, e.sources]), [['2025-08-15', 'asserted', 2], ['2025-08-21', 'negated', 1]]);
      // A fragment (place, no sides) ingested before its event joins it; one that fits nothing stays off the timeline.
      const nobody = { actors: [], recipients: [], type: 'CONSULT', dateValue: '2025-09-02', dateSource: 'text' as const };
      await db.transaction(async (t) => {
        await insertArticle(t, makeArticle('b1', 'Die Gespräche in Genf dauerten lange.', { published: '2025-09-02' }));
        await saveMentions(t, 'b1', [mention(0, { ...nobody, place: 'Genf', placeSource: 'text' }), mention(1, { ...nobody, place: 'Oslo', placeSource: 'text' })]);
        await insertArticle(t, makeArticle('b2', 'Trump und Putin trafen sich in Genf.', { published: '2025-09-02' }));
        await saveMentions(t, 'b2', [mention(0, { type: 'CONSULT', dateValue: '2025-09-02', dateSource: 'text', place: 'Genf', placeSource: 'text' })]);
      });
      await db.transaction((t) => mergeEvents(t));
      const meetings = await listEvents(db, { type: 'CONSULT' });
      assert.deepEqual(meetings.map((e) => [e.place, e.evidence.map((x) => x.articleId).sort()]), [['Genf', ['b1', 'b2']]]);
    } finally {
      await drop();
    }
  });
}
