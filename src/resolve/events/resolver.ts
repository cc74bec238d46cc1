import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../../store/db.js';
import {
  assignEvents, canonicalizeParticipants, deleteAllEvents, deleteEvents, eventsOverlapping, markTried, mentionsOfEvents,
  reopenEvents, staleMentions, triedFragments, unmergedMentions, upsertEvents, waitingTitleMentions, type EventRow, type MentionRow,
} from '../../store/events.js';
import { precisionOf } from '../../model/index.js';
import { countriesOf, officeLinks, placesAgree } from './actors.js';
import { consultMode, datesClash, fit, intervalOf, mergeMentions, otherParties, seedsEvent, sharedParticipants, stateOf, type EventState, type Interval } from './merge.js';

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

interface Cluster {
  row: EventRow;
  members: MentionRow[];
  state: EventState;
  touched: boolean;
}

/** An event's merge state; its points are the cluster's own members (the state is rebuilt whenever they change). */
function stateOfRow(e: EventRow, members: readonly MentionRow[]): EventState {
  return { ...stateOf(e.id, {
    type: e.type, mode: e.mode, status: e.status, place: e.place, actors: e.actors, recipients: e.recipients,
    sources: e.sources, mentions: e.mentions,
    date: { value: e.dateValue, source: e.dateSource, interval: e.dateLo && e.dateHi ? { lo: e.dateLo, hi: e.dateHi } : null },
  }), points: members };
}

/**
 * The names a mention with these participants, dated so, can share with an event: its own and, on a
 * day-precise date, those a government office links them to (members of a government act for it).
 */
function namesNear(names: readonly string[], dateValue: string | null): string[] {
  if (!dateValue || precisionOf(dateValue) !== 'day') return [...names];
  const day = dateValue.slice(0, 10);
  return [...names, ...names.flatMap((n) => officeLinks(n, day))];
}

/** The pending mentions' date intervals, coalesced into a few windows for one range query. */
function windowsOf(ms: readonly MentionRow[]): Interval[] {
  return coalesce(ms.map((m) => intervalOf(m)));
}

function coalesce(intervals: readonly (Interval | null)[]): Interval[] {
  const ivs = intervals.filter((x): x is Interval => x !== null).map((x) => ({ ...x })).sort((a, b) => a.lo.localeCompare(b.lo));
  const out: Interval[] = [];
  for (const iv of ivs) {
    const last = out.at(-1);
    if (last && iv.lo <= last.hi) {
      if (iv.hi > last.hi) last.hi = iv.hi;
    } else out.push({ ...iv });
  }
  return out;
}

function compatible(a: EventRow, b: EventRow): boolean {
  if (a.type !== b.type) return false;
  if (a.dateLo && a.dateHi && b.dateLo && b.dateHi && (a.dateLo > b.dateHi || b.dateLo > a.dateHi)) return false;
  if (a.place && b.place && !placesAgree(a.place, b.place)) return false;
  if (a.mode && b.mode && a.mode !== b.mode && (a.mode === 'phone' || b.mode === 'phone')) return false;
  const pa = new Set([...a.actors, ...a.recipients]);
  const pb = [...b.actors, ...b.recipients];
  // At least two shared participants where both name two (one shared name is weak across articles).
  const shared = sharedParticipants(a.type, a, b);
  if (a.type === 'CONSULT' && otherParties(pa, pb, a.dateValue ?? b.dateValue)) return false;
  return shared > 0 && shared >= Math.min(2, pa.size, pb.length);
}

/** The best-fitting cluster of the mention's type, or null when none fits. */
function bestFit(byType: ReadonlyMap<string, Cluster[]>, m: MentionRow): Cluster | null {
  let best: Cluster | null = null;
  let bestFit = -1;
  for (const c of byType.get(m.type) ?? []) {
    const f = fit(c.state, m);
    if (f > bestFit) [best, bestFit] = [c, f];
  }
  return best;
}

