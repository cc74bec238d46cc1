import type { EntityMention, EntityType } from '../model/index.js';
import type { Queryable } from './db.js';

/** Storage of entity mentions and corpus entities (020_entities.sql). */

export interface EntityRecord {
  id: string;
  name: string;
  type: EntityType;
  kbId: string | null;
  wikidata: string | null;
  linkKey: string;
}

/** A stored mention, with its corpus entity once the resolver has linked it. */
export interface StoredMention extends EntityMention {
  field: 'title' | 'body';
  articleId: string;
  idx: number;
  entityId: string | null;
  /** For metonyms: the entity the mention stands for (`Moskau` → `kb:RU`). */
  standsFor: string | null;
}

/**
 * Replaces the stored mentions of one article (idempotent for re-analysis); one statement. `idx`
 * is the position in `mentions`: callers pass the body's mentions first, so `idx` stays the index
 * into `AnalyzedArticle.entities` that events refer to, and the title's after them.
 */
export async function saveMentions(tx: Queryable, articleId: string, mentions: readonly EntityMention[]): Promise<void> {
  await tx.query('DELETE FROM mentions WHERE article_id = $1', [articleId]);
  if (mentions.length === 0) return;
  const col = <T>(f: (m: EntityMention) => T): T[] => mentions.map(f);
  await tx.query(
    `INSERT INTO mentions (article_id, idx, start, "end", text, normalized, type, sentence, role, metonym, kb_id, field)
     SELECT $1, i - 1, s, e, t, n, ty, se, r, me, k, f
       FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::boolean[], $10::text[], $11::text[])
            WITH ORDINALITY AS v(s, e, t, n, ty, se, r, me, k, f, i)`,
    [
      articleId, col((m) => m.start), col((m) => m.end), col((m) => m.text), col((m) => m.normalized), col((m) => m.type),
      col((m) => m.sentence), col((m) => m.role ?? null), col((m) => m.metonym ?? false), col((m) => m.kbId ?? null),
      col((m) => m.field ?? 'body'),
    ],
  );
}

interface MentionRow {
  article_id: string;
  idx: number;
  start: number;
  end: number;
  text: string;
  normalized: string;
  type: string;
  sentence: number;
  role: string | null;
  metonym: boolean;
  kb_id: string | null;
  entity_id: string | null;
  stands_for: string | null;
  field: string;
  [k: string]: unknown;
}

function toMention(r: MentionRow): StoredMention {
  const m: StoredMention = {
    articleId: r.article_id, idx: Number(r.idx), start: Number(r.start), end: Number(r.end), text: r.text,
    normalized: r.normalized, type: r.type as EntityType, sentence: Number(r.sentence), entityId: r.entity_id,
    standsFor: r.stands_for, field: r.field === 'title' ? 'title' : 'body',
  };
  if (r.role) m.role = r.role;
  if (r.metonym) m.metonym = true;
  if (r.kb_id) m.kbId = r.kb_id;
  return m;
}

const MENTION_COLS = 'article_id, idx, start, "end", text, normalized, type, sentence, role, metonym, kb_id, entity_id, stands_for, field';

/** Mentions not yet linked to an entity, of the given articles, in article then text order. */
export async function unlinkedMentions(db: Queryable, articleIds: readonly string[]): Promise<StoredMention[]> {
  if (articleIds.length === 0) return [];
  const rows = await db.query<MentionRow>(
    `SELECT ${MENTION_COLS} FROM mentions WHERE entity_id IS NULL AND article_id = ANY($1::text[]) ORDER BY article_id, idx`,
    [articleIds],
  );
  return rows.map(toMention);
}

/** An article's mentions (body in text order, then title), with entity ids. */
export async function listMentions(db: Queryable, articleId: string): Promise<StoredMention[]> {
  const rows = await db.query<MentionRow>(`SELECT ${MENTION_COLS} FROM mentions WHERE article_id = $1 ORDER BY idx`, [articleId]);
  return rows.map(toMention);
}

interface EntityRow {
  id: string;
  name: string;
  type: string;
  kb_id: string | null;
  wikidata: string | null;
  link_key: string;
  [k: string]: unknown;
}

export async function loadEntities(db: Queryable): Promise<EntityRecord[]> {
  const rows = await db.query<EntityRow>('SELECT id, name, type, kb_id, wikidata, link_key FROM entities');
  return rows.map((r) => ({ id: r.id, name: r.name, type: r.type as EntityType, kbId: r.kb_id, wikidata: r.wikidata, linkKey: r.link_key }));
}

/** Inserts new entities in one statement (existing ids are left alone). */
export async function insertEntities(db: Queryable, es: readonly EntityRecord[]): Promise<void> {
  if (es.length === 0) return;
  await db.query(
    `INSERT INTO entities (id, name, type, kb_id, wikidata, link_key)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     ON CONFLICT (id) DO NOTHING`,
    [es.map((e) => e.id), es.map((e) => e.name), es.map((e) => e.type), es.map((e) => e.kbId), es.map((e) => e.wikidata), es.map((e) => e.linkKey)],
  );
}

