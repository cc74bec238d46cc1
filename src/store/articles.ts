import type { Article, InputFormat } from '../model/index.js';
import type { Queryable } from './db.js';
import { sortDateOf } from './sort-date.js';

/** PostgreSQL text-search configuration per ISO 639-1 language; anything else uses `simple`. */
const TS_CONFIG_BY_LANGUAGE: Record<string, string> = {
  de: 'german',
  en: 'english',
  fr: 'french',
  es: 'spanish',
  it: 'italian',
  ru: 'russian',
};
/** Every configuration an article can be indexed with (a fixed list, so safe to inline in SQL). */
export const TS_CONFIGS = [...new Set([...Object.values(TS_CONFIG_BY_LANGUAGE), 'simple'])];

export function tsConfigFor(language: string | null | undefined): string {
  return TS_CONFIG_BY_LANGUAGE[(language ?? '').toLowerCase().slice(0, 2)] ?? 'simple';
}

/** tsvector has a 1 MB limit; index the first part of very long texts only (they stay whole in `text`). */
const SEARCH_TEXT_LIMIT = 100_000;

/**
 * `new`: a new original row. `duplicate`: a new row (another id, e.g. another URL) with the body
 * of an earlier article, marked as its exact duplicate. `copy`: an article already stored under
 * this id (ids of URL-less inputs come from their text) seen at a new origin, which is recorded.
 * `unchanged`: already stored from this origin; nothing changed.
 */
export type InsertStatus = 'new' | 'duplicate' | 'copy' | 'unchanged';

export interface InsertOutcome {
  id: string;
  origin: string;
  status: InsertStatus;
  /** For `duplicate`: the first-seen article with the same body; for `copy`: the stored article. */
  duplicateOf: string | null;
}

/** The fields of `chronik articles --json`. */
export interface ArticleSummary {
  id: string;
  origin: string;
  title: string | null;
  published: string | null;
  author: string | null;
  source: string | null;
  language: string;
  duplicateOf: string | null;
  storyId: string | null;
}

export interface ArticleOrigin {
  origin: string;
  rawHash: string;
  firstSeen: string;
}

/** One article with everything extracted, its origins and the articles that duplicate it. */
export interface StoredArticle extends ArticleSummary {
  url: string | null;
  format: InputFormat;
  rawHash: string;
  encoding: string;
  publishedRaw: string | null;
  agency: string | null;
  dateline: string | null;
  text: string;
  contentHash: string;
  duplicateKind: 'exact' | 'near' | null;
  duplicateScore: number | null;
  ingestedAt: string;
  origins: ArticleOrigin[];
  duplicates: { id: string; kind: string | null; score: number | null; origin: string; source: string | null }[];
}

/** Strips characters PostgreSQL text cannot hold (NUL) or that we use as highlight markers. */
function clean(s: string): string;
function clean(s: string | null): string | null;
function clean(s: string | null): string | null {
  return s === null ? null : s.replace(/[\u0000\u0001\u0002]/g, '');
}

/**
 * Inserts a batch of articles in one round of multi-row statements (call inside a transaction).
 * Idempotent: an id already stored from the same origin is `unchanged`; from a new origin it is
 * a `copy` and only that origin is recorded.
 * An article whose contentHash is already stored under another id is inserted as an exact
 * duplicate of the first one seen; its origin is recorded under both ids.
 */
