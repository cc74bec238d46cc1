import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeDateText } from '../../src/normalize/dates.js';
import { tagTimex } from '../../src/analyze/time/index.js';

// The publication-date header shapes of the foundation issue. The normalize stage and the time
// tagger share one month/weekday table (src/normalize/calendar-de.ts); both must agree on them.
const SHAPES: [string, string, string?][] = [
  ['2025-08-08', '2025-08-08'],
  [' date 2025-08-07', '2025-08-07'],
  ['10. Januar, 2025', '2025-01-10'],
  ['8. August 2025', '2025-08-08'],
  ['08.08.2025', '2025-08-08'],
  ['Freitag, 8. August 2025, 14:32 Uhr', '2025-08-08', '14:32'],
];

for (const [raw, value, time] of SHAPES) {
  test(`publication date "${raw.trim()}" → ${value}${time ? ` ${time}` : ''}`, () => {
    const d = normalizeDateText(raw);
    assert.ok(d, 'normalizeDateText read it');
    assert.equal(d.value, value);
    assert.equal(d.time, time);
    const tagged = tagTimex(raw, null);
    assert.equal(tagged.length, 1, JSON.stringify(tagged));
    assert.equal(tagged[0]!.value, time ? `${value}T${time}` : value);
  });
}
