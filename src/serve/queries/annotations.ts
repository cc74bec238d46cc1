import type { Queryable } from '../../store/db.js';
import { entitiesReady } from './entities.js';
import { eventsReady } from './events.js';
import { hasTables } from './schema.js';
import type { EntityRef, TimelineEvent } from './types.js';

/** Per-article analysis the article page highlights: entity mentions, time expressions, event triggers. */

export interface MentionSpan {
  start: number;
  end: number;
  text: string;
  type: string;
  entity: EntityRef | null;
}

export interface TimexSpan {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

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
}

export async function articleMentions(db: Queryable, _id: string): Promise<MentionSpan[]> {
  if (!(await entitiesReady(db))) return [];
  return [];
}

export async function articleTimexes(db: Queryable, _id: string): Promise<TimexSpan[]> {
  if (!(await hasTables(db, 'timexes'))) return [];
  return [];
}

export async function articleTriggers(db: Queryable, _id: string): Promise<TriggerSpan[]> {
  if (!(await eventsReady(db))) return [];
  return [];
}

export async function articleEvents(db: Queryable, _id: string): Promise<TimelineEvent[]> {
  if (!(await eventsReady(db))) return [];
  return [];
}

export async function articleWarnings(db: Queryable, _id: string): Promise<Warning[]> {
  if (!(await hasTables(db, 'article_warnings'))) return [];
  return [];
}