export async function insertArticles(tx: Queryable, articles: readonly Article[]): Promise<InsertOutcome[]> {
  if (articles.length === 0) return [];
  const ids = [...new Set(articles.map((a) => a.id))];
  const existing = new Map<string, string | null>();
  for (const r of await tx.query<{ id: string; duplicate_of: string | null }>(
    'SELECT id, duplicate_of FROM articles WHERE id = ANY($1::text[])',
    [ids],
  )) {
    existing.set(r.id, r.duplicate_of);
  }
  const hashes = [...new Set(articles.filter((a) => !existing.has(a.id)).map((a) => a.contentHash))];
  // The first-seen holder of each content hash: an original (or near duplicate) before exact copies.
  const firstByHash = new Map<string, string>();
  if (hashes.length > 0) {
    for (const r of await tx.query<{ content_hash: string; id: string }>(
      `SELECT DISTINCT ON (content_hash) content_hash, id FROM articles
        WHERE content_hash = ANY($1::text[])
        ORDER BY content_hash, (duplicate_kind = 'exact') NULLS FIRST, seq`,
      [hashes],
    )) {
      firstByHash.set(r.content_hash, r.id);
    }
  }

  const outcomes: InsertOutcome[] = [];
  const toInsert: { a: Article; duplicateOf: string | null }[] = [];
  for (const a of articles) {
    if (existing.has(a.id)) {
      outcomes.push({ id: a.id, origin: a.origin, status: 'unchanged', duplicateOf: existing.get(a.id) ?? null });
      continue;
    }
    const first = firstByHash.get(a.contentHash) ?? null;
    existing.set(a.id, first);
    if (!first) firstByHash.set(a.contentHash, a.id);
    toInsert.push({ a, duplicateOf: first });
    outcomes.push({ id: a.id, origin: a.origin, status: first ? 'duplicate' : 'new', duplicateOf: first });
  }

  if (toInsert.length > 0) {
    const col = <T>(f: (x: { a: Article; duplicateOf: string | null }) => T): T[] => toInsert.map(f);
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO articles (id, origin, url, format, raw_hash, encoding, title, published, published_raw,
          published_sort, author, source, agency, dateline, language, text, content_hash, duplicate_of,
          duplicate_kind, ts_config, search)
       SELECT u.id, u.origin, u.url, u.format, u.raw_hash, u.encoding, u.title, u.published, u.published_raw,
          u.published_sort, u.author, u.source, u.agency, u.dateline, u.language, u.text, u.content_hash,
          u.duplicate_of, u.duplicate_kind, u.ts_config,
          setweight(to_tsvector(u.ts_config::regconfig, coalesce(u.title, '')), 'A')
            || setweight(to_tsvector(u.ts_config::regconfig, left(u.text, ${SEARCH_TEXT_LIMIT})), 'B')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
          $8::text[], $9::text[], $10::date[], $11::text[], $12::text[], $13::text[], $14::text[],
          $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[])
         AS u(id, origin, url, format, raw_hash, encoding, title, published, published_raw, published_sort,
              author, source, agency, dateline, language, text, content_hash, duplicate_of, duplicate_kind,
              ts_config)
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [
        col((x) => x.a.id),
        col((x) => x.a.origin),
        col((x) => x.a.url),
        col((x) => x.a.format),
        col((x) => x.a.rawHash),
        col((x) => x.a.encoding),
        col((x) => clean(x.a.title)),
        col((x) => x.a.published),
        col((x) => clean(x.a.publishedRaw)),
        col((x) => sortDateOf(x.a.published)),
        col((x) => clean(x.a.author)),
        col((x) => clean(x.a.source)),
        col((x) => clean(x.a.agency)),
        col((x) => clean(x.a.dateline)),
        col((x) => x.a.language || 'und'),
        col((x) => clean(x.a.text)),
        col((x) => x.a.contentHash),
        col((x) => x.duplicateOf),
        col((x) => (x.duplicateOf ? 'exact' : null)),
        col((x) => tsConfigFor(x.a.language)),
      ],
    );
    // Rows another process inserted meanwhile were skipped by ON CONFLICT: they are unchanged.
    if (inserted.length !== toInsert.length) {
      const got = new Set(inserted.map((r) => r.id));
      for (const o of outcomes) {
        if (o.status !== 'unchanged' && !got.has(o.id)) o.status = 'unchanged';
      }
    }
  }

  // Every place an article was seen; an exact duplicate's origin also counts for its original.
  const originRows = new Map<string, [string, string, string]>();
  const key = (id: string, origin: string): string => `${id}\u0000${origin}`;
  articles.forEach((a, i) => {
    originRows.set(key(a.id, a.origin), [a.id, a.origin, a.rawHash]);
    const dup = outcomes[i]?.duplicateOf;
    if (outcomes[i]?.status === 'duplicate' && dup) originRows.set(key(dup, a.origin), [dup, a.origin, a.rawHash]);
  });
  const rows = [...originRows.values()];
  const added = await tx.query<{ article_id: string; origin: string }>(
    `INSERT INTO article_origins (article_id, origin, raw_hash)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (article_id, origin) DO NOTHING
     RETURNING article_id, origin`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
  );
  // A stored article met at an origin not recorded before is a copy (same text, other file).
  const fresh = new Set(added.map((r) => key(r.article_id, r.origin)));
  for (const o of outcomes) {
    const k = key(o.id, o.origin);
    if (o.status === 'unchanged' && fresh.has(k)) {
      o.status = 'copy';
      o.duplicateOf = o.id;
    }
    fresh.delete(k);
  }
  return outcomes;
}