function join(c: Cluster, m: MentionRow): void {
  c.members.push({ ...m, eventId: c.row.id });
  c.row = rowOf(c.row.id, c.members);
  c.state = stateOfRow(c.row, c.members);
  c.touched = true;
}

/**
 * Merges every mention waiting to be merged (in ingest order) into the best-fitting event of the
 * same type — compatible date and place, overlapping participants — or starts a new event; then
 * events the batch touched that are compatible with another become one (greedy merging depends on
 * the order mentions arrive in). Works in memory on the events near the batch's dates: a few
 * queries per batch, not per mention.
 */
export async function mergeEvents(db: Queryable): Promise<{ mentions: number; created: number }> {
  // The entity linker (an earlier corpus resolver) has linked this batch's mentions by now.
  await canonicalizeParticipants(db);
  const pending = await unmergedMentions(db);
  if (pending.length === 0) return { mentions: 0, created: 0 };
  const names = new Set(pending.flatMap((m) => namesNear([...m.actors, ...m.recipients], m.dateValue)));
  const places = new Set(pending.flatMap((m) => (m.place ? [m.place] : [])));
  const existing = await eventsOverlapping(db, [...new Set(pending.map((m) => m.type))], windowsOf(pending), [...names], [...places]);
  const members = new Map<string, MentionRow[]>();
  for (const m of await mentionsOfEvents(db, existing.map((e) => e.id))) members.set(m.eventId!, [...(members.get(m.eventId!) ?? []), m]);
  const byType = new Map<string, Cluster[]>();
  const add = (c: Cluster): void => {
    byType.set(c.row.type, [...(byType.get(c.row.type) ?? []), c]);
  };
  for (const e of existing) add({ row: e, members: members.get(e.id) ?? [], state: stateOfRow(e, members.get(e.id) ?? []), touched: false });

  let created = 0;
  // Headline mentions neither seed nor fit on their own: they follow their body mention (below).
  const isTitle = (m: MentionRow): boolean => m.field === 'title';
  const seeds: MentionRow[] = [];
  const fragments: MentionRow[] = [];
  for (const m of pending) if (!isTitle(m)) (seedsEvent(m) ? seeds : fragments).push(m);
  for (const m of seeds) {
    const best = bestFit(byType, m);
    if (best) join(best, m);
    else {
      const id = eventIdFor(m);
      const ms = [{ ...m, eventId: id }];
      const row = rowOf(id, ms);
      add({ row, members: ms, state: stateOfRow(row, ms), touched: true });
      created++;
    }
  }

  // Fragments come last so they can join the events their batch starts. Those of earlier batches
  // joined none of the events as they were then: only an event this batch touched can take one
  // now, so only the ones near those events are loaded again; they go first (ingest order).
  const touchedNow = [...byType.values()].flat().filter((c) => c.touched);
  const touchedNames = new Set<string>();
  for (const c of touchedNow) {
    for (const d of new Set(c.members.map((m) => m.dateValue))) for (const n of namesNear([...c.state.participants], d)) touchedNames.add(n);
  }
  const older = await triedFragments(
    db, [...new Set(touchedNow.map((c) => c.row.type))],
    // An undated event can take a fragment of any date.
    touchedNow.every((c) => c.state.interval) ? coalesce(touchedNow.map((c) => c.state.interval)) : null,
    [...touchedNames], [...new Set(touchedNow.flatMap((c) => (c.row.place ? [c.row.place] : [])))],
  );
  const olderSet = new Set(older);
  const unjoined: MentionRow[] = [];
  let retried = 0;
  for (const m of [...older, ...fragments]) {
    const best = bestFit(byType, m);
    if (best) {
      join(best, m);
      if (olderSet.has(m)) retried++;
    } else if (!olderSet.has(m)) unjoined.push(m);
  }

  // Consolidate: a touched event compatible with another event of its type absorbs it (or is absorbed).
  const dropped: string[] = [];
  for (const clusters of byType.values()) {
    for (let changed = true; changed;) {
      changed = false;
      for (const a of clusters) {
        if (!a.touched) continue;
        const b = clusters.find((x) => x !== a && compatible(a.row, x.row)
          && !a.members.some((p) => x.members.some((q) => datesClash(p, q))));
        if (!b) continue;
        const [keep, drop] = a.members.length >= b.members.length ? [a, b] : [b, a];
        keep.members.push(...drop.members.map((x) => ({ ...x, eventId: keep.row.id })));
        keep.row = rowOf(keep.row.id, keep.members);
        keep.state = stateOfRow(keep.row, keep.members);
        keep.touched = true;
        clusters.splice(clusters.indexOf(drop), 1);
        if (existing.some((e) => e.id === drop.row.id)) dropped.push(drop.row.id);
        created--;
        changed = true;
        break;
      }
    }
  }

  // A headline mention joins the event its body mention (`joins`, matched within the article by
  // analysis) is in now; while that one is in none, it waits, marked tried, and is looked up again
  // when a later batch's retry puts its body mention into an event.
  const clusterOf = new Map<string, Cluster>();
  for (const c of [...byType.values()].flat()) for (const m of c.members) clusterOf.set(`${m.articleId}#${m.idx}`, c);
  const joinedNow = [...pending, ...older].filter((m) => !isTitle(m) && clusterOf.has(`${m.articleId}#${m.idx}`));
  const waitingTitles = await waitingTitleMentions(db, [...new Set(joinedNow.map((m) => m.articleId))]);
  const pendingTitles = new Set(pending.filter(isTitle).map((m) => `${m.articleId}#${m.idx}`));
  for (const t of waitingTitles) {
    const c = clusterOf.get(`${t.articleId}#${t.joins}`);
    if (c) {
      join(c, t);
      pendingTitles.delete(`${t.articleId}#${t.idx}`);
    }
  }
  unjoined.push(...pending.filter((m) => pendingTitles.has(`${m.articleId}#${m.idx}`)));

  const touched = [...byType.values()].flat().filter((c) => c.touched);
  await deleteEvents(db, dropped);
  await upsertEvents(db, touched.map((c) => c.row));
  await assignEvents(db, touched.flatMap((c) => c.members.map((m) => ({ articleId: m.articleId, idx: m.idx, eventId: c.row.id }))));
  // What joined nothing is not loaded again by later batches unless an event near it changes.
  await markTried(db, unjoined);
  return { mentions: pending.length + retried, created };
}

