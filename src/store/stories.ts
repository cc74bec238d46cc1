import type { Queryable } from './db.js';

/** Storage of story features, streaming document frequencies and stories (042_stories.sql). */

export type TermCounts = Record<string, number>;

const N_KEY = '__n__';
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const day = (d: unknown): string | null => (d === null || d === undefined ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

export async function saveStoryFeatures(tx: Queryable, articleId: string, terms: TermCounts, firstDay: string | null): Promise<void> {
  await tx.query(
    'INSERT INTO story_features (article_id, terms, day) VALUES ($1, $2::jsonb, $3::date) ON CONFLICT (article_id) DO NOTHING',
    [articleId, JSON.stringify(terms), firstDay],
  );
}

export interface FeatureRow {
  articleId: string;
  terms: TermCounts;
  day: string | null;
  duplicateOf: string | null;
  storyId: string | null;
}

interface FeatureDbRow {
  [k: string]: unknown;
  id: string;
  terms: TermCounts | string | null;
  day: string | Date | null;
  duplicate_of: string | null;
  story_id: string | null;
}

const toFeature = (r: FeatureDbRow): FeatureRow => ({
  articleId: r.id,
  terms: r.terms ? json(r.terms) : {},
  day: day(r.day),
  duplicateOf: r.duplicate_of,
  storyId: r.story_id,
});

/** Features and duplicate marks of the given articles, in the order of `ids` (articles without features get `{}`). */
export async function featuresOf(q: Queryable, ids: readonly string[]): Promise<FeatureRow[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<FeatureDbRow>(
    `SELECT a.id, f.terms, f.day::text AS day, a.duplicate_of, a.story_id FROM articles a
       LEFT JOIN story_features f ON f.article_id = a.id WHERE a.id = ANY($1::text[])`,
    [[...ids]],
  );
  const byId = new Map(rows.map((r) => [r.id, toFeature(r)]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Every article with its features, in publication-date order then id (the batch order of `restory`). */
export async function allFeaturesByDate(q: Queryable): Promise<FeatureRow[]> {
  const rows = await q.query<FeatureDbRow>(
    `SELECT a.id, f.terms, f.day::text AS day, a.duplicate_of, a.story_id FROM articles a
       LEFT JOIN story_features f ON f.article_id = a.id ORDER BY a.published_sort NULLS LAST, a.id`,
  );
  return rows.map(toFeature);
}

/** Document frequencies of `terms` and the number of articles counted. */
export async function loadDocFreq(q: Queryable, terms: readonly string[]): Promise<{ n: number; df: Map<string, number> }> {
  const rows = await q.query<{ term: string; df: number }>('SELECT term, df FROM story_df WHERE term = ANY($1::text[])', [[...terms, N_KEY]]);
  const df = new Map<string, number>();
  let n = 0;
  for (const r of rows) {
    if (r.term === N_KEY) n = Number(r.df);
    else df.set(r.term, Number(r.df));
  }
  return { n, df };
}

export async function addDocFreq(q: Queryable, terms: readonly string[]): Promise<void> {
  await q.query(
    `INSERT INTO story_df (term, df) SELECT t, 1 FROM unnest($1::text[]) AS t
     ON CONFLICT (term) DO UPDATE SET df = story_df.df + 1`,
    [[...new Set([...terms, N_KEY])]],
  );
}

/** Replaces the whole document-frequency table (after a batch recompute). */
export async function replaceDocFreq(q: Queryable, n: number, df: ReadonlyMap<string, number>): Promise<void> {
  await q.query('DELETE FROM story_df');
  const terms = [...df.keys(), N_KEY];
  const counts = [...df.values(), n];
  await q.query('INSERT INTO story_df (term, df) SELECT * FROM unnest($1::text[], $2::int[])', [terms, counts]);
}

export interface StoryRow {
  id: string;
  label: string;
  firstDay: string | null;
  lastDay: string | null;
  articles: number;
  centroid: TermCounts;
  /** The count of articles clustered when the story last grew (its recency). */
  touched: number;
}

interface StoryDbRow {
  [k: string]: unknown;
  id: string;
  label: string;
  first_day: string | Date | null;
  last_day: string | Date | null;
  articles: number;
  centroid: TermCounts | string;
  touched: number | string;
}

const toStory = (r: StoryDbRow): StoryRow => ({
  id: r.id,
  label: r.label,
  firstDay: day(r.first_day),
  lastDay: day(r.last_day),
  articles: Number(r.articles),
  centroid: json(r.centroid),
  touched: Number(r.touched),
});

/** How many articles have been clustered into stories (the document-frequency count). */
export async function clusteredCount(q: Queryable): Promise<number> {
  const rows = await q.query<{ df: number }>('SELECT df FROM story_df WHERE term = $1', [N_KEY]);
  return Number(rows[0]?.df ?? 0);
}

export interface OpenStoriesFilter {
  /** Dated stories whose date range meets [from, to] (null: no dated story by date). */
  dated: { from: string; to: string } | null;
  /** Undated stories last grown at or after this count of clustered articles… */
  recentFrom: number;
  /** …and, when the batch has undated articles, every story grown since then. */
  anyRecent: boolean;
}

/**
 * Stories that may take a batch's articles: dated ones by date range, the others by recency of
 * their last update, so neither set grows with the whole store (stories_open_* indexes).
 */
export async function openStories(q: Queryable, f: OpenStoriesFilter): Promise<StoryRow[]> {
  const recent = f.anyRecent ? 'touched >= $1' : '(last_day IS NULL AND touched >= $1)';
  const where = f.dated ? `(last_day >= $2::date AND first_day <= $3::date) OR ${recent}` : recent;
  const params: unknown[] = f.dated ? [f.recentFrom, f.dated.from, f.dated.to] : [f.recentFrom];
  const rows = await q.query<StoryDbRow>(
    `SELECT id, label, first_day::text AS first_day, last_day::text AS last_day, articles, centroid, touched FROM stories
      WHERE ${where} ORDER BY seq`,
    params,
  );
  return rows.map(toStory);
}

/** Puts an article and every duplicate of it into a story. */
export async function setArticleStory(q: Queryable, articleId: string, storyId: string | null): Promise<void> {
  await q.query('UPDATE articles SET story_id = $2 WHERE id = $1 OR duplicate_of = $1', [articleId, storyId]);
}

export async function storyOfArticle(q: Queryable, articleId: string): Promise<string | null> {
  const rows = await q.query<{ story_id: string | null }>('SELECT story_id FROM articles WHERE id = $1', [articleId]);
  return rows[0]?.story_id ?? null;
}

export async function clearStories(q: Queryable): Promise<void> {
  await q.query('UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL');
  await q.query('DELETE FROM stories');
  await q.query('DELETE FROM story_df');
}

export interface StoryListing {
  id: string;
  label: string;
  articles: string[];
  from: string | null;
  to: string | null;
}

/** Stories with their article ids (duplicates included), by first date then id. */
export async function listStories(q: Queryable): Promise<StoryListing[]> {
  const stories = await q.query<StoryDbRow>(
    'SELECT id, label, first_day::text AS first_day, last_day::text AS last_day, articles, centroid FROM stories ORDER BY first_day NULLS LAST, id',
  );
  const members = await q.query<{ id: string; story_id: string }>(
    'SELECT id, story_id FROM articles WHERE story_id IS NOT NULL ORDER BY published_sort NULLS LAST, seq',
  );
  const by = new Map<string, string[]>();
  for (const m of members) by.set(m.story_id, [...(by.get(m.story_id) ?? []), m.id]);
  return stories.map((s) => ({ id: s.id, label: s.label, articles: by.get(s.id) ?? [], from: day(s.first_day), to: day(s.last_day) }));
}

/** Adds counted document frequencies (and `n` articles) in one statement. */
export async function addDocFreqCounts(q: Queryable, counts: ReadonlyMap<string, number>, n: number): Promise<void> {
  if (n === 0) return;
  const terms = [...counts.keys(), N_KEY];
  const values = [...counts.values(), n];
  await q.query(
    `INSERT INTO story_df (term, df) SELECT * FROM unnest($1::text[], $2::int[])
     ON CONFLICT (term) DO UPDATE SET df = story_df.df + EXCLUDED.df`,
    [terms, values],
  );
}

/**
 * Puts articles into stories, each with its duplicates: two statements, one by id and one by
 * `duplicate_of`, because a join on `id = u.id OR duplicate_of = u.id` can use no index and scans
 * the whole articles table for every batch.
 */
export async function setArticleStories(q: Queryable, rows: readonly { articleId: string; storyId: string }[]): Promise<void> {
  if (rows.length === 0) return;
  const params = [rows.map((r) => r.articleId), rows.map((r) => r.storyId)];
  await q.query(
    `UPDATE articles a SET story_id = u.story_id FROM unnest($1::text[], $2::text[]) AS u(id, story_id)
      WHERE a.id = u.id`,
    params,
  );
  await q.query(
    `UPDATE articles a SET story_id = u.story_id FROM unnest($1::text[], $2::text[]) AS u(id, story_id)
      WHERE a.duplicate_of = u.id AND a.duplicate_of IS NOT NULL`,
    params,
  );
}

/** Inserts or updates many stories in one statement (a batch's touched stories). */
export async function upsertStories(q: Queryable, ss: readonly StoryRow[]): Promise<void> {
  if (ss.length === 0) return;
  await q.query(
    `INSERT INTO stories (id, label, first_day, last_day, articles, centroid, touched)
     SELECT u.id, u.label, u.first_day::date, u.last_day::date, u.articles, u.centroid::jsonb, u.touched
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::bigint[])
         AS u(id, label, first_day, last_day, articles, centroid, touched)
     ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label, first_day = EXCLUDED.first_day, last_day = EXCLUDED.last_day,
       articles = EXCLUDED.articles, centroid = EXCLUDED.centroid, touched = EXCLUDED.touched`,
    [ss.map((s) => s.id), ss.map((s) => s.label), ss.map((s) => s.firstDay), ss.map((s) => s.lastDay),
      ss.map((s) => s.articles), ss.map((s) => JSON.stringify(s.centroid)), ss.map((s) => s.touched)],
  );
}

/** Duplicates among `ids` without a story join their original's. */
export async function storiesFollowOriginals(q: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await q.query(
    `UPDATE articles a SET story_id = o.story_id FROM articles o
      WHERE a.id = ANY($1::text[]) AND a.duplicate_of = o.id AND a.story_id IS NULL AND o.story_id IS NOT NULL`,
    [[...ids]],
  );
}
