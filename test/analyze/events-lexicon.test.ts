import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEvents } from '../../src/analyze/events/finder.js';
import { lexicon } from '../../src/analyze/events/lexicon.js';
import { PLOVER_TYPES } from '../../src/model/index.js';
import { makeDoc } from '../resolve/fixtures.js';

const lex = lexicon();

test('lexicon: every entry has a PLOVER type, forms, slots and at least one example', () => {
  for (const e of lex.entries) {
    assert.ok(PLOVER_TYPES.includes(e.type), e.id);
    assert.ok(e.forms.length > 0 && e.actor.length > 0 && e.examples.length > 0, e.id);
  }
  const types = new Set(lex.entries.map((e) => e.type));
  assert.equal(types.size, 16, `types covered: ${[...types].join(',')}`);
});

for (const entry of lex.entries) {
  entry.examples.forEach((ex, n) => {
    test(`trigger ${entry.id} example ${n + 1}: ${ex.text}`, () => {
      const doc = makeDoc(ex.text, ex.entities, [], { published: '2025-08-07' });
      const events = findEvents(doc, lex);
      const ev = events.find((e) => e.type === ex.expect.type);
      if (ex.expect.absent) {
        assert.equal(ev, undefined, `unexpected ${ex.expect.type} event from ${ev?.entryId}`);
        return;
      }
      assert.ok(ev, `no ${ex.expect.type} event; found ${events.map((e) => `${e.type}(${e.entryId})`).join(', ') || 'none'}`);
      const names = (ids: number[]): string[] => ids.map((i) => doc.entities[i]!.normalized);
      if (ex.expect.actors) assert.deepEqual(names(ev.actors), ex.expect.actors, 'actors');
      if (ex.expect.recipients) assert.deepEqual(names(ev.recipients), ex.expect.recipients, 'recipients');
      if (ex.expect.place !== undefined) assert.equal(ev.place, ex.expect.place, 'place');
      if (ex.expect.mode !== undefined) assert.equal(ev.mode, ex.expect.mode, 'mode');
      if (ex.expect.status) assert.equal(ev.status, ex.expect.status, 'status');
    });
  });
}
