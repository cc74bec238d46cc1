import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarSpan } from '../../src/model/timex.js';

const span = (first: string, last: string): { first: string; last: string } => ({ first, last });

test('calendarSpan: days and times cover their own day; unreal days are null', () => {
  assert.deepEqual(calendarSpan('2025-08-07'), span('2025-08-07', '2025-08-07'));
  assert.deepEqual(calendarSpan('2025-08-07TMO'), span('2025-08-07', '2025-08-07'));
  assert.deepEqual(calendarSpan('2025-08-07T14'), span('2025-08-07', '2025-08-07'));
  assert.deepEqual(calendarSpan('2025-08-07T14:30'), span('2025-08-07', '2025-08-07'));
  assert.deepEqual(calendarSpan('2024-02-29'), span('2024-02-29', '2024-02-29'));
  assert.equal(calendarSpan('2025-02-29'), null);
  assert.equal(calendarSpan('2025-02-30'), null);
  assert.equal(calendarSpan('2025-00-10'), null);
});

test('calendarSpan: ISO weeks run Monday to Sunday, across year ends, with 53-week years', () => {
  assert.deepEqual(calendarSpan('2025-W33'), span('2025-08-11', '2025-08-17'));
  assert.deepEqual(calendarSpan('2025-W01'), span('2024-12-30', '2025-01-05'));
  assert.deepEqual(calendarSpan('2020-W53'), span('2020-12-28', '2021-01-03'));
  assert.deepEqual(calendarSpan('2021-W01'), span('2021-01-04', '2021-01-10'));
  assert.deepEqual(calendarSpan('2025-W33-WE'), span('2025-08-16', '2025-08-17'));
  assert.equal(calendarSpan('2025-W53'), null);
  assert.equal(calendarSpan('2025-W00'), null);
});

test('calendarSpan: months, quarters, halves, seasons and years', () => {
  assert.deepEqual(calendarSpan('2024-02'), span('2024-02-01', '2024-02-29'));
  assert.deepEqual(calendarSpan('2023-02'), span('2023-02-01', '2023-02-28'));
  assert.deepEqual(calendarSpan('2000-02'), span('2000-02-01', '2000-02-29'));
  assert.deepEqual(calendarSpan('2100-02'), span('2100-02-01', '2100-02-28'));
  assert.deepEqual(calendarSpan('2025-12'), span('2025-12-01', '2025-12-31'));
  assert.equal(calendarSpan('2025-13'), null);
  assert.deepEqual(calendarSpan('2025-Q1'), span('2025-01-01', '2025-03-31'));
  assert.deepEqual(calendarSpan('2025-Q3'), span('2025-07-01', '2025-09-30'));
  assert.deepEqual(calendarSpan('2025-Q4'), span('2025-10-01', '2025-12-31'));
  assert.equal(calendarSpan('2025-Q5'), null);
  assert.deepEqual(calendarSpan('2025-H1'), span('2025-01-01', '2025-06-30'));
  assert.deepEqual(calendarSpan('2025-H2'), span('2025-07-01', '2025-12-31'));
  assert.equal(calendarSpan('2025-H3'), null);
  assert.deepEqual(calendarSpan('2025-SP'), span('2025-03-01', '2025-05-31'));
  assert.deepEqual(calendarSpan('2025-SU'), span('2025-06-01', '2025-08-31'));
  assert.deepEqual(calendarSpan('2025-FA'), span('2025-09-01', '2025-11-30'));
  assert.deepEqual(calendarSpan('2023-WI'), span('2023-12-01', '2024-02-29'));
  assert.deepEqual(calendarSpan('2025'), span('2025-01-01', '2025-12-31'));
});

test('calendarSpan: non-calendar values are null', () => {
  for (const v of ['P3D', 'PAST_REF', 'PRESENT_REF', 'XXXX-08', '', 'P1W']) assert.equal(calendarSpan(v), null, v);
});
