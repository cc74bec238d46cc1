import { calendarRange } from '../../model/index.js';
import { TS_CONFIGS } from '../../store/articles.js';
import type { Queryable } from '../../store/db.js';
import { entitiesReady, entityFilterSql, entityLabels } from './entities.js';
import { storyLabels } from './stories.js';

/**
 * Full-text search with facets, matching like the store's searchArticles.
 * Snippets come from ts_headline with control characters as highlight marks, which the page
 * turns into <mark> only after escaping everything else (see renderSnippet).
 */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/** The entity facet counts entities among this many best-ranked matches (cost stays bounded). */
export const FACET_WINDOW = 1000;

export interface SearchParams {
  q: string;
  language?: string;
  source?: string;
  storyId?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface SearchHit {
  id: string;
  title: string | null;
  published: string | null;
  source: string | null;
  language: string;
  duplicateOf: string | null;
  storyId: string | null;
  rank: number;
  /** Snippet text with MARK_START/MARK_END around matches; everything else is raw text. */
  snippet: string;
  /** The whole title with the same marks around matches (null without a title): a hit that
   * matches only in its title still shows what matched. */
  titleMarked: string | null;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchResult {
  q: string;
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  facets: { language: FacetValue[]; source: FacetValue[]; story: FacetValue[]; entity: FacetValue[] };
}

// Same matching as the store's searchArticles: the query parsed in each article's own configuration.
const MATCH = `(${TS_CONFIGS.map((c) => `(a.ts_config = '${c}' AND a.search @@ websearch_to_tsquery('${c}', $1))`).join(' OR ')})`;
const QUERY_FOR = `websearch_to_tsquery(a.ts_config::regconfig, $1)`;

/**
 * Date filter values are TIMEX3 calendar values (2025, 2025-08, 2025-08-07, 2025-W33, 2025-Q3),
 * read by the one date-filter parser (calendarRange); we compare on their first (from) and last (to) days.
 */
export function firstDay(v: string | undefined): string | null {
  return v ? (calendarRange(v.trim())?.first ?? null) : null;
}

/** Last day covered by a TIMEX3 value at its precision (2025-08 → 2025-08-31). */
export function lastDay(v: string | undefined): string | null {
  return v ? (calendarRange(v.trim())?.last ?? null) : null;
}

export async function search(db: Queryable, p: SearchParams): Promise<SearchResult> {
  const pageSize = Math.min(Math.max(p.pageSize ?? 20, 1), 100);
  const page = Math.max(p.page ?? 1, 1);
  const empty: SearchResult = {
    q: p.q,
    total: 0,
    page,
    pageSize,
    hits: [],
    facets: { language: [], source: [], story: [], entity: [] },
  };
  if (!p.q.trim()) return empty;

  // Facets count within the current selection (drill-down): one scan of the matches gives the
  // total and every facet; the page offers to remove a chosen value.
  const params: unknown[] = [p.q];
  const where = [MATCH];
  if (p.language) where.push(`a.language = $${params.push(p.language)}`);
  if (p.source) where.push(`a.source = $${params.push(p.source)}`);
  if (p.storyId) where.push(`a.story_id = $${params.push(p.storyId)}`);
  const from = firstDay(p.from);
  const to = lastDay(p.to);
  if (from) where.push(`a.published_sort >= $${params.push(from)}::date`);
  if (to) where.push(`a.published_sort <= $${params.push(to)}::date`);
  if (p.entityId) {
    const ew = await entityFilterSql(db, params, p.entityId);
    if (ew === null) return empty;
    where.push(ew);
  }
  const withEntities = await entitiesReady(db);

  // One statement: the matches with their rank (materialised once), the total, the facets, the
  // entity facet over the best FACET_WINDOW matches, and the ids of this page's hits.
  const groups = await db.query<{ k: string; value: string | null; count: number; rank: number | null }>(
    `WITH m AS MATERIALIZED (
       SELECT a.id, a.seq, a.language, a.source, a.story_id, ts_rank_cd(a.search, ${QUERY_FOR}) AS rank
         FROM articles a WHERE ${where.join(' AND ')}),
     top AS (SELECT id FROM m ORDER BY rank DESC, seq LIMIT ${FACET_WINDOW})
     SELECT 'total' AS k, NULL::text AS value, count(*)::int AS count, NULL::float8 AS rank FROM m
     UNION ALL (SELECT 'language', language, count(*)::int, NULL FROM m GROUP BY language ORDER BY 3 DESC, 2 LIMIT 12)
     UNION ALL (SELECT 'source', source, count(*)::int, NULL FROM m WHERE source IS NOT NULL GROUP BY source ORDER BY 3 DESC, 2 LIMIT 12)
     UNION ALL (SELECT 'story', story_id, count(*)::int, NULL FROM m WHERE story_id IS NOT NULL GROUP BY story_id ORDER BY 3 DESC, 2 LIMIT 12)
     ${withEntities ? `UNION ALL (SELECT 'entity', mm.entity_id, count(DISTINCT mm.article_id)::int, NULL FROM mentions mm JOIN top ON mm.article_id = top.id
                      WHERE mm.entity_id IS NOT NULL GROUP BY mm.entity_id ORDER BY 3 DESC, 2 LIMIT 12)` : ''}
     UNION ALL (SELECT 'hit', id, row_number() OVER (ORDER BY rank DESC, seq)::int, rank::float8 FROM m
                ORDER BY rank DESC, seq LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize})`,
    params,
  );
  const total = groups.find((g) => g.k === 'total')?.count ?? 0;
  if (total === 0) return { ...empty, total };
  const facetOf = (k: string) => groups.filter((g) => g.k === k && g.value !== null).map((g) => ({ value: g.value as string, count: g.count }));
  const hitIds = groups.filter((g) => g.k === 'hit').sort((x, y) => x.count - y.count);
  const details = await db.query<{
    id: string;
    title: string | null;
    published: string | null;
    source: string | null;
    language: string;
    duplicate_of: string | null;
    story_id: string | null;
    snippet: string;
    title_marked: string | null;
  }>(
    `SELECT a.id, a.title, a.published, a.source, a.language, a.duplicate_of, a.story_id,
            ts_headline(a.ts_config::regconfig, translate(a.text, chr(1) || chr(2), ''), ${QUERY_FOR},
              'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "') AS snippet,
            CASE WHEN a.title IS NOT NULL THEN ts_headline(a.ts_config::regconfig, translate(a.title, chr(1) || chr(2), ''), ${QUERY_FOR},
              'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', HighlightAll=true') END AS title_marked
       FROM articles a WHERE a.id = ANY($2::text[])`,
    [p.q, hitIds.map((h) => h.value)],
  );
  const byId = new Map(details.map((d) => [d.id, d]));
  const rows = hitIds.flatMap((h) => {
    const d = byId.get(h.value as string);
    return d ? [{ ...d, rank: h.rank ?? 0 }] : [];
  });

  const language = facetOf('language');
  const source = facetOf('source');
  const storyRows = facetOf('story');
  const labels = await storyLabels(db, storyRows.map((r) => r.value));
  const entityRows = facetOf('entity');
  const names = await entityLabels(db, entityRows.map((r) => r.value));
  const entity = entityRows.map((r) => ({ ...r, label: names.get(r.value) ?? r.value }));

  return {
    q: p.q,
    total,
    page,
    pageSize,
    hits: rows.map((r) => ({
      id: r.id,
      title: r.title,
      published: r.published,
      source: r.source,
      language: r.language,
      duplicateOf: r.duplicate_of,
      storyId: r.story_id,
      rank: Number(r.rank),
      snippet: r.snippet,
      titleMarked: r.title_marked,
    })),
    facets: {
      language: language.map((r) => ({ ...r, label: r.value })),
      source: source.map((r) => ({ ...r, label: r.value })),
      story: storyRows.map((r) => ({ ...r, label: labels.get(r.value) ?? r.value })),
      entity,
    },
  };
}
