import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../../store/db.js';
import {
  assignEvent, candidateEvents, canonicalizeParticipants, deleteAllEvents, mentionsOfEvent, unmergedMentions, upsertEvent,
  type EventRow, type MentionRow,
} from '../../store/events.js';
import { countriesOf } from './actors.js';
import { consultMode, fit, intervalOf, mergeMentions, sharedParticipants, stateOf } from './merge.js';

function rowOf(id: string, ms: readonly MentionRow[]): EventRow {
  const e = mergeMentions(ms);
  return {
    id,
    type: e.type,
    mode: e.type === 'CONSULT' ? consultMode(e.mode, e.place, [...e.actors, ...e.recipients], countriesOf) : e.mode,
    dateValue: e.date.value,
    dateSource: e.date.source,
    dateLo: e.date.interval?.lo ?? null,
    dateHi: e.date.interval?.hi ?? null,
    status: e.status,
    place: e.place,
    actors: e.actors,
    recipients: e.recipients,
    sources: e.sources,
    mentions: e.mentions,
  };
}

/** Stable event id from its first mention. */
export function eventIdFor(m: Pick<MentionRow, 'articleId' | 'idx'>): string {
  return `ev-${createHash('sha256').update(`${m.articleId}#${m.idx}`).digest('hex').slice(0, 12)}`;
}

/**
 * Merges every unmerged event mention (in ingest order) into the best-fitting stored event of the
 * same type — compatible date and place, overlapping participants — or starts a new event, and
 * recomputes that event's date, status, participants and distinct-source count from its evidence.
 */
export async function mergeEvents(db: Queryable): Promise<{ mentions: number; created: number }> {
  let created = 0;
  const touched = new Set<string>();
  // The entity linker (an earlier corpus resolver) has linked this batch's mentions by now.
  await canonicalizeParticipants(db);
  const pending = await unmergedMentions(db);
  for (const m of pending) {
    const iv = intervalOf(m);
    let best: EventRow | null = null;
    let bestFit = -1;
    for (const e of await candidateEvents(db, m.type, iv?.lo ?? null, iv?.hi ?? null)) {
      const state = stateOf(e.id, {
        type: e.type, mode: e.mode, status: e.status, place: e.place, actors: e.actors, recipients: e.recipients,
        sources: e.sources, mentions: e.mentions,
        date: { value: e.dateValue, source: e.dateSource, interval: e.dateLo && e.dateHi ? { lo: e.dateLo, hi: e.dateHi } : null },
      });
      const f = fit(state, m);
      if (f > bestFit) [best, bestFit] = [e, f];
    }
    const id = best?.id ?? eventIdFor(m);
    if (!best) created++;
    await assignEvent(db, m.articleId, m.idx, id);
    touched.add(id);
    await upsertEvent(db, rowOf(id, await mentionsOfEvent(db, id)));
  }
  const merged = await consolidate(db, touched);
  return { mentions: pending.length, created: created - merged };
}

/**
 * Greedy merging depends on the order mentions arrive in (a plan reported before the dated
 * announcement); afterwards, events of one type that are compatible with each other become one.
 */
async function consolidate(db: Queryable, touched: ReadonlySet<string>): Promise<number> {
  let merged = 0;
  const queue = [...touched];
  const gone = new Set<string>();
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (gone.has(id)) continue;
    const a = (await candidateEvents(db, '', null, null, 0, id))[0];
    if (!a) continue;
    // Only events near this one's dates are compared, so the work per touched event stays bounded.
    const other = (await candidateEvents(db, a.type, a.dateLo, a.dateHi)).find((b) => b.id !== a.id && compatible(a, b));
    if (!other) continue;
    const [keep, drop] = a.mentions >= other.mentions ? [a, other] : [other, a];
    await db.query('UPDATE event_mentions SET event_id = $1 WHERE event_id = $2', [keep.id, drop.id]);
    await db.query('DELETE FROM events WHERE id = $1', [drop.id]);
    await upsertEvent(db, rowOf(keep.id, await mentionsOfEvent(db, keep.id)));
    gone.add(drop.id);
    queue.push(keep.id);
    merged++;
  }
  return merged;
}

function compatible(a: EventRow, b: EventRow): boolean {
  if (a.dateLo && a.dateHi && b.dateLo && b.dateHi && (a.dateLo > b.dateHi || b.dateLo > a.dateHi)) return false;
  if (a.place && b.place && a.place !== b.place) return false;
  if (a.mode && b.mode && a.mode !== b.mode && (a.mode === 'phone' || b.mode === 'phone')) return false;
  const pa = new Set([...a.actors, ...a.recipients]);
  const pb = [...b.actors, ...b.recipients];
  // At least two shared participants where both name two (one shared name is weak across articles).
  const shared = sharedParticipants(a.type, a, b);
  return shared > 0 && shared >= Math.min(2, pa.size, pb.length);
}

/** Rebuilds all events from their mentions (after near-duplicate or entity changes). */
export async function rebuildEvents(db: Db): Promise<{ mentions: number; created: number }> {
  return db.transaction(async (tx) => {
    await deleteAllEvents(tx);
    return mergeEvents(tx);
  });
}

export const eventsResolver = {
  name: 'events',
  run: async (db: Db, ctx: { progress: (message: string) => void }): Promise<void> => {
    const r = await db.transaction((tx) => mergeEvents(tx));
    if (r.mentions) ctx.progress(`events: ${r.mentions} mentions merged, ${r.created} new events`);
  },
};
