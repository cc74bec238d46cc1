import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeDateText } from '../../src/normalize/dates.js';
import { monthNumber, weekdayNumber, daysInMonth } from '../../src/normalize/calendar-de.js';
import { precisionOf } from '../../src/model/timex.js';

const CASES: Array<[string, string, string?]> = [
  // the publication-date shapes of the issue
  ['2025-08-08', '2025-08-08'],
  [' date 2025-08-07', '2025-08-07'],
  ['10. Januar, 2025', '2025-01-10'],
  ['8. August 2025', '2025-08-08'],
  ['08.08.2025', '2025-08-08'],
  ['Freitag, 8. August 2025, 14:32 Uhr', '2025-08-08', '14:32'],
  // more German shapes
  ['8.8.2025', '2025-08-08'],
  ['08.08.25', '2025-08-08'],
  ['8. Aug. 2025', '2025-08-08'],
  ['3. März 2025', '2025-03-03'],
  ['3. Maerz 2025', '2025-03-03'],
  ['1. Jänner 2025', '2025-01-01'],
  ['Fr., 08.08.2025, 14.32 Uhr', '2025-08-08', '14:32'],
  ['Sonntag, 10. August 2025', '2025-08-10'],
  ['am 10. August 2025 um 9:05 Uhr', '2025-08-10', '09:05'],
  ['Stand: 10.01.2025, 09:15 Uhr', '2025-01-10', '09:15'],
  ['Veröffentlicht am 12.08.2025', '2025-08-12'],
  ['Aktualisiert am 12. August 2025 - 18:03 Uhr', '2025-08-12', '18:03'],
  ['(8. August 2025)', '2025-08-08'],
  // ISO 8601 and feeds (RFC 822)
  ['2025-08-07T23:30:00Z', '2025-08-07', '23:30'],
  ['2025-08-12T09:30:00+02:00', '2025-08-12', '09:30'],
  ['2025-08-12 09:30', '2025-08-12', '09:30'],
  ['2025/08/12', '2025-08-12'],
  ['Fri, 08 Aug 2025 14:32:00 +0200', '2025-08-08', '14:32'],
  ['Tue, 5 Aug 2025 18:10:00 GMT', '2025-08-05', '18:10'],
  ['August 8, 2025', '2025-08-08'],
  ['Published: 8 August 2025 14:32 BST', '2025-08-08', '14:32'],
  ['8. August 2025, 14:32 Uhr MESZ', '2025-08-08', '14:32'],
  ['Fri, 8 Aug 2025 11:05:00 UTC+3', '2025-08-08', '11:05'],
  ['Aug 8, 2025, 2:32 p.m.', '2025-08-08', '14:32'],
  // month and year precision: never a made-up day
  ['Januar 2025', '2025-01'],
  ['August, 2025', '2025-08'],
  ['2025-08', '2025-08'],
  ['2025', '2025'],
];

for (const [input, value, time] of CASES) {
  test(`normalizeDateText(${JSON.stringify(input)}) → ${value}${time ? ` ${time}` : ''}`, () => {
    const got = normalizeDateText(input);
    assert.deepEqual(got, time ? { value, time } : { value });
  });
}

test('precision is that of the written date', () => {
  assert.equal(precisionOf(normalizeDateText('Januar 2025')!.value), 'month');
  assert.equal(precisionOf(normalizeDateText('2025')!.value), 'year');
  assert.equal(precisionOf(normalizeDateText('8. August 2025')!.value), 'day');
});

const NOT_DATES = [
  '', 'Gespräche in Riad', '8. August', '30. Februar 2025', '31.04.2025', '2025-13-01', '32.01.2025',
  '8. August 2025 trafen sich die Minister in Riad.', 'Die Verhandlungen dauerten bis 2025', '12345', 'Freitag',
  '8. August 2025, 25:10 Uhr',
];
for (const input of NOT_DATES) {
  test(`normalizeDateText(${JSON.stringify(input)}) → null`, () => {
    assert.equal(normalizeDateText(input), null);
  });
}

test('calendar tables: month and weekday names, leap years', () => {
  assert.equal(monthNumber('März'), 3);
  assert.equal(monthNumber('Dez.'), 12);
  assert.equal(monthNumber('Mittwoch'), undefined);
  assert.equal(weekdayNumber('Sonnabend'), 6);
  assert.equal(weekdayNumber('Fr.'), 5);
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(2025, 2), 28);
  assert.deepEqual(normalizeDateText('29.02.2024'), { value: '2024-02-29' });
  assert.equal(normalizeDateText('29.02.2025'), null);
});
