import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedArticle, EventMention } from '../../src/model/index.js';
import { insertArticle } from '../../src/store/articles.js';
import { listEvents } from '../../src/store/events.js';
import { placesAgree } from '../../src/resolve/events/actors.js';
import { clusterMentions, mergedPlace, type MergeMention } from '../../src/resolve/events/merge.js';
import { mergeEvents } from '../../src/resolve/events/resolver.js';
import { eventsWriter, mentionInputs } from '../../src/resolve/events/writer.js';
import { DRIVERS, freshStore } from '../helpers/db.js';
import { makeDoc } from './fixtures.js';

test('a country and a place in it agree; two places, or two countries, do not', () => {
  assert.ok(placesAgree('Saudi-Arabien', 'Riad'));
  assert.ok(placesAgree('Istanbul', 'Türkei'));
  assert.ok(!placesAgree('Istanbul', 'Riad'));
  assert.ok(!placesAgree('Türkei', 'Riad'));
  assert.ok(!placesAgree('Türkei', 'Saudi-Arabien'));
  const at = (place: string, placeSource: 'text' | 'dateline' = 'text') => ({ place, placeSource });
  assert.equal(mergedPlace([at('Saudi-Arabien'), at('Saudi-Arabien'), at('Riad')]), 'Riad');
  assert.equal(mergedPlace([at('Türkei'), at('Riad')]), 'Türkei');
  assert.equal(mergedPlace([at('Saudi-Arabien'), at('Riad', 'dateline')]), 'Saudi-Arabien');
});

test('mentions placed in a country and in a city of it are one event, placed in the city', () => {
  const base: MergeMention = {
    articleId: 'a', idx: 0, type: 'CONSULT', mode: null, actors: ['Vereinigte Staaten', 'Russland'], recipients: [], place: null,
    dateValue: '2025-08-05', dateSource: 'text', status: 'asserted', published: '2025-08-06', originalId: 'a',
  };
  const m = (articleId: string, place: string): MergeMention => ({ ...base, articleId, originalId: articleId, place, placeSource: 'text' });
  const clusters = clusterMentions([m('a', 'Saudi-Arabien'), m('b', 'Riad'), m('c', 'Istanbul')]);
  assert.deepEqual(clusters.map((c) => c.map((x) => x.articleId)), [['a', 'b'], ['c']]);
});

function talks(doc: AnalyzedArticle, place: string): EventMention {
  const at = doc.article.text.indexOf('verhandelt');
  return {
    type: 'CONSULT', mode: null, trigger: { start: at, end: at + 10, text: 'verhandelt' }, actors: [0, 1], recipients: [],
    place, date: { value: '2025-08-05', source: 'text' }, status: 'asserted', sentence: 0,
  };
}

const reports: [string, string, string][] = [
  ['country', 'Delegationen der USA und Russlands haben am Dienstag in Saudi-Arabien über einen Gipfel verhandelt.', 'Saudi-Arabien'],
  ['city', 'Die USA und Russland haben am Dienstag in Riad verhandelt.', 'Riad'],
  ['elsewhere', 'Die USA und Russland haben am Dienstag auch in Istanbul verhandelt.', 'Istanbul'],
];

for (const driver of DRIVERS) {
  test(`${driver}: talks reported in Saudi-Arabien and in Riad merge (two sources, placed in Riad); Istanbul stays apart`, async () => {
    const { db, drop } = await freshStore(driver);
    try {
      for (const [id, text, place] of reports) {
        const doc = makeDoc(text, ['USA|LOC', 'Russlands|LOC|Russland', 'Russland|LOC'], ['am Dienstag|2025-08-05'], { id, published: '2025-08-06' });
        doc.events = [talks(doc, place)];
        await db.transaction(async (t) => {
          await insertArticle(t, doc.article);
          await eventsWriter.write(t, doc);
        });
      }
      await db.transaction((t) => mergeEvents(t));
      const events = await listEvents(db, { type: 'CONSULT' });
      assert.deepEqual(events.map((e) => [e.place, e.sources, e.evidence.map((x) => x.articleId).sort()]).sort(),
        [['Istanbul', 1, ['elsewhere']], ['Riad', 2, ['city', 'country']]]);
    } finally {
      await drop();
    }
  });
}

test('a dateline places what happened, not what is planned or supposed, unless the trigger is the pledge itself', () => {
  const text = 'Die beiden Staaten sollen Gefangene freilassen. Österreich hat der Slowakei Hilfe zugesagt. Österreich und die Slowakei haben verhandelt. Ein Treffen wäre möglich.';
  const doc = makeDoc(text, ['Österreich|LOC', 'Slowakei|LOC'], [], { dateline: 'Graz', published: '2025-08-06' });
  const at = (word: string, sentence: number, type: EventMention['type'], status: EventMention['status']): EventMention => {
    const start = text.indexOf(word);
    return {
      type, mode: null, trigger: { start, end: start + word.length, text: word }, actors: [0], recipients: [1], place: null,
      date: { value: '2025-08-06', source: 'publication' }, status, sentence,
    };
  };
  doc.events = [
    at('freilassen', 0, 'COOPERATE', 'planned'),
    at('zugesagt', 1, 'AID', 'planned'),
    at('verhandelt', 1, 'CONSULT', 'asserted'),
    at('Treffen', 1, 'CONSULT', 'hypothetical'),
  ];
  assert.deepEqual(mentionInputs(doc).map((m) => [m.place, m.placeSource]), [[null, null], ['Graz', 'dateline'], ['Graz', 'dateline'], [null, null]]);
});

test('datelines that disagree place nothing; a sentence that names a place still wins', () => {
  const line = (place: string) => ({ place, placeSource: 'dateline' as const });
  // An agreement on the phone, reported from two capitals: no place.
  assert.equal(mergedPlace([line('Washington'), line('Kiew')]), null);
  assert.equal(mergedPlace([line('Washington'), line('Kiew'), line('Washington')]), null);
  // Datelines that agree (the same city; a country and a city in it) still place the event.
  assert.equal(mergedPlace([line('Kiew'), line('Kiew')]), 'Kiew');
  assert.equal(mergedPlace([line('Riad'), line('Riad'), line('Saudi-Arabien')]), 'Riad');
  assert.equal(mergedPlace([line('Washington'), line('Kiew'), { place: 'Genf', placeSource: 'text' }]), 'Genf');
});
