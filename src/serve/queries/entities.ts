import { kb } from '../../kb/index.js';
import type { Queryable } from '../../store/db.js';
import { toSummary, type ArticleSummary } from './articles.js';
import { eventsOfEntity } from './events.js';
import { hasTables } from './schema.js';
import type { Bucket, EntityDetail, EntityRef, EntityRole, EntitySummary } from './types.js';

/**
 * Canonical entities (migration 020): `entities`, the surface forms seen (`entity_aliases`) and
 * each article's linked mentions (`mentions.entity_id`). Roles come from the knowledge base.
 */
export async function entitiesReady(db: Queryable): Promise<boolean> {
  return hasTables(db, 'entities', 'mentions', 'entity_aliases');
}

interface EntityRow {
  id: string;
  name: string;
  type: string;
  kb_id: string | null;
  mentions: number;
  articles: number;
  [k: string]: unknown;
}

const toEntity = (r: EntityRow): EntitySummary => ({
  id: r.id,
  name: r.name,
  type: r.type,
  kbId: r.kb_id,
  mentions: Number(r.mentions),
  articles: Number(r.articles),
});

export async function countEntities(db: Queryable): Promise<number> {
  if (!(await entitiesReady(db))) return 0;
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM entities');
  return r?.n ?? 0;
}

