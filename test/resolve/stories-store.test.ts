import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insertArticle } from '../../src/store/articles.js';
import { clearStories, featuresOf, openStories, saveStoryFeatures } from '../../src/store/stories.js';
import { assignStories, clusterInOrder } from '../../src/resolve/stories/resolver.js';
import { STORY_DEFAULTS, type StoryOptions } from '../../src/resolve/stories/cluster.js';
import type { Db } from '../../src/store/db.js';
import { DRIVERS, freshStore } from '../helpers/db.js';
import { makeArticle } from './fixtures.js';

const summit = { 'e:Donald Trump': 2, 'e:Wladimir Putin': 2, 't:gipfel': 1, 'b:gipfel': 2, 's:gipfel': 2 };
const drought = { 'e:Brandenburg': 2, 't:dürre': 1, 'b:dürre': 2, 's:durr': 2, 'b:landwirte': 1, 's:landwirt': 1 };
// In this order: an undated summit report, three dated drought reports, another undated summit report.
const rows: [string, string | null, Record<string, number>][] = [
  ['u1', null, summit],
  ['d1', '2025-08-04', drought],
  ['d2', '2025-08-05', drought],
  ['d3', '2025-08-06', drought],
  ['u2', null, summit],
];

async function load(db: Db): Promise<void> {
  for (const [id, day, terms] of rows) {
    await insertArticle(db, makeArticle(id, `Text ${id}.`, { published: day }));
    await saveStoryFeatures(db, id, terms, day);
  }
}

/** Streams the articles one batch each through the store, as `ingest` would; the story of each. */
async function stream(db: Db, o: StoryOptions): Promise<Map<string, string | null>> {
  await clearStories(db);
  for (const [id] of rows) await db.transaction((tx) => assignStories(tx, [id], o));
  return new Map((await featuresOf(db, rows.map((r) => r[0]))).map((f) => [f.articleId, f.storyId]));
}

for (const driver of DRIVERS) {
  test(`${driver}: undated stories stay candidates only while recent; store streaming equals the batch`, async () => {
    const { db, drop } = await freshStore(driver);
    try {
      await load(db);
      const pure = async (o: StoryOptions): Promise<Map<string, string>> => clusterInOrder(await featuresOf(db, rows.map((r) => r[0])), o).storyOf;
      // By default the second undated summit report joins the first.
      const wide = await stream(db, STORY_DEFAULTS);
      assert.equal(wide.get('u2'), wide.get('u1'));
      assert.deepEqual(wide, await pure(STORY_DEFAULTS));
      // With at most 2 articles since its last update, the undated story is closed by then:
      // the store does not even load it for u2's batch.
      const tight = { ...STORY_DEFAULTS, recentArticles: 2 };
      const narrow = await stream(db, tight);
      assert.notEqual(narrow.get('u2'), narrow.get('u1'));
      assert.equal(narrow.get('d1'), narrow.get('d3'));
      assert.deepEqual(narrow, await pure(tight));
      // After 4 clustered articles, recentFrom(4) = 3 leaves only the stories grown by article 3 or later.
      const open = await openStories(db, { dated: null, recentFrom: 3, anyRecent: false });
      assert.deepEqual(open.map((s) => s.id), [narrow.get('u2')]);
    } finally {
      await drop();
    }
  });
}
