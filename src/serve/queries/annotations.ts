import type { Queryable } from '../../store/db.js';
import { entitiesReady } from './entities.js';
import { eventsOfArticles, eventsReady } from './events.js';
import { hasTables } from './schema.js';
import type { EntityRef, TimelineEvent } from './types.js';

/** Per-article analysis the article page highlights: entity mentions, time expressions, event triggers. */

export interface MentionSpan {
  /** `title`: offsets are into the headline, not the body text. */
  field: 'title' | 'body';
  start: number;
  end: number;
  text: string;
  type: string;
  entity: EntityRef | null;
}

export type TimexSpan = {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  mod: string | null;
};

export interface TriggerSpan {
  start: number;
  end: number;
  text: string;
  type: string;
  mode: string | null;
  eventId: string | null;
}

export interface Warning {
  kind: string;
  message: string;
  /** The words the warning is about, when known. */
  start: number | null;
  end: number | null;
}

export async function articleMentions(db: Queryable, id: string): Promise<MentionSpan[]> {
  if (!(await entitiesReady(db))) return [];
  const rows = await db.query<{ field: string; s: number; e: number; text: string; type: string; eid: string | null; name: string | null; etype: string | null }>(
    `SELECT m.field, m.start AS s, m."end" AS e, m.text, m.type, e.id AS eid, e.name, e.type AS etype
       FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id
      WHERE m.article_id = $1 ORDER BY m.field, m.start`,
    [id],
  );
  return rows.map((r) => ({
    field: r.field === 'title' ? 'title' : 'body',
    start: r.s,
    end: r.e,
    text: r.text,
    type: r.type,
    entity: r.eid ? { id: r.eid, name: r.name ?? r.text, type: r.etype ?? r.type } : null,
  }));
}

export async function articleTimexes(db: Queryable, id: string): Promise<TimexSpan[]> {
  if (!(await hasTables(db, 'timexes'))) return [];
  return db.query<TimexSpan>(
    `SELECT span_start AS start, span_end AS "end", text, type, value, mod FROM timexes WHERE article_id = $1 ORDER BY span_start`,
    [id],
  );
}

export async function articleTriggers(db: Queryable, id: string): Promise<TriggerSpan[]> {
  if (!(await eventsReady(db))) return [];
  const rows = await db.query<{ s: number; e: number; text: string; type: string; mode: string | null; event_id: string | null }>(
    `SELECT trigger_start AS s, trigger_end AS e, trigger_text AS text, type, mode, event_id
       FROM event_mentions WHERE article_id = $1 ORDER BY trigger_start`,
    [id],
  );
  return rows.map((r) => ({ start: r.s, end: r.e, text: r.text, type: r.type, mode: r.mode, eventId: r.event_id }));
}

export async function articleEvents(db: Queryable, id: string): Promise<TimelineEvent[]> {
  return eventsOfArticles(db, 'm.article_id = $1', [id]);
}

export async function articleWarnings(db: Queryable, id: string): Promise<Warning[]> {
  if (!(await hasTables(db, 'article_warnings'))) return [];
  return db.query<Warning & Record<string, unknown>>(
    'SELECT kind, message, span_start AS start, span_end AS "end" FROM article_warnings WHERE article_id = $1 ORDER BY idx',
    [id],
  );
}
