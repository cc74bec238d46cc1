import type { Queryable } from '../../store/db.js';
import { entityFilterNames, participantFilterSql } from '../../store/entity-filter.js';
import { entityRefsByName } from './entities.js';
import { inRange } from '../../store/events.js';
import { hasTables } from './schema.js';
import { firstDay, lastDay } from './search.js';
import type { EventDetail, TimelineEvent, TimelineFilter } from './types.js';

/**
 * Merged events (table `events`, migration 041) and their evidence (`event_mentions`).
 * Actors and recipients are stored as canonical names; entity pages and the timeline filter resolve
 * an entity to them through entityFilterNames.
 */
export async function eventsReady(db: Queryable): Promise<boolean> {
  return hasTables(db, 'events', 'event_mentions');
}

interface EventRow {
  id: string;
  type: string;
  mode: string | null;
  date_value: string | null;
  date_source: string | null;
  status: string | null;
  place: string | null;
  actors: unknown;
  recipients: unknown;
  sources: number;
  mentions: number;
  text: string | null;
  story_id: string | null;
  [k: string]: unknown;
}

/** Names from a jsonb array of strings (or of {name} objects, should the shape grow). */
function names(v: unknown): string[] {
  const arr = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  if (!Array.isArray(arr)) return [];
  return arr
    .map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string' ? (x as { name: string }).name : null))
    .filter((x): x is string => !!x);
}

function toEvent(r: EventRow): TimelineEvent {
  return {
    id: r.id,
    type: r.type,
    mode: r.mode,
    date: r.date_value,
    dateSource: r.date_source,
    status: r.status,
    actors: names(r.actors),
    recipients: names(r.recipients),
    place: r.place,
    sources: Number(r.sources),
    evidenceCount: Number(r.mentions),
    storyId: r.story_id,
    text: r.text,
  };
}

// Lists need only the event row; one event also gets its first evidence sentence and the story
// most of its evidence belongs to (per-row subqueries are too slow for long lists).
const LIST_SELECT = `SELECT e.id, e.type, e.mode, e.date_value, e.date_source, e.status, e.place, e.actors, e.recipients,
       e.sources, e.mentions, NULL::text AS text, NULL::text AS story_id
  FROM events e`;
const EVENT_SELECT = `SELECT e.id, e.type, e.mode, e.date_value, e.date_source, e.status, e.place, e.actors, e.recipients,
       e.sources, e.mentions, ev.sentence AS text, st.story_id
  FROM events e
  LEFT JOIN LATERAL (SELECT m.sentence FROM event_mentions m WHERE m.event_id = e.id ORDER BY m.field = 'title', m.article_id, m.idx LIMIT 1) ev ON true
  LEFT JOIN LATERAL (SELECT a.story_id FROM event_mentions m JOIN articles a ON a.id = m.article_id
                      WHERE m.event_id = e.id AND a.story_id IS NOT NULL
                      GROUP BY a.story_id ORDER BY count(*) DESC, a.story_id LIMIT 1) st ON true`;

/** Events drawn at once; beyond this the page asks to narrow the filters (the axis stays usable). */
export const TIMELINE_LIMIT = 1000;

/** Events matching a filter, by date, at most `f.limit` (default TIMELINE_LIMIT). */
export async function timeline(db: Queryable, f: TimelineFilter = {}): Promise<TimelineEvent[]> {
  if (!(await eventsReady(db))) return [];
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.type) where.push(`e.type = $${params.push(f.type)}`);
  const from = firstDay(f.from);
  const to = lastDay(f.to);
  // Overlap of the event's calendar interval with the asked range (month-precision events count).
  if (from) where.push(`coalesce(e.date_hi, e.date_lo) >= $${params.push(from)}::date`);
  if (to) where.push(`e.date_lo <= $${params.push(to)}::date`);
  // date_lo/date_hi is the merge window (wide for publication-dated events): it narrows the scan,
  // the event's own date decides; undated events are outside every range.
  if (from || to) where.push('e.date_value IS NOT NULL');
  if (f.story) {
    where.push(`EXISTS (SELECT 1 FROM event_mentions m JOIN articles a ON a.id = m.article_id
                         WHERE m.event_id = e.id AND a.story_id = $${params.push(f.story)})`);
  }
  // The same resolution as `chronik timeline --entity` (the entity tables, migration 020, exist wherever events do).
  if (f.entity) where.push(participantFilterSql(params, f.entity, await entityFilterNames(db, f.entity), 'e'));
  const limit = Math.min(Math.max(f.limit ?? TIMELINE_LIMIT, 1), 20000);
  const rows = await db.query<EventRow>(
    `${LIST_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY e.date_lo, e.date_value, e.id LIMIT ${limit}`,
    params,
  );
  return rows.map(toEvent).filter((e) => !(from || to) || inRange(e.date, from, to));
}

