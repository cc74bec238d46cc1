import type { Queryable } from '../../store/db.js';
import { toSummary, type ArticleSummary } from './articles.js';
import { entitiesReady } from './entities.js';
import { eventsOfArticles } from './events.js';
import { hasTables } from './schema.js';
import type { Bucket, EntityRef, StoryDetail, StorySummary } from './types.js';

/**
 * Stories (migration 042): `stories` rows, members through `articles.story_id`. Duplicates follow
 * their original, so members are the story's articles plus duplicates of them.
 */
export async function storiesReady(db: Queryable): Promise<boolean> {
  return hasTables(db, 'stories');
}

// Members of the stories in $1: articles of the story and duplicates of those.
const MEMBERS = `SELECT coalesce(a.story_id, o.story_id) AS sid, a.id, a.source, a.published_sort
  FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of
 WHERE a.story_id = ANY($1::text[]) OR (a.story_id IS NULL AND o.story_id = ANY($1::text[]))`;

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
  const stats = await db.query<{ sid: string; n: number; src: number }>(
    `SELECT sid, count(*)::int AS n, count(DISTINCT coalesce(source, ''))::int AS src FROM (${MEMBERS}) m GROUP BY sid`,
    [ids],
  );
  const days = await db.query<{ sid: string; period: string; count: number }>(
    `SELECT sid, published_sort::text AS period, count(*)::int AS count FROM (${MEMBERS}) m
      WHERE published_sort IS NOT NULL GROUP BY sid, published_sort ORDER BY sid, published_sort`,
    [ids],
  );
  const statOf = new Map(stats.map((s) => [s.sid, s]));
  const activity = new Map<string, Bucket[]>();
  for (const d of days) {
    const list = activity.get(d.sid) ?? [];
    list.push({ period: d.period, count: d.count });
    activity.set(d.sid, list);
  }
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    from: r.first_day,
    to: r.last_day,
    articles: statOf.get(r.id)?.n ?? 0,
    sources: statOf.get(r.id)?.src ?? 0,
    activity: activity.get(r.id) ?? [],
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
       FROM articles a WHERE a.id IN (SELECT id FROM (${MEMBERS}) m)
      ORDER BY a.published_sort NULLS LAST, a.seq`,
    [[id]],
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