export async function listEntities(
  db: Queryable,
  o: { type?: string; q?: string; limit?: number; offset?: number; articleCounts?: boolean } = {},
): Promise<{ total: number; items: EntitySummary[] }> {
  if (!(await entitiesReady(db))) return { total: 0, items: [] };
  const params: unknown[] = [];
  const where: string[] = [];
  if (o.type) where.push(`e.type = $${params.push(o.type)}`);
  if (o.q) where.push(`e.name ILIKE $${params.push(`%${o.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM entities e ${w}`, params);
  const limit = Math.min(Math.max(o.limit ?? 100, 1), 1000);
  // Mention counts from entity_aliases (kept per surface form by the entity resolver): far fewer
  // rows than mentions; article counts only for the rows of this page, through mentions_entity.
  const rows = await db.query<EntityRow>(
    `SELECT e.id, e.name, e.type, e.kb_id, coalesce(al.n, 0)::int AS mentions, 0 AS articles
       FROM entities e
       LEFT JOIN (SELECT entity_id, sum(mentions) AS n FROM entity_aliases GROUP BY entity_id) al ON al.entity_id = e.id
       ${w}
      ORDER BY mentions DESC, e.name, e.id LIMIT ${limit} OFFSET ${Math.max(o.offset ?? 0, 0)}`,
    params,
  );
  if (o.articleCounts !== false && rows.length) {
    const counts = await db.query<{ id: string; n: number }>(
      'SELECT entity_id AS id, count(DISTINCT article_id)::int AS n FROM mentions WHERE entity_id = ANY($1::text[]) GROUP BY entity_id',
      [rows.map((r) => r.id)],
    );
    const byId = new Map(counts.map((c) => [c.id, c.n]));
    for (const r of rows) r.articles = byId.get(r.id) ?? 0;
  }
  return { total: count?.n ?? 0, items: rows.map(toEntity) };
}

/** Roles from the knowledge base, with their dates (`Staatsoberhaupt USA, 2025-01-20 – `). */
function rolesOf(kbId: string | null): { roles: EntityRole[]; description: string | null } {
  if (!kbId) return { roles: [], description: null };
  let k;
  try {
    k = kb();
  } catch {
    return { roles: [], description: null };
  }
  const entry = k.get(kbId);
  if (!entry) return { roles: [], description: null };
  const roles = entry.roles.map((r) => ({
    role: `${k.roleDefs[r.role]?.de ?? r.role} ${k.get(r.of)?.name ?? r.of}`,
    from: r.start ?? null,
    to: r.end ?? null,
  }));
  const stands = entry.standsFor ? k.get(entry.standsFor)?.name : undefined;
  const description = [entry.wikidata ? `Wikidata ${entry.wikidata}` : null, stands ? `steht (Metonymie) für ${stands}` : null]
    .filter(Boolean)
    .join(' · ');
  return { roles, description: description || null };
}

/**
 * The entity's most recent articles, at most CO_MENTION_WINDOW: co-mentions are counted there so
 * the page stays fast for entities in tens of thousands of articles.
 */
export const CO_MENTION_WINDOW = 300;
/** Events an entity page lists (the latest; the timeline filtered by the entity has them all). */
export const ENTITY_EVENTS = 200;
const RECENT_ARTICLES = `SELECT a.id AS article_id FROM articles a
  WHERE a.id IN (SELECT article_id FROM mentions WHERE entity_id = $1)
  ORDER BY a.published_sort DESC NULLS LAST, a.seq DESC LIMIT ${CO_MENTION_WINDOW}`;

export async function getEntity(db: Queryable, id: string): Promise<EntityDetail | null> {
  if (!(await entitiesReady(db))) return null;
  const [r] = await db.query<EntityRow>('SELECT e.id, e.name, e.type, e.kb_id, 0 AS mentions, 0 AS articles FROM entities e WHERE e.id = $1', [id]);
  if (!r) return null;
  const aliases = await db.query<{ alias: string; count: number }>(
    'SELECT alias, mentions AS count FROM entity_aliases WHERE entity_id = $1 ORDER BY mentions DESC, alias LIMIT 50',
    [id],
  );
  // One pass over the entity's mentions: per month (null: undated) mentions and distinct articles;
  // an article lies in one month, so the sums are the totals.
  const perMonth = await db.query<{ period: string | null; n: number; arts: number }>(
    `SELECT to_char(a.published_sort, 'YYYY-MM') AS period, count(*)::int AS n, count(DISTINCT a.id)::int AS arts
       FROM mentions m JOIN articles a ON a.id = m.article_id
      WHERE m.entity_id = $1 GROUP BY 1 ORDER BY 1`,
    [id],
  );
  r.mentions = perMonth.reduce((t, b) => t + b.n, 0);
  r.articles = perMonth.reduce((t, b) => t + b.arts, 0);
  const months: Bucket[] = perMonth.filter((b) => b.period !== null).map((b) => ({ period: b.period as string, count: b.n }));
  const { coMentioned: co, links } = await coMentions(db, id);
  const recent = await db.query<Parameters<typeof toSummary>[0]>(
    `SELECT a.id, a.title, a.published, a.source, a.language, a.duplicate_of, a.duplicate_kind, a.story_id
       FROM articles a WHERE a.id IN (SELECT article_id FROM mentions WHERE entity_id = $1)
      ORDER BY a.published_sort DESC NULLS LAST, a.seq DESC LIMIT 10`,
    [id],
  );
  const { roles, description } = rolesOf(r.kb_id);
  return {
    ...toEntity(r),
    description,
    aliases: aliases.map((a) => ({ alias: a.alias, count: Number(a.count) })),
    roles,
    mentionsOverTime: months,
    coMentioned: co,
    coMentionLinks: links,
    events: await eventsOfEntity(db, r.id, ENTITY_EVENTS),
    recentArticles: recent.map(toSummary) as ArticleSummary[],
  };
}

/**
 * Entities mentioned in the same articles (within the entity's latest CO_MENTION_WINDOW articles),
 * the top 12 by shared articles, and how often those appear with each other (the network's
 * edges). One query fetches the distinct (article, entity) pairs; counting happens here.
 */
async function coMentions(db: Queryable, id: string): Promise<{ coMentioned: (EntityRef & { count: number })[]; links: [string, string, number][] }> {
  const pairs = await db.query<{ a: string; e: string }>(
    `WITH arts AS (${RECENT_ARTICLES})
     SELECT DISTINCT m.article_id AS a, m.entity_id AS e FROM mentions m JOIN arts USING (article_id)
      WHERE m.entity_id IS NOT NULL AND m.entity_id <> $1`,
    [id],
  );
  const counts = new Map<string, number>();
  for (const p of pairs) counts.set(p.e, (counts.get(p.e) ?? 0) + 1);
  const top = [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 12);
  if (top.length === 0) return { coMentioned: [], links: [] };
  const topIds = new Set(top.map(([e]) => e));
  const byArticle = new Map<string, string[]>();
  for (const p of pairs) {
    if (!topIds.has(p.e)) continue;
    const list = byArticle.get(p.a) ?? [];
    list.push(p.e);
    byArticle.set(p.a, list);
  }
  const linkCounts = new Map<string, number>();
  for (const list of byArticle.values()) {
    list.sort();
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const k = `${list[i]}\u0000${list[j]}`;
        linkCounts.set(k, (linkCounts.get(k) ?? 0) + 1);
      }
  }
  const refs = await db.query<EntityRef>('SELECT id, name, type FROM entities WHERE id = ANY($1::text[])', [[...topIds]]);
  const refOf = new Map(refs.map((r) => [r.id, r]));
  return {
    coMentioned: top.flatMap(([e, count]) => {
      const r = refOf.get(e);
      return r ? [{ ...r, count }] : [];
    }),
    links: [...linkCounts.entries()].map(([k, n]) => {
      const [x, y] = k.split('\u0000') as [string, string];
      return [x, y, n];
    }),
  };
}

/** `Name (TYPE)` labels of entities by id (facets). */
export async function entityLabels(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0 || !(await entitiesReady(db))) return new Map();
  const rows = await db.query<EntityRef>('SELECT id, name, type FROM entities WHERE id = ANY($1::text[])', [ids]);
  return new Map(rows.map((r) => [r.id, `${r.name} (${r.type})`]));
}

/**
 * A WHERE fragment restricting articles `a` to those mentioning entity `id` (pushes its param),
 * or null when entities are not available.
 */
export async function entityFilterSql(db: Queryable, params: unknown[], id: string): Promise<string | null> {
  if (!(await entitiesReady(db))) return null;
  return `a.id IN (SELECT article_id FROM mentions WHERE entity_id = $${params.push(id)})`;
}

/** Entity pages for canonical names (event actors and recipients link to them). */
export async function entityRefsByName(db: Queryable, names: readonly string[]): Promise<Map<string, EntityRef[]>> {
  if (names.length === 0 || !(await entitiesReady(db))) return new Map();
  const rows = await db.query<EntityRef>(
    `SELECT e.id, e.name, e.type FROM entities e WHERE e.name = ANY($1::text[])
      ORDER BY (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) DESC, e.id`,
    [names],
  );
  const out = new Map<string, EntityRef[]>();
  // One page per name: the most mentioned entity of that name.
  for (const r of rows) if (!out.has(r.name)) out.set(r.name, [r]);
  return out;
}
