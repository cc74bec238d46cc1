import { createHash } from 'node:crypto';
import type { AnalyzedArticle } from '../../model/index.js';
import type { Db, Queryable } from '../../store/db.js';
import {
  addDocFreqCounts, allFeaturesByDate, clearStories, clusteredCount, featuresOf, loadDocFreq, openStories, replaceDocFreq, saveStoryFeatures,
  setArticleStories, storiesFollowOriginals, upsertStories, type FeatureRow, type StoryRow,
} from '../../store/stories.js';
import { firstDay } from '../../analyze/events/dates.js';
import { absorb, addToDocFreq, bestStory, labelOf, recentFrom, STORY_DEFAULTS, type DocFreq, type StoryOptions, type StoryState } from './cluster.js';
import { storyTerms, type Terms } from './features.js';

export function storyIdFor(firstArticleId: string): string {
  return `st-${createHash('sha256').update(firstArticleId).digest('hex').slice(0, 10)}`;
}

const toRow = (s: StoryState, d: DocFreq): StoryRow => ({ id: s.id, label: labelOf(s, d), firstDay: s.firstDay, lastDay: s.lastDay, articles: s.articles, centroid: s.centroid, touched: s.touched });
const toState = (r: StoryRow): StoryState => ({ id: r.id, centroid: r.centroid, firstDay: r.firstDay, lastDay: r.lastDay, articles: r.articles, touched: r.touched });
const newStory = (articleId: string): StoryState => ({ id: storyIdFor(articleId), centroid: {}, firstDay: null, lastDay: null, articles: 0, touched: 0 });

const shiftDay = (day: string, days: number): string => new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);

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
 * empty store gives the batch result, whatever order the files were read in. The open stories and
 * document frequencies are loaded once per batch; an article is compared only with stories that
 * share a term with it.
 */
export async function assignStories(q: Queryable, ids: readonly string[], o: StoryOptions = STORY_DEFAULTS): Promise<number> {
  const rows = (await featuresOf(q, ids)).sort((a, b) => (a.day ?? '9999').localeCompare(b.day ?? '9999') || a.articleId.localeCompare(b.articleId));
  const originals = rows.filter((f) => !f.storyId && !f.duplicateOf && Object.keys(f.terms).length > 0);
  if (originals.length > 0) {
    const days = originals.map((f) => f.day).filter((x): x is string => x !== null).sort();
    // Only stories that can be a candidate (cluster.ts isCandidate) for some article of the batch are loaded.
    const n0 = await clusteredCount(q);
    const stories = (await openStories(q, {
      dated: days.length ? { from: shiftDay(days[0]!, -o.windowDays), to: shiftDay(days.at(-1)!, o.windowDays) } : null,
      recentFrom: recentFrom(n0, o),
      anyRecent: days.length < originals.length,
    })).map(toState);
    const needed = new Set<string>();
    for (const f of originals) for (const k of Object.keys(f.terms)) needed.add(k);
    for (const st of stories) for (const k of Object.keys(st.centroid)) needed.add(k);
    const d = await loadDocFreq(q, [...needed]);
    const index = new Map<string, Set<StoryState>>();
    const indexStory = (st: StoryState, terms: Terms): void => {
      for (const k of Object.keys(terms)) {
        if (k.startsWith('b:')) continue; // stems cover the body words
        let set = index.get(k);
        if (!set) index.set(k, (set = new Set()));
        set.add(st);
      }
    };
    for (const st of stories) indexStory(st, st.centroid);
    const added = new Map<string, number>();
    const touched = new Set<StoryState>();
    const assignments: { articleId: string; storyId: string }[] = [];
    for (const f of originals) {
      addToDocFreq(d, f.terms);
      for (const k of Object.keys(f.terms)) added.set(k, (added.get(k) ?? 0) + 1);
      const candidates = new Set<StoryState>();
      for (const k of Object.keys(f.terms)) for (const st of index.get(k) ?? []) candidates.add(st);
      const hit = bestStory(f.terms, f.day, candidates, d, o);
      const story = hit?.story ?? newStory(f.articleId);
      absorb(story, f.terms, f.day, d.n, o);
      indexStory(story, f.terms);
      touched.add(story);
      assignments.push({ articleId: f.articleId, storyId: story.id });
    }
    await addDocFreqCounts(q, added, originals.length);
    await upsertStories(q, [...touched].map((st) => toRow(st, d)));
    await setArticleStories(q, assignments);
  }
  await storiesFollowOriginals(q, rows.filter((f) => f.duplicateOf && !f.storyId).map((f) => f.articleId));
  return originals.length;
}

/** Pure batch clustering in the given order (used by `restory` and tests). */
export function clusterInOrder(rows: readonly FeatureRow[], o: StoryOptions = STORY_DEFAULTS): { stories: StoryState[]; storyOf: Map<string, string>; d: DocFreq } {
  const d: DocFreq = { n: 0, df: new Map() };
  const stories: StoryState[] = [];
  const storyOf = new Map<string, string>();
  for (const f of rows) {
    if (f.duplicateOf || Object.keys(f.terms).length === 0) continue;
    addToDocFreq(d, f.terms);
    const hit = bestStory(f.terms, f.day, stories, d, o);
    const story = hit?.story ?? newStory(f.articleId);
    if (!hit) stories.push(story);
    absorb(story, f.terms, f.day, d.n, o);
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
    await upsertStories(tx, stories.map((s) => toRow(s, d)));
    // storyOf already holds each duplicate with its original's story, so the by-duplicate_of update changes nothing more.
    await setArticleStories(tx, [...storyOf].map(([articleId, storyId]) => ({ articleId, storyId })));
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
