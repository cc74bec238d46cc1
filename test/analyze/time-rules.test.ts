import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultTagger, tagTimex } from '../../src/analyze/time/index.js';

// Runs every example written next to a rule in src/analyze/rules/time/rules.txt: the rule must
// find an expression in the example text with the written value (and mod), and be the one that won.
const tagger = defaultTagger();

test('every rule has at least one example, or is a documented variant', () => {
  const withExamples = tagger.rules.filter((r) => r.examples.length > 0).length;
  assert.ok(withExamples / tagger.rules.length > 0.7, `${withExamples} of ${tagger.rules.length} rules have examples`);
});

for (const rule of tagger.rules) {
  for (const ex of rule.examples) {
    test(`${rule.name}: ${ex.text}${ex.dct ? ` @ ${ex.dct}` : ''} → ${ex.value}`, () => {
      const found = tagTimex(ex.text, ex.dct ?? null);
      const hit = found.find((t) => t.value === ex.value && t.rule === rule.name);
      assert.ok(hit, `got ${JSON.stringify(found.map((t) => [t.text, t.value, t.rule, t.mod]))}`);
      assert.equal(hit.mod, ex.mod);
      assert.equal(hit.type, rule.type);
    });
  }
}
