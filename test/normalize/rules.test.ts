// Runs every example written next to the rules in src/normalize/boilerplate.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import rules from '../../src/normalize/boilerplate.json' with { type: 'json' };
import { agencyLine, agencyName, authorLine, nonPersonAuthor, CUT_MARKERS, cutMarker, DROP_LINES, dropLine } from '../../src/normalize/rules.js';
import { normalizeDateText } from '../../src/normalize/dates.js';

for (const rule of rules.cutMarkers) {
  test(`cut marker ${rule.id}: examples match, non-examples do not`, () => {
    for (const ex of rule.examples) assert.equal(cutMarker(ex), rule.id, ex);
    for (const ex of rule.nonExamples ?? []) assert.equal(cutMarker(ex), undefined, ex);
  });
}

for (const rule of rules.dropLines) {
  test(`drop line ${rule.id}: examples match, non-examples do not`, () => {
    for (const ex of rule.examples) assert.equal(dropLine(ex), rule.id, ex);
    for (const ex of rule.nonExamples ?? []) assert.equal(dropLine(ex), undefined, ex);
  });
}

test('every rule compiled', () => {
  assert.equal(CUT_MARKERS.length, rules.cutMarkers.length);
  assert.equal(DROP_LINES.length, rules.dropLines.length);
});

test('date prefixes: examples', () => {
  for (const [input, value] of rules.datePrefixes.examples) assert.equal(normalizeDateText(input!)?.value, value, input);
});

test('agency lines: examples and non-examples', () => {
  for (const ex of rules.agencyLine.examples) assert.ok(agencyLine(ex), ex);
  for (const ex of rules.agencyLine.nonExamples) assert.equal(agencyLine(ex), undefined, ex);
  assert.deepEqual(agencyLine('dpa/AFP'), ['dpa', 'AFP']);
  assert.deepEqual(agencyLine('Quelle: Deutsche Presse-Agentur'), ['dpa']);
});

test('every agency alias maps to its agency', () => {
  for (const a of rules.agencies) for (const alias of a.aliases) assert.equal(agencyName(alias), a.name, alias);
});

test('author lines: examples and non-examples', () => {
  for (const [line, author] of rules.authorLine.examples) assert.equal(authorLine(line!)?.author, author, line);
  for (const line of rules.authorLine.nonExamples) assert.equal(authorLine(line), undefined, line);
  assert.deepEqual(authorLine('Von Anna Schmidt, dpa'), { author: 'Anna Schmidt', agency: 'dpa' });
});

test('non-person bylines: examples and non-examples', () => {
  for (const ex of rules.nonPersonAuthors.examples) assert.ok(nonPersonAuthor(ex), ex);
  for (const ex of rules.nonPersonAuthors.nonExamples) assert.equal(nonPersonAuthor(ex), false, ex);
});

test('dateline non-places: examples are no datelines', async () => {
  const { dateline } = await import('../../src/normalize/text.js');
  for (const ex of rules.datelineNonPlaces.examples) assert.equal(dateline(ex), undefined, ex);
});
