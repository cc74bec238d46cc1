import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDct, timexLines } from '../../src/cli/commands/timex.js';
import { chronikSync } from '../helpers/cli.js';

const text = 'Gestern – am 7. August 🙂 – sagte er, kommende Woche gehe es weiter.';

test('timexLines prints JSON Lines with UTF-16 offsets into the input', () => {
  const recs = timexLines(text, '2025-08-08').map((l) => JSON.parse(l) as { start: number; end: number; text: string; type: string; value: string });
  assert.deepEqual(recs.map((r) => r.value), ['2025-08-07', '2025-08-07', '2025-W33']);
  for (const r of recs) assert.equal(text.slice(r.start, r.end), r.text);
  assert.deepEqual(Object.keys(recs[0]!), ['start', 'end', 'text', 'type', 'value']);
});

test('--dct accepts the publication-date shapes and refuses other text', () => {
  assert.equal(parseDct('2025-08-08'), '2025-08-08');
  assert.equal(parseDct('8. August 2025'), '2025-08-08');
  assert.throws(() => parseDct('neulich'), /not a date/);
});

test('chronik timex reads stdin and prints one line per expression', () => {
  const res = chronikSync(['timex', '--dct', '2025-08-08', '-'], { input: text, env: process.env });
  assert.equal(res.code, 0, res.stderr);
  const lines = res.stdout.trim().split('\n');
  assert.equal(lines.length, 3);
  assert.equal((JSON.parse(lines[2]!) as { value: string }).value, '2025-W33');
  const bad = chronikSync(['timex', '--dct', 'bald', '-'], { input: '', env: process.env });
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /not a date/);
});
