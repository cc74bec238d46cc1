import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discourseRules } from '../../src/analyze/events/discourse.js';
import { addRoleMentions, findEvents } from '../../src/analyze/events/finder.js';
import { makeDoc } from '../resolve/fixtures.js';

const rules = discourseRules();

test('discourse rules: every rule has examples, and at least one trap or control', () => {
  for (const [id, examples] of Object.entries(rules.examples)) assert.ok(examples.length >= 2, id);
});

for (const [id, examples] of Object.entries(rules.examples)) {
  examples.forEach((ex, n) => {
    test(`discourse ${id} example ${n + 1}: ${ex.text}`, () => {
      const doc = makeDoc(ex.text, ex.entities, ex.timexes ?? [], { published: '2025-08-07' });
      addRoleMentions(doc);
      const events = findEvents(doc);
      const ev = events.find((e) => e.type === ex.expect.type && e.sentence === ex.expect.sentence);
      const all = events.map((e) => `${e.type}@${e.sentence}(${e.entryId})`).join(', ') || 'none';
      if (ex.expect.absent) {
        assert.equal(ev, undefined, `unexpected ${ex.expect.type} event; found ${all}`);
        return;
      }
      assert.ok(ev, `no ${ex.expect.type} event in sentence ${ex.expect.sentence}; found ${all}`);
      const names = (ids: number[]): string[] => ids.map((i) => doc.entities[i]!.normalized);
      if (ex.expect.actors) assert.deepEqual(names(ev.actors), ex.expect.actors, 'actors');
      if (ex.expect.recipients) assert.deepEqual(names(ev.recipients), ex.expect.recipients, 'recipients');
      if (ex.expect.place !== undefined) assert.equal(ev.place, ex.expect.place, 'place');
      if (ex.expect.date) assert.equal(ev.date.value, ex.expect.date, 'date');
      if (ex.expect.status) assert.equal(ev.status, ex.expect.status, 'status');
    });
  });
}