export async function insertArticle(tx: Queryable, article: Article): Promise<InsertOutcome> {
  const [out] = await insertArticles(tx, [article]);
  if (!out) throw new Error('insertArticles returned nothing');
  return out;
}

const SUMMARY_COLUMNS = `a.id, a.origin, a.title, a.published, a.author, a.source, a.language,
  a.duplicate_of, a.story_id`;

interface SummaryRow {
  [key: string]: unknown;
  id: string;
  origin: string;
  title: string | null;
  published: string | null;
  author: string | null;
  source: string | null;
  language: string;
  duplicate_of: string | null;
  story_id: string | null;
}

function toSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    origin: r.origin,
    title: r.title,
    published: r.published,
    author: r.author,
    source: r.source,
    language: r.language,
    duplicateOf: r.duplicate_of,
    storyId: r.story_id,
  };
}

export interface ArticleFilter {
  language?: string;
  source?: string;
  storyId?: string;
  /** Only originals (no exact or near duplicates). */
  originalsOnly?: boolean;
  /** Publication date range on the first day the date covers, inclusive (`YYYY-MM-DD`). */
  from?: string;
  to?: string;
}

export interface ListOptions extends ArticleFilter {
  /** Page size (default 100); null lists every article. */
  limit?: number | null;
  offset?: number;
  /** `published` (oldest first, undated last; default), `published-desc`, or `ingested`. */
  order?: 'published' | 'published-desc' | 'ingested';
}

