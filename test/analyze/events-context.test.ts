import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEvents } from '../../src/analyze/events/finder.js';
import { makeDoc } from '../resolve/fixtures.js';

// An original and a reprint that cut one paragraph: the last sentence must yield the same event.
const talks = 'Armenien und Aserbaidschan haben in Genf über die Grenze verhandelt.';
const call = 'Am Abend telefonierte Macron mit Alijew.';
const last = 'Zuletzt hatten beide Länder im Mai Gefangene ausgetauscht.';
const ents = ['Armenien|LOC', 'Aserbaidschan|LOC', 'Genf|LOC', 'Macron|PER', 'Alijew|PER'];

function lastEvent(text: string): string {
  const doc = makeDoc(text, ents, ['im Mai|2025-05'], { published: '2025-07-01' });
  const ev = findEvents(doc).filter((e) => e.sentence === doc.sentences.length - 1);
  assert.equal(ev.length, 1, text);
  const n = (ids: number[]): string => ids.map((i) => doc.entities[i]!.normalized).join(',');
  return `${ev[0]!.type} ${n(ev[0]!.actors)} -> ${n(ev[0]!.recipients)}`;
}

test('`beide Länder` refers back to the last two countries, not to the last two people named', () => {
  const original = lastEvent(`${talks} ${call} ${last}`);
  const reprint = lastEvent(`${talks} ${last}`);
  assert.equal(original, 'COOPERATE Armenien -> Aserbaidschan');
  assert.equal(reprint, original);
});

test('`beide Präsidenten` refers back to two people', () => {
  const doc = makeDoc(`${talks} ${call} Beide Präsidenten wollen sich im Herbst treffen.`, ents, [], { published: '2025-07-01' });
  const ev = findEvents(doc).find((e) => e.sentence === 2 && e.type === 'CONSULT');
  assert.ok(ev);
  assert.deepEqual([...ev.actors, ...ev.recipients].map((i) => doc.entities[i]!.normalized), ['Macron', 'Alijew']);
});

test('a dateline names no participant, not even for a clause whose subject is elided', () => {
  const text = 'Genf, Schweiz - Nach zwei Tagen ist das Treffen von Blinken und Lawrow am Freitag zu Ende gegangen.';
  const doc = makeDoc(text, ['Genf|LOC', 'Schweiz|LOC', 'Blinken|PER', 'Lawrow|PER'], ['am Freitag|2025-08-08'], { published: '2025-08-08' });
  const ev = findEvents(doc).find((e) => e.type === 'CONSULT');
  assert.ok(ev);
  const names = [...ev.actors, ...ev.recipients].map((i) => doc.entities[i]!.normalized).sort();
  assert.deepEqual(names, ['Blinken', 'Lawrow']);
});
