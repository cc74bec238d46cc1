import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarRange } from '../../src/model/index.js';
import { dateBound } from '../../src/cli/dates.js';
import { CliError } from '../../src/cli/errors.js';

test('calendarRange gives the first and last day of each TIMEX3 calendar shape', () => {
  assert.deepEqual(calendarRange('2025'), { first: '2025-01-01', last: '2025-12-31' });
  assert.deepEqual(calendarRange('2024-02'), { first: '2024-02-01', last: '2024-02-29' });
  assert.deepEqual(calendarRange('2025-08-07'), { first: '2025-08-07', last: '2025-08-07' });
  assert.deepEqual(calendarRange('2025-W33'), { first: '2025-08-11', last: '2025-08-17' });
  assert.deepEqual(calendarRange('2025-W01'), { first: '2024-12-30', last: '2025-01-05' });
  assert.deepEqual(calendarRange('2026-W53'), { first: '2026-12-28', last: '2027-01-03' });
  assert.deepEqual(calendarRange('2025-Q3'), { first: '2025-07-01', last: '2025-09-30' });
});

test('calendarRange refuses shapes and dates that do not exist', () => {
  for (const bad of ['2025-13', '2025-00', '2025-02-29', '2025-04-31', '2025-W00', '2025-W53', '2025-Q0', '2025-Q5', '25-08', 'August', '2025-8', '']) {
    assert.equal(calendarRange(bad), null, bad);
  }
});

test('dateBound: --from takes the first day, --to the last; bad values are one-line CliErrors', () => {
  assert.equal(dateBound('2025-08', '--from', false), '2025-08-01');
  assert.equal(dateBound('2025-08', '--to', true), '2025-08-31');
  assert.throws(() => dateBound('2025-13', '--from', false), (e: unknown) =>
    e instanceof CliError && /^--from must be a date \(.*\), got "2025-13"$/.test(e.message));
});
