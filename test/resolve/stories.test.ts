import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterInOrder } from '../../src/resolve/stories/resolver.js';
import { stem } from '../../src/resolve/stories/features.js';
import { STORY_DEFAULTS, timeFactor } from '../../src/resolve/stories/cluster.js';
import type { FeatureRow } from '../../src/store/stories.js';

const row = (id: string, day: string, terms: Record<string, number>, duplicateOf: string | null = null): FeatureRow => ({ articleId: id, day, terms, duplicateOf, storyId: null });
const summit = { 'e:Donald Trump': 2, 'e:Wladimir Putin': 2, 't:gipfel': 1, 'b:gipfel': 2, 's:gipfel': 2, 'b:treffen': 1, 's:treff': 1 };
const drought = { 'e:Brandenburg': 2, 't:dürre': 1, 'b:landwirte': 2, 's:landwirt': 2, 'b:dürre': 2, 's:durr': 2 };

test('stories: one development together, another apart, duplicates follow their original', () => {
  const rows = [
    row('a', '2025-08-20', summit),
    row('b', '2025-08-21', { ...summit, 'b:waffenruhe': 1, 's:waffenruh': 1 }),
    row('c', '2025-08-04', drought),
    row('d', '2025-08-05', { ...drought, 'e:Potsdam': 1 }),
    row('b2', '2025-08-21', {}, 'b'),
  ];
  const { storyOf, stories } = clusterInOrder([...rows].sort((x, y) => x.day!.localeCompare(y.day!) || x.articleId.localeCompare(y.articleId)));
  assert.equal(stories.length, 2);
  assert.equal(storyOf.get('a'), storyOf.get('b'));
  assert.equal(storyOf.get('c'), storyOf.get('d'));
  assert.notEqual(storyOf.get('a'), storyOf.get('c'));
  assert.equal(storyOf.get('b2'), storyOf.get('b'));
  const s = stories.find((x) => x.id === storyOf.get('a'))!;
  assert.deepEqual([s.firstDay, s.lastDay, s.articles], ['2025-08-20', '2025-08-21', 2]);
});

test('stories: far apart in time, the same words start a new story', () => {
  const { stories } = clusterInOrder([row('a', '2024-01-10', summit), row('b', '2025-08-21', summit)]);
  assert.equal(stories.length, 2);
});

test('stories: a few days apart costs little, weeks apart much; beyond the window nothing could join', () => {
  assert.equal(timeFactor(0), 1);
  assert.ok(timeFactor(6) > 0.9, 'the next week');
  assert.ok(timeFactor(45) < 0.02, 'six weeks apart');
  // The candidate window may leave stories out only where no similarity (at most 1) could reach the threshold.
  assert.ok(timeFactor(STORY_DEFAULTS.windowDays) < STORY_DEFAULTS.threshold);
});

test('stories: a story\'s second article six days on joins it when the words match only moderately', () => {
  // Scores 0.12 after 6 days (0.098 with the exponential decay this replaced): the sample's drought story.
  const first = { 'e:Brandenburg': 1, 't:dürre': 1, 't:bauern': 1, 't:fordern': 1, 'b:landwirte': 1, 's:landwirt': 1, 'b:ernte': 1, 's:ernt': 1, 'b:trockenheit': 1, 's:trockenheit': 1 };
  const later = { 'e:Potsdam': 1, 't:dürre': 1, 't:bauern': 1, 't:soforthilfe': 1, 'b:soforthilfe': 1, 's:soforthilf': 1, 'b:landwirten': 1, 's:landwirt': 1, 'b:millionen': 1, 's:million': 1 };
  const { storyOf } = clusterInOrder([row('a', '2025-07-29', first), row('b', '2025-08-04', later)]);
  assert.equal(storyOf.get('a'), storyOf.get('b'));
  const far = clusterInOrder([row('a', '2025-07-29', first), row('b', '2025-09-04', later)]);
  assert.notEqual(far.storyOf.get('a'), far.storyOf.get('b'));
});

test('stemmer folds inflection and umlauts', () => {
  assert.equal(stem('Verhandlungen'), stem('Verhandlung'));
  assert.equal(stem('Gipfels'), stem('Gipfel'));
  assert.equal(stem('Dürre'), 'durr');
});
