import type { Queryable } from '../../store/db.js';

/** An article as the pages and the API list it. */
export interface ArticleSummary {
  id: string;
  title: string | null;
  published: string | null;
  source: string | null;
  language: string;
  duplicateOf: string | null;
  duplicateKind: string | null;
  storyId: string | null;
}

export interface ArticleDetail extends ArticleSummary {
  origin: string;
  url: string | null;
  format: string;
  author: string | null;
  agency: string | null;
  dateline: string | null;
  publishedRaw: string | null;
  encoding: string;
  duplicateScore: number | null;
  text: string;
  origins: string[];
  /** Articles marked as duplicates of this one. */
  duplicates: ArticleSummary[];
}

const SUMMARY_COLS = `a.id, a.title, a.published, a.source, a.language, a.duplicate_of, a.duplicate_kind, a.story_id`;

interface SummaryRow {
  id: string;
  title: string | null;
  published: string | null;
  source: string | null;
  language: string;
  duplicate_of: string | null;
  duplicate_kind: string | null;
  story_id: string | null;
  [k: string]: unknown;
}

export function toSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    published: r.published,
    source: r.source,
    language: r.language,
    duplicateOf: r.duplicate_of,
    duplicateKind: r.duplicate_kind,
    storyId: r.story_id,
  };
}

export interface Totals {
  articles: number;
  originals: number;
  sources: number;
  from: string | null;
  to: string | null;
}

export async function totals(db: Queryable): Promise<Totals> {
  const [r] = await db.query<{ n: number; orig: number; src: number; mn: string | null; mx: string | null }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE duplicate_of IS NULL)::int AS orig,
            count(DISTINCT source)::int AS src, min(published_sort)::text AS mn, max(published_sort)::text AS mx
       FROM articles`,
  );
  return { articles: r?.n ?? 0, originals: r?.orig ?? 0, sources: r?.src ?? 0, from: r?.mn ?? null, to: r?.mx ?? null };
}

export interface ArticleListOptions {
  limit?: number;
  offset?: number;
  source?: string;
  storyId?: string;
}

export async function listArticles(db: Queryable, o: ArticleListOptions = {}): Promise<{ total: number; items: ArticleSummary[] }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (o.source) where.push(`a.source = $${params.push(o.source)}`);
  if (o.storyId) where.push(`a.story_id = $${params.push(o.storyId)}`);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM articles a ${w}`, params);
  const limit = Math.min(Math.max(o.limit ?? 50, 1), 500);
  const rows = await db.query<SummaryRow>(
    `SELECT ${SUMMARY_COLS} FROM articles a ${w}
      ORDER BY a.published_sort DESC NULLS LAST, a.seq DESC LIMIT ${limit} OFFSET ${Math.max(o.offset ?? 0, 0)}`,
    params,
  );
  return { total: count?.n ?? 0, items: rows.map(toSummary) };
}

export async function getArticle(db: Queryable, id: string): Promise<ArticleDetail | null> {
  const rows = await db.query<
    SummaryRow & {
      origin: string;
      url: string | null;
      format: string;
      author: string | null;
      agency: string | null;
      dateline: string | null;
      published_raw: string | null;
      encoding: string;
      duplicate_score: number | null;
      text: string;
    }
  >(
    `SELECT ${SUMMARY_COLS}, a.origin, a.url, a.format, a.author, a.agency, a.dateline, a.published_raw,
            a.encoding, a.duplicate_score, a.text
       FROM articles a WHERE a.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  const origins = await db.query<{ origin: string }>(
    'SELECT origin FROM article_origins WHERE article_id = $1 ORDER BY first_seen, origin',
    [id],
  );
  const dups = await db.query<SummaryRow>(
    `SELECT ${SUMMARY_COLS} FROM articles a WHERE a.duplicate_of = $1 ORDER BY a.published_sort NULLS LAST, a.id`,
    [id],
  );
  return {
    ...toSummary(r),
    origin: r.origin,
    url: r.url,
    format: r.format,
    author: r.author,
    agency: r.agency,
    dateline: r.dateline,
    publishedRaw: r.published_raw,
    encoding: r.encoding,
    duplicateScore: r.duplicate_score,
    text: r.text,
    origins: [...new Set([r.origin, ...origins.map((o) => o.origin)])],
    duplicates: dups.map(toSummary),
  };
}

/** Titles of a set of articles (for labelling evidence and duplicates). */
export async function articleTitles(db: Queryable, ids: readonly string[]): Promise<Map<string, ArticleSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<SummaryRow>(`SELECT ${SUMMARY_COLS} FROM articles a WHERE a.id = ANY($1::text[])`, [ids]);
  return new Map(rows.map((r) => [r.id, toSummary(r)]));
}