export interface MentionLink {
  articleId: string;
  idx: number;
  entityId: string;
  standsFor?: string;
}

export async function linkMentions(db: Queryable, links: readonly MentionLink[]): Promise<void> {
  if (links.length === 0) return;
  await db.query(
    `UPDATE mentions m SET entity_id = v.e, stands_for = v.s
       FROM (SELECT unnest($1::text[]) AS a, unnest($2::int[]) AS i, unnest($3::text[]) AS e, unnest($4::text[]) AS s) v
      WHERE m.article_id = v.a AND m.idx = v.i`,
    [links.map((l) => l.articleId), links.map((l) => l.idx), links.map((l) => l.entityId), links.map((l) => l.standsFor ?? null)],
  );
}

/** Moves every mention of entity `from` to `into` and deletes `from`. */
export async function mergeEntity(db: Queryable, from: string, into: string): Promise<void> {
  await db.query('UPDATE mentions SET entity_id = $2 WHERE entity_id = $1', [from, into]);
  await db.query('UPDATE mentions SET stands_for = $2 WHERE stands_for = $1', [from, into]);
  await db.query('DELETE FROM entities WHERE id = $1', [from]);
}

// A mention whose text is (part of) its role (`der US-Präsident` resolved to Trump by date) names
// the entity by office, not by name: it stays linked but gives no alias.
const NAME_MENTION = '(role IS NULL OR strpos(lower(role), lower(text)) = 0)';

/**
 * Recomputes the name forms seen for the given entities (all when omitted) from the mentions:
 * each mention's name with inflection removed (`Putins` → `Putin`), never a role word.
 */
export async function refreshAliases(db: Queryable, entityIds?: readonly string[]): Promise<void> {
  if (!entityIds) {
    await db.query('DELETE FROM entity_aliases');
    await db.query(
      `INSERT INTO entity_aliases (entity_id, alias, mentions)
       SELECT entity_id, normalized, count(*)::int FROM mentions
        WHERE entity_id IS NOT NULL AND ${NAME_MENTION} GROUP BY entity_id, normalized`,
    );
    return;
  }
  if (entityIds.length === 0) return;
  await db.query('DELETE FROM entity_aliases WHERE entity_id = ANY($1::text[])', [entityIds]);
  await db.query(
    `INSERT INTO entity_aliases (entity_id, alias, mentions)
     SELECT entity_id, normalized, count(*)::int FROM mentions
      WHERE entity_id = ANY($1::text[]) AND ${NAME_MENTION} GROUP BY entity_id, normalized`,
    [entityIds],
  );
}

export interface EntitySummary {
  id: string;
  name: string;
  type: EntityType;
  kbId: string | null;
  wikidata: string | null;
  /** Surface forms seen, most frequent first. */
  aliases: string[];
  mentions: number;
  articles: number;
}

interface SummaryRow {
  id: string;
  name: string;
  type: string;
  kb_id: string | null;
  wikidata: string | null;
  mentions: number;
  articles: number;
  [k: string]: unknown;
}

/** Corpus entities with their aliases and counts, most mentioned first. */
export async function listEntities(db: Queryable, opts: { type?: string } = {}): Promise<EntitySummary[]> {
  const rows = await db.query<SummaryRow>(
    `SELECT e.id, e.name, e.type, e.kb_id, e.wikidata,
            count(m.*)::int AS mentions, count(DISTINCT m.article_id)::int AS articles
       FROM entities e JOIN mentions m ON m.entity_id = e.id
      WHERE ($1::text IS NULL OR e.type = $1)
      GROUP BY e.id, e.name, e.type, e.kb_id, e.wikidata
      ORDER BY mentions DESC, e.name`,
    [opts.type ?? null],
  );
  const aliasRows = await db.query<{ entity_id: string; alias: string; mentions: number }>(
    'SELECT entity_id, alias, mentions FROM entity_aliases ORDER BY mentions DESC, alias',
  );
  const aliases = new Map<string, string[]>();
  for (const a of aliasRows) aliases.set(a.entity_id, [...(aliases.get(a.entity_id) ?? []), a.alias]);
  return rows.map((r) => ({
    id: r.id, name: r.name, type: r.type as EntityType, kbId: r.kb_id, wikidata: r.wikidata,
    aliases: aliases.get(r.id) ?? [], mentions: Number(r.mentions), articles: Number(r.articles),
  }));
}

/** Ids of the articles that mention an entity, oldest first. */
export async function entityArticles(db: Queryable, entityId: string): Promise<string[]> {
  const rows = await db.query<{ article_id: string }>(
    `SELECT m.article_id FROM mentions m JOIN articles a ON a.id = m.article_id
      WHERE m.entity_id = $1 GROUP BY m.article_id, a.published_sort ORDER BY a.published_sort NULLS LAST, m.article_id`,
    [entityId],
  );
  return rows.map((r) => r.article_id);
}