function where(f: ArticleFilter, params: unknown[]): string {
  const parts: string[] = [];
  const add = (sql: string, v: unknown): void => {
    params.push(v);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (f.language) add('a.language = ?', f.language);
  if (f.source) add('a.source = ?', f.source);
  if (f.storyId) add('a.story_id = ?', f.storyId);
  if (f.from) add('a.published_sort >= ?::date', f.from);
  if (f.to) add('a.published_sort <= ?::date', f.to);
  if (f.originalsOnly) parts.push('a.duplicate_of IS NULL');
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

const ORDER_SQL = {
  published: 'a.published_sort ASC NULLS LAST, a.seq',
  'published-desc': 'a.published_sort DESC NULLS LAST, a.seq DESC',
  ingested: 'a.seq',
} as const;

export async function listArticles(db: Queryable, opts: ListOptions = {}): Promise<ArticleSummary[]> {
  const params: unknown[] = [];
  const w = where(opts, params);
  params.push(opts.limit === undefined ? 100 : opts.limit, opts.offset ?? 0);
  const rows = await db.query<SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM articles a ${w}
     ORDER BY ${ORDER_SQL[opts.order ?? 'published']}
     LIMIT $${params.length - 1}::int OFFSET $${params.length}::int`,
    params,
  );
  return rows.map(toSummary);
}

export async function countArticles(db: Queryable, filter: ArticleFilter = {}): Promise<number> {
  const params: unknown[] = [];
  const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM articles a ${where(filter, params)}`, params);
  return rows[0]?.n ?? 0;
}

export async function getArticle(db: Queryable, id: string): Promise<StoredArticle | null> {
  const rows = await db.query<SummaryRow & {
    url: string | null;
    format: InputFormat;
    raw_hash: string;
    encoding: string;
    published_raw: string | null;
    agency: string | null;
    dateline: string | null;
    text: string;
    content_hash: string;
    duplicate_kind: 'exact' | 'near' | null;
    duplicate_score: number | null;
    ingested_at: Date | string;
  }>(
    `SELECT ${SUMMARY_COLUMNS}, a.url, a.format, a.raw_hash, a.encoding, a.published_raw, a.agency,
       a.dateline, a.text, a.content_hash, a.duplicate_kind, a.duplicate_score, a.ingested_at
     FROM articles a WHERE a.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  const origins = await db.query<{ origin: string; raw_hash: string; first_seen: Date | string }>(
    'SELECT origin, raw_hash, first_seen FROM article_origins WHERE article_id = $1 ORDER BY first_seen, origin',
    [id],
  );
  const dups = await db.query<{ id: string; duplicate_kind: string | null; duplicate_score: number | null; origin: string; source: string | null }>(
    'SELECT id, duplicate_kind, duplicate_score, origin, source FROM articles WHERE duplicate_of = $1 ORDER BY seq',
    [id],
  );
  return {
    ...toSummary(r),
    url: r.url,
    format: r.format,
    rawHash: r.raw_hash,
    encoding: r.encoding,
    publishedRaw: r.published_raw,
    agency: r.agency,
    dateline: r.dateline,
    text: r.text,
    contentHash: r.content_hash,
    duplicateKind: r.duplicate_kind,
    duplicateScore: r.duplicate_score === null ? null : Number(r.duplicate_score),
    ingestedAt: new Date(r.ingested_at).toISOString(),
    origins: origins.map((o) => ({ origin: o.origin, rawHash: o.raw_hash, firstSeen: new Date(o.first_seen).toISOString() })),
    duplicates: dups.map((d) => ({
      id: d.id,
      kind: d.duplicate_kind,
      score: d.duplicate_score === null ? null : Number(d.duplicate_score),
      origin: d.origin,
      source: d.source,
    })),
  };
}

export interface SearchHit extends ArticleSummary {
  rank: number;
  /** Plain-text excerpt of the body around the matches. */
  snippet: string;
  /** `[start, end)` offsets (UTF-16) of the matched words inside `snippet`. */
  highlights: [number, number][];
  /** `[start, end)` offsets (UTF-16) of the matched words inside `title` (empty without one), so a
   * hit that matches only in its title still shows what matched. */
  titleHighlights: [number, number][];
}

export interface SearchResult {
  query: string;
  total: number;
  limit: number;
  offset: number;
  hits: SearchHit[];
}

export interface SearchOptions extends ArticleFilter {
  limit?: number;
  offset?: number;
}

const MARK_START = '\u0001';
const MARK_END = '\u0002';

/** Turns a ts_headline result with our markers into plain text plus highlight offsets. */
export function parseHeadline(marked: string): { snippet: string; highlights: [number, number][] } {
  let snippet = '';
  const highlights: [number, number][] = [];
  let start = -1;
  for (const ch of marked) {
    if (ch === MARK_START) start = snippet.length;
    else if (ch === MARK_END) {
      if (start >= 0) highlights.push([start, snippet.length]);
      start = -1;
    } else snippet += ch;
  }
  return { snippet, highlights };
}

/**
 * Highlight offsets inside `title` from its ts_headline (HighlightAll): the marked text is the
 * title itself, less any control characters our markers had to be stripped of; offsets would not
 * fit such a title, so it gets none.
 */
export function titleHighlights(title: string | null, marked: string | null): [number, number][] {
  if (title === null || marked === null) return [];
  const { snippet, highlights } = parseHeadline(marked);
  return snippet === title ? highlights : [];
}

/**
 * Full-text search: the query is parsed (websearch syntax: words, "phrases", -not, or) in each
 * article's own text-search configuration, so a German query is stemmed the German way against
 * German articles. Ranked by ts_rank_cd (title weighs more than body); snippets by ts_headline.
 */
export async function searchArticles(db: Queryable, query: string, opts: SearchOptions = {}): Promise<SearchResult> {
  const limit = opts.limit ?? 20;
  const offset = opts.offset ?? 0;
  const params: unknown[] = [query];
  const w = where(opts, params);
  const match = TS_CONFIGS.map(
    (c) => `(a.ts_config = '${c}' AND a.search @@ websearch_to_tsquery('${c}', $1))`,
  ).join('\n      OR ');
  params.push(limit, offset);
  const rows = await db.query<SummaryRow & { rank: number; total: number; headline: string; title_headline: string | null }>(
    `WITH hits AS (
       SELECT ${SUMMARY_COLUMNS}, a.seq, a.ts_config,
         ts_rank_cd(a.search, websearch_to_tsquery(a.ts_config::regconfig, $1)) AS rank,
         count(*) OVER () AS total
       FROM articles a
       ${w ? `${w} AND` : 'WHERE'} (${match})
       ORDER BY rank DESC, a.seq
       LIMIT $${params.length - 1} OFFSET $${params.length}
     )
     SELECT h.*, ts_headline(h.ts_config::regconfig, translate(a.text, chr(1) || chr(2), ''), websearch_to_tsquery(h.ts_config::regconfig, $1),
         'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=25, MinWords=8, FragmentDelimiter=" … "')
         AS headline,
       CASE WHEN a.title IS NOT NULL THEN ts_headline(h.ts_config::regconfig, translate(a.title, chr(1) || chr(2), ''),
         websearch_to_tsquery(h.ts_config::regconfig, $1), 'StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true') END
         AS title_headline
     FROM hits h JOIN articles a ON a.id = h.id
     ORDER BY h.rank DESC, h.seq`,
    params,
  );
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (rows.length === 0 && offset > 0) {
    // Past the last page: still report how many hits there are.
    const c = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM articles a ${w ? `${w} AND` : 'WHERE'} (${match})`,
      params.slice(0, params.length - 2),
    );
    total = c[0]?.n ?? 0;
  }
  return {
    query,
    total,
    limit,
    offset,
    hits: rows.map((r) => ({ ...toSummary(r), rank: Number(r.rank), ...parseHeadline(r.headline), titleHighlights: titleHighlights(r.title, r.title_headline) })),
  };
}

