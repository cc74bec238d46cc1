import type { Queryable } from '../../store/db.js';
import { toSummary, type ArticleSummary } from './articles.js';
import { entitiesReady } from './entities.js';
import { eventsOfArticles } from './events.js';
import { hasTables } from './schema.js';
import type { Bucket, EntityRef, StoryDetail, StorySummary } from './types.js';

/** Stories (migration 042): `stories` rows, members through `articles.story_id`. */
export async function storiesReady(db: Queryable): Promise<boolean> {
  return hasTables(db, 'stories');
}

// Members of the stories in $1: the story resolver gives near and exact duplicates their
// original's story, so one index lookup on articles.story_id finds them all.
const MEMBERS = `SELECT a.story_id AS sid, a.id, a.source, a.published_sort FROM articles a WHERE a.story_id = ANY($1::text[])`;

interface StoryRow {
  id: string;
  label: string;
  first_day: string | null;
  last_day: string | null;
  [k: string]: unknown;
}

async function summarise(db: Queryable, rows: StoryRow[]): Promise<StorySummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // One scan of the members: a row per (story, day) with its count and one per (story, outlet).
  const groups = await db.query<{ sid: string; day: string | null; source: string | null; n: number; by_day: boolean }>(
    `SELECT sid, published_sort::text AS day, coalesce(source, '') AS source, count(*)::int AS n,
            GROUPING(published_sort) = 0 AS by_day
       FROM (${MEMBERS}) m GROUP BY GROUPING SETS ((sid, published_sort), (sid, coalesce(source, '')))`,
    [ids],
  );
  const stat = new Map<string, { n: number; src: number; activity: Bucket[] }>();
  for (const g of groups) {
    const s = stat.get(g.sid) ?? { n: 0, src: 0, activity: [] };
    if (g.by_day) {
      s.n += g.n;
      if (g.day) s.activity.push({ period: g.day, count: g.n });
    } else s.src++;
    stat.set(g.sid, s);
  }
  for (const s of stat.values()) s.activity.sort((x, y) => (x.period < y.period ? -1 : 1));
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    from: r.first_day,
    to: r.last_day,
    articles: stat.get(r.id)?.n ?? 0,
    sources: stat.get(r.id)?.src ?? 0,
    activity: stat.get(r.id)?.activity ?? [],
  }));
}

export async function countStories(db: Queryable): Promise<number> {
  if (!(await storiesReady(db))) return 0;
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM stories');
  return r?.n ?? 0;
}

/** Stories, newest activity first. */
export async function listStories(db: Queryable, o: { limit?: number; offset?: number } = {}): Promise<{ total: number; items: StorySummary[] }> {
  if (!(await storiesReady(db))) return { total: 0, items: [] };
  const limit = Math.min(Math.max(o.limit ?? 50, 1), 500);
  const rows = await db.query<StoryRow>(
    `SELECT id, label, first_day::text AS first_day, last_day::text AS last_day FROM stories
      ORDER BY last_day DESC NULLS LAST, seq DESC LIMIT ${limit} OFFSET ${Math.max(o.offset ?? 0, 0)}`,
  );
  return { total: await countStories(db), items: await summarise(db, rows) };
}

/** Articles a story page lists at most (the article list pages through all of them). */
export const STORY_ARTICLES_LIMIT = 500;

export async function getStory(db: Queryable, id: string): Promise<StoryDetail | null> {
  if (!(await storiesReady(db))) return null;
  const rows = await db.query<StoryRow>(
    'SELECT id, label, first_day::text AS first_day, last_day::text AS last_day FROM stories WHERE id = $1',
    [id],
  );
  const [summary] = await summarise(db, rows);
  if (!summary) return null;
  const members = await db.query<Parameters<typeof toSummary>[0]>(
    `SELECT a.id, a.title, a.published, a.source, a.language, a.duplicate_of, a.duplicate_kind, a.story_id
       FROM articles a WHERE a.story_id = $1
      ORDER BY a.published_sort NULLS LAST, a.seq LIMIT ${STORY_ARTICLES_LIMIT}`,
    [id],
  );
  const all = members.map(toSummary);
  const inStory = new Set(all.map((a) => a.id));
  const groups = new Map<string, { original: ArticleSummary; duplicates: ArticleSummary[] }>();
  for (const a of all) if (!a.duplicateOf || !inStory.has(a.duplicateOf)) groups.set(a.id, { original: a, duplicates: [] });
  for (const a of all) if (a.duplicateOf && inStory.has(a.duplicateOf)) groups.get(a.duplicateOf)?.duplicates.push(a);
  const outlets = new Map<string, number>();
  for (const a of all) outlets.set(a.source ?? 'unbekannte Quelle', (outlets.get(a.source ?? 'unbekannte Quelle') ?? 0) + 1);
  const entities = (await entitiesReady(db))
    ? await db.query<EntityRef & { count: number }>(
        `SELECT e.id, e.name, e.type, count(DISTINCT m.article_id)::int AS count
           FROM mentions m JOIN entities e ON e.id = m.entity_id
          WHERE m.article_id IN (SELECT id FROM (${MEMBERS}) x)
          GROUP BY e.id, e.name, e.type ORDER BY count DESC, e.name LIMIT 15`,
        [[id]],
      )
    : [];
  return {
    ...summary,
    groups: [...groups.values()],
    outlets: [...outlets.entries()].map(([source, count]) => ({ source, count })).sort((a, b) => b.count - a.count || a.source.localeCompare(b.source, 'de')),
    entities,
    events: await eventsOfArticles(db, `m.article_id IN (SELECT id FROM (${MEMBERS}) x)`, [[id]]),
  };
}

/** Id and label of the most recently active stories (filter menus). */
export async function storyOptions(db: Queryable, limit = 200): Promise<{ id: string; label: string }[]> {
  if (!(await storiesReady(db))) return [];
  return db.query<{ id: string; label: string }>(
    `SELECT id, label FROM stories ORDER BY last_day DESC NULLS LAST, seq DESC LIMIT ${Math.min(Math.max(limit, 1), 1000)}`,
  );
}

/** Labels of stories by id (facets, links). */
export async function storyLabels(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0 || !(await storiesReady(db))) return new Map();
  const rows = await db.query<{ id: string; label: string }>('SELECT id, label FROM stories WHERE id = ANY($1::text[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.label]));
}
