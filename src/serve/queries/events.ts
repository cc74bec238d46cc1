import type { Queryable } from '../../store/db.js';
import { hasTables } from './schema.js';
import type { EventDetail, TimelineEvent, TimelineFilter } from './types.js';

/** Tables of the event stage (migrations 040-049). */
export async function eventsReady(db: Queryable): Promise<boolean> {
  return hasTables(db, 'events');
}

export async function timeline(db: Queryable, _f: TimelineFilter = {}): Promise<TimelineEvent[]> {
  if (!(await eventsReady(db))) return [];
  return [];
}

export async function getEvent(db: Queryable, _id: string): Promise<EventDetail | null> {
  if (!(await eventsReady(db))) return null;
  return null;
}

/** Event types present, with counts (filter options). */
export async function eventTypes(db: Queryable): Promise<{ type: string; count: number }[]> {
  if (!(await eventsReady(db))) return [];
  return [];
}

export async function eventCount(db: Queryable): Promise<number> {
  if (!(await eventsReady(db))) return 0;
  return 0;
}
