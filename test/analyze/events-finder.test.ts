import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addRoleMentions, findEvents, nearestYear } from '../../src/analyze/events/finder.js';
import { participantOf } from '../../src/resolve/events/actors.js';
import { roleWarnings } from '../../src/resolve/events/warnings.js';
import { makeDoc } from '../resolve/fixtures.js';

const names = (doc: ReturnType<typeof makeDoc>, ids: number[]): string[] => ids.map((i) => doc.entities[i]!.normalized);

test('status: asserted, planned, hypothetical, negated, reported with a named speaker', () => {
  const cases: [string, string[], string][] = [
    ['Trump traf Putin am Freitag in Alaska.', ['Trump|PER', 'Putin|PER', 'Alaska|LOC'], 'asserted'],
    ['Trump will Putin in der kommenden Woche treffen.', ['Trump|PER', 'Putin|PER'], 'planned'],
    ['Trump könnte Putin noch im August treffen.', ['Trump|PER', 'Putin|PER'], 'hypothetical'],
    ['Trump hat Putin nicht getroffen.', ['Trump|PER', 'Putin|PER'], 'negated'],
    ['Trump habe Putin am Freitag getroffen, sagte Peskow.', ['Trump|PER', 'Putin|PER', 'Peskow|PER'], 'reported'],
  ];
  for (const [text, ents, status] of cases) {
    const doc = makeDoc(text, ents);
    const ev = findEvents(doc).find((e) => e.type === 'CONSULT');
    assert.ok(ev, text);
    assert.equal(ev.status, status, text);
    assert.deepEqual(names(doc, ev.actors), ['Trump'], text);
    assert.deepEqual(names(doc, ev.recipients), ['Putin'], text);
    if (status === 'reported') assert.equal(ev.speaker, 'Peskow');
  }
});

test('date: the clause time expression, else the publication date marked as such', () => {
  const text = 'Peskow sagte am Montag, Trump und Putin würden sich am 15. August in Alaska treffen.';
  const doc = makeDoc(text, ['Peskow|PER', 'Trump|PER', 'Putin|PER', 'Alaska|LOC'], ['am Montag|2025-08-04', 'am 15. August|2025-08-15'], { published: '2025-08-05' });
  const ev = findEvents(doc).find((e) => e.type === 'CONSULT')!;
  assert.deepEqual(ev.date, { value: '2025-08-15', source: 'text' });
  assert.equal(ev.place, 'Alaska');
  const undated = makeDoc('Merz telefonierte mit Macron.', ['Merz|PER', 'Macron|PER'], [], { published: '2025-08-05' });
  assert.deepEqual(findEvents(undated)[0]!.date, { value: '2025-08-05', source: 'publication' });
});

test('a date without its year goes to the nearest year', () => {
  const t = { start: 0, end: 13, text: 'am 21. August', type: 'DATE' as const, value: '2024-08-21', sentence: 0 };
  assert.equal(nearestYear(t, '2025-08-06'), '2025-08-21');
  assert.equal(nearestYear({ ...t, text: 'am 21. August 2024' }, '2025-08-06'), '2024-08-21');
  assert.equal(nearestYear({ ...t, value: '2025-07-21' }, '2025-08-06'), '2025-07-21');
});

test('metonyms act for their country; a role alone is the person holding it on the date', () => {
  const doc = makeDoc('Der Kreml wies die Vorwürfe aus Washington zurück.', ['Kreml|ORG', 'Washington|LOC']);
  const ev = findEvents(doc).find((e) => e.type === 'REJECT')!;
  assert.equal(participantOf(doc.entities[ev.actors[0]!]!).name, 'Russland');
  const roleDoc = makeDoc('Der US-Präsident drohte Russland mit Zöllen.', ['Russland|LOC'], [], { published: '2025-08-07' });
  addRoleMentions(roleDoc);
  const threat = findEvents(roleDoc).find((e) => e.type === 'THREATEN')!;
  assert.deepEqual(names(roleDoc, threat.actors), ['Donald Trump']);
  const earlier = makeDoc('Der US-Präsident drohte Russland mit Zöllen.', ['Russland|LOC'], [], { published: '2022-03-01' });
  addRoleMentions(earlier);
  assert.deepEqual(names(earlier, findEvents(earlier).find((e) => e.type === 'THREATEN')!.actors), ['Joe Biden']);
});

test('consistency warnings: a role the person did not hold on the article date', () => {
  const flagged = makeDoc('Ex-Präsident Donald Trump sprach mit Putin.', ['Donald Trump|PER', 'Putin|PER'], [], { published: '2025-08-07' });
  assert.equal(roleWarnings(flagged).length, 1);
  assert.match(roleWarnings(flagged)[0]!.message, /Donald Trump/);
  const biden = makeDoc('US-Präsident Joe Biden sprach mit Putin.', ['Joe Biden|PER', 'Putin|PER'], [], { published: '2025-08-07' });
  assert.equal(roleWarnings(biden).length, 1);
  const fine = makeDoc('US-Präsident Donald Trump sprach mit Putin.', ['Donald Trump|PER', 'Putin|PER'], [], { published: '2025-08-07' });
  assert.deepEqual(roleWarnings(fine), []);
  const past = makeDoc('Ex-Präsident Donald Trump sprach mit Putin.', ['Donald Trump|PER', 'Putin|PER'], [], { published: '2023-05-01' });
  assert.deepEqual(roleWarnings(past), []);
});

test('a trap: treffen meaning "to hit" with no participants is no meeting', () => {
  const doc = makeDoc('Treffen könnten die Maßnahmen auch Länder, die nicht beteiligt sind.', []);
  assert.deepEqual(findEvents(doc).filter((e) => e.type === 'CONSULT'), []);
});
