import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterMentions, consultMode, mergeMentions, mergedDate, otherParties, type MergeMention } from '../../src/resolve/events/merge.js';

const base: MergeMention = {
  articleId: 'a', idx: 0, type: 'CONSULT', mode: null, actors: ['Donald Trump'], recipients: ['Wladimir Putin'], place: null,
  dateValue: '2025-08-21', dateSource: 'text', status: 'asserted', published: '2025-08-22', originalId: 'a',
};
const m = (over: Partial<MergeMention>): MergeMention => ({ ...base, ...over });

test('dates at different precisions merge to the most precise consistent value', () => {
  const d = mergedDate([m({ dateValue: '2025-08' }), m({ dateValue: '2025-W34' }), m({ dateValue: '2025-08-21' })]);
  assert.equal(d.value, '2025-08-21');
  assert.equal(d.source, 'text');
  // A month-precision date alone stays a month: no day is made up.
  assert.equal(mergedDate([m({ dateValue: '2025-06' })]).value, '2025-06');
  // Without a text date the earliest publication date stands, marked as such.
  const p = mergedDate([m({ dateValue: '2025-08-22', dateSource: 'publication' }), m({ dateValue: '2025-08-23', dateSource: 'publication' })]);
  assert.deepEqual([p.value, p.source], ['2025-08-22', 'publication']);
});

test('a week from the text and an asserted report dated by its publication day in that week: the day, marked as a publication date', () => {
  // `Der Verband hatte vergangene Woche gefordert` and, published on the Tuesday of that week, `Der Verband hat gefordert`.
  const week = m({ dateValue: '2025-W10', published: '2025-03-10' });
  const tuesday = m({ dateValue: '2025-03-04', dateSource: 'publication', published: '2025-03-04' });
  assert.deepEqual(mergedDate([week, tuesday]), { value: '2025-03-04', source: 'publication', interval: { lo: '2025-03-03', hi: '2025-03-04' } });
  // Of several such reports the earliest: it had happened by then.
  assert.equal(mergedDate([m({ dateValue: '2025-03' }), m({ dateValue: '2025-03-12', dateSource: 'publication' }), m({ dateValue: '2025-03-05', dateSource: 'publication' })]).value, '2025-03-05');
  // A day the text gives stays, and so does a span the report's day lies outside of.
  assert.deepEqual([mergedDate([m({ dateValue: '2025-03-03' }), tuesday]).value, mergedDate([m({ dateValue: '2025-03-03' }), tuesday]).source], ['2025-03-03', 'text']);
  assert.equal(mergedDate([week, m({ dateValue: '2025-03-11', dateSource: 'publication' })]).value, '2025-W10');
  // A plan or a supposition dated by publication says nothing about the day it happens.
  assert.equal(mergedDate([week, m({ dateValue: '2025-03-04', dateSource: 'publication', status: 'planned' })]).value, '2025-W10');
});

test('one event from compatible mentions; a different day, place or pair of actors is another event', () => {
  const clusters = clusterMentions([
    m({ articleId: 'a', dateValue: '2025-08-21', place: 'Abu Dhabi' }),
    m({ articleId: 'b', originalId: 'b', dateValue: '2025-08', actors: ['Wladimir Putin'], recipients: ['Donald Trump'] }),
    m({ articleId: 'c', originalId: 'c', dateValue: '2025-08-22', dateSource: 'publication' }),
    m({ articleId: 'd', originalId: 'd', dateValue: '2025-07-08', mode: 'phone' }),
    m({ articleId: 'e', originalId: 'e', dateValue: '2025-08-21', place: 'Riad' }),
    m({ articleId: 'f', originalId: 'f', dateValue: '2025-08-21', actors: ['Emmanuel Macron'], recipients: ['Friedrich Merz'] }),
  ]);
  assert.deepEqual(clusters.map((c) => c.map((x) => x.articleId)), [['a', 'b', 'c'], ['d'], ['e'], ['f']]);
  const e = mergeMentions(clusters[0]!);
  assert.equal(e.date.value, '2025-08-21');
  assert.equal(e.place, 'Abu Dhabi');
  assert.deepEqual(e.actors, ['Donald Trump']);
  assert.deepEqual(e.recipients, ['Wladimir Putin']);
});

test('a meeting still planned on the day of a phone call is not that call; a planned call is', () => {
  // `Trump und Putin telefonierten am Dienstag. Ein Ort für einen Gipfel steht noch nicht fest.`
  const call = m({ articleId: 'a', dateValue: '2025-07-08', mode: 'phone', published: '2025-07-08' });
  const summit = m({ articleId: 'a', idx: 1, dateValue: '2025-07-08', dateSource: 'publication', status: 'planned', published: '2025-07-08' });
  const nextCall = m({ articleId: 'b', originalId: 'b', dateValue: '2025-07-08', dateSource: 'publication', status: 'planned', mode: 'phone', published: '2025-07-08' });
  const held = m({ articleId: 'c', originalId: 'c', dateValue: '2025-07-08', dateSource: 'publication', published: '2025-07-08' });
  const clusters = clusterMentions([call, summit, nextCall, held]);
  assert.deepEqual(clusters.map((c) => c.map((x) => `${x.articleId}${x.idx}`)), [['a0', 'b0', 'c0'], ['a1']]);
});

