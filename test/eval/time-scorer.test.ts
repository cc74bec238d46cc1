import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countDoc, emptyCounts, scores, addCounts } from '../../eval/time/scorer.js';
import { KRAUTS_SUBSETS, krautsAvailable, loadKrauts, loadKrautsHeidelTime, parseInline } from '../../eval/time/corpora.js';

test('inline TIMEX parsing gives offsets into the stripped text and drops non-consuming tags', () => {
  const { text, timexes } = parseInline('Am <TIMEX3 type="DATE" value="2025-08-07">7. August</TIMEX3> &amp; <TIMEX3 type="DATE" value="X"/>dann', 'TIMEX3');
  assert.equal(text, 'Am 7. August & dann');
  assert.deepEqual(timexes, [{ start: 3, end: 12, text: '7. August', type: 'DATE', value: '2025-08-07' }]);
});

test('strict, relaxed and attribute counts on a small example', () => {
  const gold = [
    { start: 0, end: 10, text: '', type: 'DATE', value: '2025-08-07' },
    { start: 20, end: 25, text: '', type: 'DURATION', value: 'P3D' },
    { start: 40, end: 45, text: '', type: 'DATE', value: '2025' },
  ];
  const sys = [
    { start: 0, end: 10, text: '', type: 'DATE', value: '2025-08-07' }, // strict, value ok
    { start: 18, end: 24, text: '', type: 'DATE', value: 'P3D' }, // relaxed only, wrong type
    { start: 60, end: 65, text: '', type: 'DATE', value: '2024' }, // spurious
  ];
  const c = countDoc(gold, sys);
  assert.deepEqual(c, { gold: 3, system: 3, strict: 1, relaxed: 2, valueOk: 2, typeOk: 1 });
  const s = scores(c);
  assert.ok(Math.abs(s.relaxed.f1 - 2 / 3) < 1e-9);
  assert.ok(Math.abs(s.valueF1 - 2 / 3) < 1e-9);
  assert.ok(Math.abs(s.typeF1 - 1 / 3) < 1e-9);
});

test('scorer reproduces the known HeidelTime figures on KRAUTS (all 192 documents)', { skip: !krautsAvailable() && 'KRAUTS not present' }, () => {
  let all = emptyCounts();
  let docs = 0;
  for (const subset of KRAUTS_SUBSETS) {
    const sys = new Map(loadKrautsHeidelTime(subset).map((d) => [d.id, d]));
    for (const d of loadKrauts(subset)) {
      const h = sys.get(d.id);
      assert.ok(h, `HeidelTime output for ${d.id}`);
      assert.equal(h.text, d.text);
      all = countDoc(d.timexes, h.timexes, all);
      docs++;
    }
  }
  all = addCounts(all, emptyCounts());
  assert.equal(docs, 192);
  assert.equal(all.gold, 1090);
  const s = scores(all);
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  assert.equal(r3(s.strict.f1), 0.719);
  assert.equal(r3(s.relaxed.f1), 0.807);
  assert.equal(r3(s.valueF1), 0.670);
  assert.equal(r3(s.typeF1), 0.771);
});