export async function getEvent(db: Queryable, id: string): Promise<EventDetail | null> {
  if (!(await eventsReady(db))) return null;
  const [r] = await db.query<EventRow>(`${EVENT_SELECT} WHERE e.id = $1`, [id]);
  if (!r) return null;
  const ev = toEvent(r);
  const evidence = await db.query<{
    article_id: string;
    sentence: string;
    title: string | null;
    source: string | null;
    published: string | null;
    duplicate_of: string | null;
    field: 'title' | 'body';
  }>(
    `SELECT m.article_id, m.sentence, a.title, a.source, a.published, a.duplicate_of, m.field
       FROM event_mentions m JOIN articles a ON a.id = m.article_id
      WHERE m.event_id = $1
      ORDER BY a.duplicate_of NULLS FIRST, a.published_sort NULLS LAST, a.seq, m.idx`,
    [id],
  );
  const refs = await entityRefsByName(db, [...ev.actors, ...ev.recipients]);
  return {
    ...ev,
    actorRefs: ev.actors.flatMap((n) => refs.get(n) ?? []),
    recipientRefs: ev.recipients.flatMap((n) => refs.get(n) ?? []),
    evidence: evidence.map((v) => ({
      articleId: v.article_id,
      sentence: v.sentence,
      title: v.title,
      source: v.source,
      published: v.published,
      duplicateOf: v.duplicate_of,
      field: v.field,
    })),
    outlets: [...new Set(evidence.map((v) => v.source ?? 'unbekannte Quelle'))].sort((a, b) => a.localeCompare(b, 'de')),
  };
}

/** Event types present, with counts (filter options). */
export async function eventTypes(db: Queryable): Promise<{ type: string; count: number }[]> {
  if (!(await eventsReady(db))) return [];
  return db.query<{ type: string; count: number }>('SELECT type, count(*)::int AS count FROM events GROUP BY type ORDER BY count DESC, type');
}

export async function eventCount(db: Queryable): Promise<number> {
  if (!(await eventsReady(db))) return 0;
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
  return r?.n ?? 0;
}

/** Merged events with evidence in the given articles (article and story pages). */
export async function eventsOfArticles(db: Queryable, where: string, params: unknown[]): Promise<TimelineEvent[]> {
  if (!(await eventsReady(db))) return [];
  const rows = await db.query<EventRow>(
    `${LIST_SELECT} WHERE e.id IN (SELECT m.event_id FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE ${where})
      ORDER BY e.date_lo, e.date_value, e.id LIMIT 1000`,
    params,
  );
  return rows.map(toEvent);
}

/**
 * Merged events an entity (its id or name) takes part in, the latest `limit`, by date — the same
 * filter as the timeline's `entity=` (entityFilterNames), so the Kreml's page lists Russland's events
 * like the timeline it links to.
 */
export async function eventsOfEntity(db: Queryable, entity: string, limit = 200): Promise<TimelineEvent[]> {
  if (!(await eventsReady(db))) return [];
  const params: unknown[] = [];
  const where = participantFilterSql(params, entity, await entityFilterNames(db, entity), 'e');
  const rows = await db.query<EventRow>(
    `${LIST_SELECT} WHERE ${where}
      ORDER BY e.date_lo DESC NULLS LAST, e.date_value DESC, e.id DESC LIMIT ${Math.min(Math.max(limit, 1), 1000)}`,
    params,
  );
  return rows.map(toEvent).reverse();
}