/**
 * Follows entity linking that changed after events were merged (a surname linked to its full name
 * once a later batch names the person in full): the events whose mentions name a replaced entity
 * are taken apart and merged again with the batch, under the new name.
 */
export async function remergeRelinked(db: Queryable, articleIds: readonly string[]): Promise<number> {
  const stale = await staleMentions(db, articleIds);
  if (stale.length === 0) return 0;
  await reopenEvents(db, [...new Set(stale.flatMap((m) => (m.eventId ? [m.eventId] : [])))], stale.filter((m) => !m.eventId));
  return stale.length;
}

/**
 * Rebuilds all events from their mentions in one batch, in ingest order (`chronik reevent`): after
 * near-duplicate or entity changes, or to get the result that does not depend on how ingest was
 * split into batches.
 */
export async function rebuildEvents(db: Db): Promise<{ mentions: number; events: number }> {
  return db.transaction(async (tx) => {
    await deleteAllEvents(tx);
    const r = await mergeEvents(tx);
    return { mentions: r.mentions, events: r.created };
  });
}

export const eventsResolver = {
  name: 'events',
  run: async (db: Db, ctx: { newArticleIds: readonly string[]; progress: (message: string) => void }): Promise<void> => {
    const r = await db.transaction(async (tx) => ({ relinked: await remergeRelinked(tx, ctx.newArticleIds), ...(await mergeEvents(tx)) }));
    if (r.relinked) ctx.progress(`events: ${r.relinked} mentions name entities linked anew; their events merged again`);
    if (r.mentions) ctx.progress(`events: ${r.mentions} mentions merged, ${r.created} new events`);
  },
};
