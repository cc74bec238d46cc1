import { createHash } from 'node:crypto';
import type { AnalyzedArticle } from '../../model/index.js';
import type { Db, Queryable } from '../../store/db.js';
import {
  addDocFreq, allFeaturesByDate, clearStories, featuresOf, loadDocFreq, openStories, replaceDocFreq, saveStoryFeatures,
  setArticleStory, storyOfArticle, upsertStory, type FeatureRow, type StoryRow,
} from '../../store/stories.js';
import { firstDay } from '../../analyze/events/dates.js';
import { absorb, addToDocFreq, bestStory, labelOf, STORY_DEFAULTS, type DocFreq, type StoryOptions, type StoryState } from './cluster.js';
import { storyTerms } from './features.js';

export function storyIdFor(firstArticleId: string): string {
  return `st-${createHash('sha256').update(firstArticleId).digest('hex').slice(0, 10)}`;
}

const toRow = (s: StoryState, d: DocFreq): StoryRow => ({ id: s.id, label: labelOf(s, d), firstDay: s.firstDay, lastDay: s.lastDay, articles: s.articles, centroid: s.centroid });
const toState = (r: StoryRow): StoryState => ({ id: r.id, centroid: r.centroid, firstDay: r.firstDay, lastDay: r.lastDay, articles: r.articles });

function sinceFor(day: string | null, o: StoryOptions): string | null {
  return day ? new Date(Date.parse(day) - o.windowDays * 86_400_000).toISOString().slice(0, 10) : null;
}

/** AnalysisWriter: an article's story features, stored with it. */
export const storyFeaturesWriter = {
  name: 'story-features',
  write: (tx: Queryable, doc: AnalyzedArticle): Promise<void> =>
    saveStoryFeatures(tx, doc.article.id, storyTerms(doc), doc.article.published ? firstDay(doc.article.published) : null),
};

/**
 * Streaming single-pass clustering of a batch's new articles: each original joins its most similar
 * open story above the threshold or starts one; duplicates join their original's. Within a batch,
 * articles go in publication-date order, then id — the order `restory` uses — so one batch into an
 * empty store gives the batch result, whatever order the files were read in.
 */
export async function assignStories(q: Queryable, ids: readonly string[], o: StoryOptions = STORY_DEFAULTS): Promise<number> {
  let assigned = 0;
  const rows = (await featuresOf(q, ids)).sort((a, b) => (a.day ?? '9999').localeCompare(b.day ?? '9999') || a.articleId.localeCompare(b.articleId));
  for (const f of rows) {
    if (f.storyId || f.duplicateOf) continue;
    const keys = Object.keys(f.terms);
    if (keys.length === 0) continue;
    await addDocFreq(q, keys);
    const stories = (await openStories(q, sinceFor(f.day, o))).map(toState);
    const termsNeeded = new Set(keys);
    for (const s of stories) for (const k of Object.keys(s.centroid)) termsNeeded.add(k);
    const d = await loadDocFreq(q, [...termsNeeded]);
    const hit = bestStory(f.terms, f.day, stories, d, o);
    const story = hit?.story ?? { id: storyIdFor(f.articleId), centroid: {}, firstDay: null, lastDay: null, articles: 0 };
    absorb(story, f.terms, f.day, o);
    await upsertStory(q, toRow(story, d));
    await setArticleStory(q, f.articleId, story.id);
    assigned++;
  }
  for (const f of rows) {
    if (!f.duplicateOf || f.storyId) continue;
    const s = await storyOfArticle(q, f.duplicateOf);
    if (s) await setArticleStory(q, f.articleId, s);
  }
  return assigned;
}

/** Pure batch clustering in the given order (used by `restory` and tests). */
export function clusterInOrder(rows: readonly FeatureRow[], o: StoryOptions = STORY_DEFAULTS): { stories: StoryState[]; storyOf: Map<string, string>; d: DocFreq } {
  const d: DocFreq = { n: 0, df: new Map() };
  const stories: StoryState[] = [];
  const storyOf = new Map<string, string>();
  for (const f of rows) {
    if (f.duplicateOf || Object.keys(f.terms).length === 0) continue;
    addToDocFreq(d, f.terms);
    const open = stories.filter((s) => !f.day || !s.lastDay || (Date.parse(f.day) - Date.parse(s.lastDay)) / 86_400_000 <= o.windowDays);
    const hit = bestStory(f.terms, f.day, open, d, o);
    const story = hit?.story ?? { id: storyIdFor(f.articleId), centroid: {}, firstDay: null, lastDay: null, articles: 0 };
    if (!hit) stories.push(story);
    absorb(story, f.terms, f.day, o);
    storyOf.set(f.articleId, story.id);
  }
  for (const f of rows) if (f.duplicateOf && storyOf.has(f.duplicateOf)) storyOf.set(f.articleId, storyOf.get(f.duplicateOf)!);
  return { stories, storyOf, d };
}

/** `chronik restory`: recomputes every story in publication-date order, then id (deterministic). */
export async function restory(db: Db, o: StoryOptions = STORY_DEFAULTS): Promise<{ stories: number; articles: number }> {
  return db.transaction(async (tx) => {
    await clearStories(tx);
    const rows = await allFeaturesByDate(tx);
    const { stories, storyOf, d } = clusterInOrder(rows, o);
    for (const s of stories) await upsertStory(tx, toRow(s, d));
    for (const [article, story] of storyOf) await tx.query('UPDATE articles SET story_id = $2 WHERE id = $1', [article, story]);
    await replaceDocFreq(tx, d.n, d.df);
    return { stories: stories.length, articles: storyOf.size };
  });
}

export const storiesResolver = {
  name: 'stories',
  run: async (db: Db, ctx: { newArticleIds: readonly string[]; progress: (m: string) => void }): Promise<void> => {
    const n = await db.transaction((tx) => assignStories(tx, ctx.newArticleIds));
    if (n) ctx.progress(`stories: ${n} articles clustered`);
  },
};
