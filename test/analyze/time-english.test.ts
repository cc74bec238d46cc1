import { test } from 'node:test';
import assert from 'node:assert/strict';
import { englishTagger, englishTenseAt, tagEnglishTimex } from '../../src/analyze/time/english.js';
import { tagTimex } from '../../src/analyze/time/index.js';

// Runs every example written next to a rule in src/analyze/time/en/rules.txt: the rule must find
// an expression in the example text with the written value (and mod), and be the one that won.
const tagger = englishTagger();

test('English rules: every rule has an example', () => {
  for (const r of tagger.rules) assert.ok(r.examples.length > 0, r.name);
});

for (const rule of tagger.rules) {
  for (const ex of rule.examples) {
    test(`en ${rule.name}: ${ex.text}${ex.dct ? ` @ ${ex.dct}` : ''} → ${ex.value}`, () => {
      const found = tagEnglishTimex(ex.text, ex.dct ?? '2025-08-07');
      const hit = found.find((t) => t.value === ex.value && t.rule === rule.name);
      assert.ok(hit, `got ${JSON.stringify(found.map((t) => [t.text, t.value, t.rule, t.mod]))}`);
      assert.equal(hit.mod, ex.mod);
      assert.equal(hit.type, rule.type);
    });
  }
}

test('English tense: the nearest marker of the clause decides', () => {
  const text = 'The ministers said on Monday that they will meet again on Friday.';
  const at = (w: string): { start: number; end: number } => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
  const s = { start: 0, end: text.length };
  assert.equal(englishTenseAt(text, s, at('on Monday')), 'past');
  assert.equal(englishTenseAt(text, s, at('on Friday')), 'future');
  assert.equal(englishTenseAt('Talks on Friday.', { start: 0, end: 16 }, { start: 6, end: 15 }), 'present');
});

test('lower-case may and march are no dates; English rules do not leak into German text', () => {
  assert.deepEqual(tagEnglishTimex('The envoys may march on together.', '2025-08-07'), []);
  assert.deepEqual(tagTimex('Die Gespräche sollen next week beginnen.', '2025-08-07').map((t) => t.value), []);
});