export interface StoreStats {
  articles: number;
  originals: number;
  exactDuplicates: number;
  nearDuplicates: number;
  languages: { language: string; articles: number }[];
  sources: { source: string | null; articles: number }[];
  firstPublished: string | null;
  lastPublished: string | null;
}

/** Totals for summaries (demo output, overview pages). */
export async function articleStats(db: Queryable): Promise<StoreStats> {
  const [t] = await db.query<{ n: number; orig: number; exact: number; near: number; first: string | null; last: string | null }>(
    `SELECT count(*)::int AS n,
            count(*) FILTER (WHERE duplicate_of IS NULL)::int AS orig,
            count(*) FILTER (WHERE duplicate_kind = 'exact')::int AS exact,
            count(*) FILTER (WHERE duplicate_kind = 'near')::int AS near,
            min(published_sort)::text AS first, max(published_sort)::text AS last
     FROM articles`,
  );
  const languages = await db.query<{ language: string; n: number }>(
    'SELECT language, count(*)::int AS n FROM articles GROUP BY language ORDER BY n DESC, language',
  );
  const sources = await db.query<{ source: string | null; n: number }>(
    'SELECT source, count(*)::int AS n FROM articles GROUP BY source ORDER BY n DESC, source NULLS LAST',
  );
  return {
    articles: t?.n ?? 0,
    originals: t?.orig ?? 0,
    exactDuplicates: t?.exact ?? 0,
    nearDuplicates: t?.near ?? 0,
    languages: languages.map((r) => ({ language: r.language, articles: r.n })),
    sources: sources.map((r) => ({ source: r.source, articles: r.n })),
    firstPublished: t?.first ?? null,
    lastPublished: t?.last ?? null,
  };
}