test('sources count originals only; status follows the latest reporting', () => {
  const e = mergeMentions([
    m({ articleId: 'a', originalId: 'a', status: 'planned', published: '2025-08-06' }),
    m({ articleId: 'a2', originalId: 'a', status: 'planned', published: '2025-08-07' }),
    m({ articleId: 'b', originalId: 'b', status: 'asserted', published: '2025-08-22' }),
  ]);
  assert.equal(e.sources, 2);
  assert.equal(e.mentions, 3);
  assert.equal(e.status, 'asserted');
  assert.equal(mergeMentions([m({ status: 'reported' })]).status, 'reported');
  // Two outlets attribute it to a speaker, one later outlet states it as fact: still reported.
  const said = (id: string, published: string): MergeMention => m({ articleId: id, originalId: id, status: 'reported', published });
  assert.equal(mergeMentions([said('r1', '2025-08-22'), said('r2', '2025-08-22'), m({ articleId: 's', originalId: 's', published: '2025-08-23' })]).status, 'reported');
  // As many own-voice sources as attributing ones: asserted.
  assert.equal(mergeMentions([said('r1', '2025-08-22'), m({ articleId: 's', originalId: 's', published: '2025-08-23' })]).status, 'asserted');
});

test('CONSULT mode from where the meeting was: third country → third-party, one side → visit', () => {
  const countries: Record<string, string[]> = { 'Abu Dhabi': ['AE'], Moskau: ['RU'], 'Donald Trump': ['US'], 'Wladimir Putin': ['RU'] };
  const c = (n: string): string[] => countries[n] ?? [];
  assert.equal(consultMode(null, 'Abu Dhabi', ['Donald Trump', 'Wladimir Putin'], c), 'third-party');
  assert.equal(consultMode(null, 'Moskau', ['Donald Trump', 'Wladimir Putin'], c), 'visit');
  assert.equal(consultMode('phone', 'Moskau', ['Donald Trump', 'Wladimir Putin'], c), 'phone');
  assert.equal(consultMode('visit', 'Abu Dhabi', ['Donald Trump', 'Wladimir Putin'], c), 'third-party');
  assert.equal(consultMode(null, null, ['Donald Trump'], c), null);
});

test('a meeting is its parties: one person meeting two different counterparts on one day is two meetings', () => {
  // `Lawrow traf am Montag in Ankara den türkischen Außenminister` and, the same day, `Lawrow telefonierte mit Ägyptens Außenminister`.
  const day = { dateValue: '2025-08-11', published: '2025-08-11' };
  const ankara = m({ articleId: 'a', originalId: 'a', ...day, actors: ['Sergej Lawrow'], recipients: ['Türkei'] });
  const kairo = m({ articleId: 'b', originalId: 'b', ...day, actors: ['Sergej Lawrow'], recipients: ['Ägypten'] });
  // `Der türkische Außenminister Fidan empfing Lawrow`: the Turkish side by its minister.
  const fidan = m({ articleId: 'c', originalId: 'c', ...day, actors: ['Hakan Fidan'], recipients: ['Sergej Lawrow'] });
  // `Lawrow reiste am Montag nach Ankara`: one side only, it may join.
  const alone = m({ articleId: 'd', originalId: 'd', ...day, actors: ['Sergej Lawrow'], recipients: [] });
  assert.deepEqual(clusterMentions([ankara, alone, kairo, fidan]).map((c) => c.map((x) => x.articleId)), [['a', 'd', 'c'], ['b']]);
});

test('a delegation member or a name written out more fully is the same meeting, not another', () => {
  // `Trump und Putin trafen sich`; `Putin empfing Trump und Außenminister Rubio`; `Donald Trump sprach von einem guten Treffen`.
  const summit = m({ articleId: 'a', originalId: 'a' });
  const delegation = m({ articleId: 'b', originalId: 'b', actors: ['Wladimir Putin'], recipients: ['Donald Trump', 'Marco Rubio'] });
  const trump = m({ articleId: 'c', originalId: 'c', actors: ['Donald Trump'], recipients: [] });
  assert.deepEqual(clusterMentions([summit, delegation, trump]).map((c) => c.map((x) => x.articleId)), [['a', 'b', 'c']]);
  // `Die USA und Russland verhandelten` and `Rubio und Lawrow verhandelten`: the ministers act for their states.
  const states = m({ articleId: 'd', originalId: 'd', dateValue: '2025-08-05', actors: ['Vereinigte Staaten'], recipients: ['Russland'] });
  const ministers = m({ articleId: 'e', originalId: 'e', dateValue: '2025-08-05', actors: ['Marco Rubio'], recipients: ['Sergej Lawrow'] });
  assert.equal(clusterMentions([states, ministers]).length, 1);
  // `Witkoff traf Lawrow und Uschakow` (an envoy and an adviser, no government office) with `Rubio und Lawrow`: the same two countries, one meeting.
  const envoys = m({ articleId: 'f', originalId: 'f', dateValue: '2025-08-05', actors: ['Steve Witkoff'], recipients: ['Sergej Lawrow', 'Juri Uschakow'] });
  assert.equal(clusterMentions([ministers, envoys]).length, 1);
});

test('other parties: two sets of parties that each name a side the other lacks', () => {
  // Two events on one day, as the consolidation of stored events compares them.
  assert.equal(otherParties(['Sergej Lawrow', 'Russland', 'Türkei'], ['Sergej Lawrow', 'Russland', 'Ägypten'], '2025-08-11'), true);
  assert.equal(otherParties(['Sergej Lawrow', 'Hakan Fidan'], ['Russland', 'Türkei'], '2025-08-11'), false);
  // A host added on one side only: the same summit.
  assert.equal(otherParties(['Donald Trump', 'Wladimir Putin'], ['Donald Trump', 'Wladimir Putin', 'Mohammed bin Zayed'], '2025-08-21'), false);
  // One side named, or a party the KB places in no country (`die EU`): no telling.
  assert.equal(otherParties(['Sergej Lawrow'], ['Sergej Lawrow', 'Ägypten'], '2025-08-11'), false);
  assert.equal(otherParties(['Sergej Lawrow', 'Europäische Union'], ['Sergej Lawrow', 'Türkei'], '2025-08-11'), false);
});
