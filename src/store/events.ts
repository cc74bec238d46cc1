import { calendarSpan, type EventMentionRecord, type EventStatus } from '../model/index.js';
import type { Queryable } from './db.js';
import { entityFilterNames, participantFilterSql } from './entity-filter.js';
import { sortDateOf } from './sort-date.js';

/** Storage of event mentions, merged events and article warnings (041_events.sql). */

export interface ParticipantRow {
  name: string;
  text: string;
  kbId: string | null;
  type: string;
  /** Index of the entity mention in the article (AnalyzedArticle.entities, = mentions.idx). */
  mention?: number;
}

export interface MentionInput {
  idx: number;
  type: string;
  mode: string | null;
  trigger: { start: number; end: number; text: string };
  sentenceIndex: number;
  sentence: string;
  actors: ParticipantRow[];
  recipients: ParticipantRow[];
  place: string | null;
  placeSource: 'text' | 'dateline' | null;
  dateValue: string | null;
  dateSource: 'text' | 'publication';
  dateLo: string | null;
  dateHi: string | null;
  status: EventStatus;
  speaker: string | null;
  /** `title`: a headline mention (trigger and sentence in the title), joining body mention `joins`. */
  field?: 'title' | 'body';
  joins?: number | null;
}

export async function saveMentions(tx: Queryable, articleId: string, ms: readonly MentionInput[]): Promise<void> {
  if (ms.length === 0) return;
  const col = <T>(f: (m: MentionInput) => T): T[] => ms.map(f);
  // One statement per article: column arrays through unnest.
  await tx.query(
    `INSERT INTO event_mentions (article_id, idx, type, mode, trigger_start, trigger_end, trigger_text, sentence_index,
       sentence, actors, recipients, place, date_value, date_source, date_lo, date_hi, status, speaker, place_source, field, joins_idx)
     SELECT $1, u.idx, u.type, u.mode, u.ts, u.te, u.tt, u.si, u.sentence, u.actors::jsonb, u.recipients::jsonb, u.place,
       u.dv, u.ds, u.dlo::date, u.dhi::date, u.status, u.speaker, u.ps, u.field, u.joins
       FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::int[], $9::text[], $10::text[],
         $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[],
         $20::text[], $21::int[])
         AS u(idx, type, mode, ts, te, tt, si, sentence, actors, recipients, place, dv, ds, dlo, dhi, status, speaker, ps, field, joins)
     ON CONFLICT (article_id, idx) DO NOTHING`,
    [articleId, col((m) => m.idx), col((m) => m.type), col((m) => m.mode), col((m) => m.trigger.start), col((m) => m.trigger.end),
      col((m) => m.trigger.text), col((m) => m.sentenceIndex), col((m) => m.sentence), col((m) => JSON.stringify(m.actors)),
      col((m) => JSON.stringify(m.recipients)), col((m) => m.place), col((m) => m.dateValue), col((m) => m.dateSource),
      col((m) => m.dateLo), col((m) => m.dateHi), col((m) => m.status), col((m) => m.speaker), col((m) => m.placeSource),
      col((m) => m.field ?? 'body'), col((m) => m.joins ?? null)],
  );
}

export interface WarningInput {
  kind: string;
  message: string;
  start: number | null;
  end: number | null;
}

export async function saveWarnings(tx: Queryable, articleId: string, ws: readonly WarningInput[]): Promise<void> {
  let idx = 0;
  // Most articles have none; the rare ones have one or two.
  for (const w of ws) {
    await tx.query(
      `INSERT INTO article_warnings (article_id, idx, kind, message, span_start, span_end) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (article_id, idx) DO NOTHING`,
      [articleId, idx++, w.kind, w.message, w.start, w.end],
    );
  }
}

export async function warningsOf(q: Queryable, articleId: string): Promise<WarningInput[]> {
  const rows = await q.query<{ kind: string; message: string; span_start: number | null; span_end: number | null }>(
    'SELECT kind, message, span_start, span_end FROM article_warnings WHERE article_id = $1 ORDER BY idx',
    [articleId],
  );
  return rows.map((r) => ({ kind: r.kind, message: r.message, start: r.span_start, end: r.span_end }));
}

/** A stored mention as merging sees it (the shared shape in src/model), with its place source and event always read. */
export interface MentionRow extends EventMentionRecord {
  placeSource: 'text' | 'dateline' | null;
  eventId: string | null;
}

interface MentionDbRow {
  [k: string]: unknown;
  article_id: string;
  idx: number;
  type: string;
  mode: string | null;
  actors: ParticipantRow[] | string;
  recipients: ParticipantRow[] | string;
  place: string | null;
  place_source: 'text' | 'dateline' | null;
  date_value: string | null;
  date_source: 'text' | 'publication';
  status: EventStatus;
  published: string | null;
  original_id: string;
  event_id: string | null;
  field: 'title' | 'body';
  joins_idx: number | null;
}

const MENTION_SELECT = `SELECT m.article_id, m.idx, m.type, m.mode, m.actors, m.recipients, m.place, m.place_source, m.date_value,
  m.date_source, m.status, a.published, COALESCE(a.duplicate_of, a.id) AS original_id, m.event_id, m.field, m.joins_idx
  FROM event_mentions m JOIN articles a ON a.id = m.article_id`;

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

function toMention(r: MentionDbRow): MentionRow {
  return {
    articleId: r.article_id,
    idx: r.idx,
    type: r.type,
    mode: r.mode,
    actors: json(r.actors).map((p) => p.name),
    recipients: json(r.recipients).map((p) => p.name),
    place: r.place,
    placeSource: r.place_source ?? (r.place ? 'text' : null),
    dateValue: r.date_value,
    dateSource: r.date_source,
    status: r.status,
    published: r.published,
    originalId: r.original_id,
    eventId: r.event_id,
    field: r.field,
    joins: r.joins_idx,
  };
}

/**
 * Mentions waiting to be merged, in ingest order: new ones and reopened ones (not fragments already
 * tried, see `triedFragments`).
 */
export async function unmergedMentions(q: Queryable): Promise<MentionRow[]> {
  return (await q.query<MentionDbRow>(`${MENTION_SELECT} WHERE m.event_id IS NULL AND NOT m.merge_tried ORDER BY a.seq, m.idx`)).map(toMention);
}

/**
 * Fragments that joined no event when they were merged and that could fit one of the given events
 * (same type, an overlapping date window or none, a shared name or place), in ingest order: a
 * batch retries them against the events it touched.
 */
export async function triedFragments(
  q: Queryable, types: readonly string[], windows: readonly { lo: string; hi: string }[] | null,
  names: readonly string[], places: readonly string[],
): Promise<MentionRow[]> {
  if (types.length === 0) return [];
  const rows = await q.query<MentionDbRow>(
    `${MENTION_SELECT} WHERE m.event_id IS NULL AND m.merge_tried AND m.field = 'body' AND m.type = ANY($1::text[])
       AND ($2::date[] IS NULL OR m.date_lo IS NULL OR EXISTS (
         SELECT 1 FROM unnest($2::date[], $3::date[]) AS w(lo, hi) WHERE m.date_lo <= w.hi AND m.date_hi >= w.lo))
       AND (m.place = ANY($5::text[]) OR EXISTS (
         SELECT 1 FROM jsonb_array_elements(m.actors || m.recipients) p WHERE p->>'name' = ANY($4::text[])))
     ORDER BY a.seq, m.idx`,
    [[...types], windows && windows.map((w) => w.lo), windows && windows.map((w) => w.hi), [...names], [...places]],
  );
  return rows.map(toMention);
}

/** Marks fragments that joined no event as tried (see `triedFragments`). */
export async function markTried(q: Queryable, keys: readonly { articleId: string; idx: number }[]): Promise<void> {
  await setTried(q, keys, true);
}

async function setTried(q: Queryable, keys: readonly { articleId: string; idx: number }[], tried: boolean): Promise<void> {
  if (keys.length === 0) return;
  await q.query(
    `UPDATE event_mentions m SET merge_tried = $3 FROM unnest($1::text[], $2::int[]) AS u(article_id, idx)
      WHERE m.article_id = u.article_id AND m.idx = u.idx`,
    [keys.map((k) => k.articleId), keys.map((k) => k.idx), tried],
  );
}

export async function allMentions(q: Queryable): Promise<MentionRow[]> {
  return (await q.query<MentionDbRow>(`${MENTION_SELECT} ORDER BY a.seq, m.idx`)).map(toMention);
}

export async function mentionsOfEvent(q: Queryable, eventId: string): Promise<MentionRow[]> {
  return (await q.query<MentionDbRow>(`${MENTION_SELECT} WHERE m.event_id = $1 ORDER BY a.seq, m.idx`, [eventId])).map(toMention);
}

export async function assignEvent(q: Queryable, articleId: string, idx: number, eventId: string | null): Promise<void> {
  await q.query('UPDATE event_mentions SET event_id = $3 WHERE article_id = $1 AND idx = $2', [articleId, idx, eventId]);
}

export interface EventRow {
  id: string;
  type: string;
  mode: string | null;
  dateValue: string | null;
  dateSource: 'text' | 'publication';
  dateLo: string | null;
  dateHi: string | null;
  status: EventStatus;
  place: string | null;
  actors: string[];
  recipients: string[];
  sources: number;
  mentions: number;
}

interface EventDbRow {
  [k: string]: unknown;
  id: string;
  type: string;
  mode: string | null;
  date_value: string | null;
  date_source: 'text' | 'publication';
  date_lo: string | Date | null;
  date_hi: string | Date | null;
  status: EventStatus;
  place: string | null;
  actors: string[] | string;
  recipients: string[] | string;
  sources: number;
  mentions: number;
}

const dateStr = (d: string | Date | null): string | null => (d === null ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

function toEvent(r: EventDbRow): EventRow {
  return {
    id: r.id,
    type: r.type,
    mode: r.mode,
    dateValue: r.date_value,
    dateSource: r.date_source,
    dateLo: dateStr(r.date_lo),
    dateHi: dateStr(r.date_hi),
    status: r.status,
    place: r.place,
    actors: json(r.actors),
    recipients: json(r.recipients),
    sources: Number(r.sources),
    mentions: Number(r.mentions),
  };
}

const EVENT_SELECT = `SELECT id, type, mode, date_value, date_source, date_lo::text AS date_lo, date_hi::text AS date_hi, status,
  place, actors, recipients, sources, mentions FROM events`;

/** Events of one type whose date interval comes within `slackDays` of [lo, hi] (or has no date); or the one event `id`. */
export async function candidateEvents(q: Queryable, type: string, lo: string | null, hi: string | null, slackDays = 7, id?: string): Promise<EventRow[]> {
  if (id) return (await q.query<EventDbRow>(`${EVENT_SELECT} WHERE id = $1`, [id])).map(toEvent);
  if (!lo || !hi) return (await q.query<EventDbRow>(`${EVENT_SELECT} WHERE type = $1`, [type])).map(toEvent);
  const rows = await q.query<EventDbRow>(
    `${EVENT_SELECT} WHERE type = $1 AND (date_lo IS NULL OR (date_lo <= $3::date + $4::int AND date_hi >= $2::date - $4::int))`,
    [type, lo, hi, slackDays],
  );
  return rows.map(toEvent);
}

/** Inserts or updates events, in one statement. */
export async function upsertEvents(q: Queryable, es: readonly EventRow[]): Promise<void> {
  if (es.length === 0) return;
  const col = <T>(f: (e: EventRow) => T): T[] => es.map(f);
  await q.query(
    `INSERT INTO events (id, type, mode, date_value, date_source, date_lo, date_hi, status, place, actors, recipients, sources, mentions)
     SELECT u.id, u.type, u.mode, u.dv, u.ds, u.lo::date, u.hi::date, u.status, u.place, u.actors::jsonb, u.recipients::jsonb, u.sources, u.mentions
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
         $10::text[], $11::text[], $12::int[], $13::int[])
         AS u(id, type, mode, dv, ds, lo, hi, status, place, actors, recipients, sources, mentions)
     ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, mode = EXCLUDED.mode, date_value = EXCLUDED.date_value,
       date_source = EXCLUDED.date_source, date_lo = EXCLUDED.date_lo, date_hi = EXCLUDED.date_hi, status = EXCLUDED.status,
       place = EXCLUDED.place, actors = EXCLUDED.actors, recipients = EXCLUDED.recipients, sources = EXCLUDED.sources,
       mentions = EXCLUDED.mentions`,
    [col((e) => e.id), col((e) => e.type), col((e) => e.mode), col((e) => e.dateValue), col((e) => e.dateSource), col((e) => e.dateLo),
      col((e) => e.dateHi), col((e) => e.status), col((e) => e.place), col((e) => JSON.stringify(e.actors)),
      col((e) => JSON.stringify(e.recipients)), col((e) => e.sources), col((e) => e.mentions)],
  );
}

export async function upsertEvent(q: Queryable, e: EventRow): Promise<void> {
  await upsertEvents(q, [e]);
}

export async function deleteAllEvents(q: Queryable): Promise<void> {
  await q.query('UPDATE event_mentions SET event_id = NULL, merge_tried = false WHERE event_id IS NOT NULL OR merge_tried');
  await q.query('DELETE FROM events');
}

/** Last calendar day a TIMEX3 calendar value covers (`2025-08` → `2025-08-31`, `2025-W32` → its Sunday), or null. */
export function lastDayOf(v: string): string | null {
  return calendarSpan(v)?.last ?? null;
}

/** Whether the calendar interval of `value` overlaps [from, to] (inclusive ISO days; null = open). */
export function inRange(value: string | null, from: string | null, to: string | null): boolean {
  if (!from && !to) return true;
  const lo = value ? sortDateOf(value) : null;
  const hi = value ? lastDayOf(value) : null;
  if (!lo || !hi) return false;
  return (!from || hi >= from) && (!to || lo <= to);
}

export interface EventFilter {
  /** Canonical or surface name (or entity id) of an actor or recipient, resolved by entityFilterNames. */
  entity?: string;
  storyId?: string;
  type?: string;
  /** Date bounds (inclusive), any TIMEX3 calendar value: `2025`, `2025-08`, `2025-08-07`. */
  from?: string;
  to?: string;
}

export interface Evidence {
  articleId: string;
  sentence: string;
  start: number;
  end: number;
  status: EventStatus;
  /** `title`: the sentence is the article's headline (the same source as its body). */
  field: 'title' | 'body';
}

export interface TimelineEvent extends EventRow {
  evidence: Evidence[];
}

/** Merged events with their evidence, sorted by date (undated last), then id. */
export async function listEvents(q: Queryable, f: EventFilter = {}): Promise<TimelineEvent[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.type) {
    params.push(f.type.toUpperCase());
    where.push(`type = $${params.length}`);
  }
  // A range applies to the date the event is dated to (from the text or, marked, from publication),
  // never to its merge-compatibility interval (date_lo/date_hi, which is wide for publication-dated
  // events); undated events are outside every range.
  const from = f.from ? sortDateOf(f.from) ?? f.from : null;
  const to = f.to ? lastDayOf(f.to) ?? f.to : null;
  if (from || to) where.push('date_value IS NOT NULL');
  if (f.entity) {
    where.push(participantFilterSql(params, f.entity, await entityFilterNames(q, f.entity), 'events'));
  }
  if (f.storyId) {
    params.push(f.storyId);
    where.push(`EXISTS (SELECT 1 FROM event_mentions m JOIN articles a ON a.id = m.article_id
      WHERE m.event_id = events.id AND a.story_id = $${params.length})`);
  }
  const rows = (await q.query<EventDbRow>(
    `${EVENT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY date_lo NULLS LAST, date_hi NULLS LAST, id`,
    params,
  )).map(toEvent).filter((e) => inRange(e.dateValue, from, to));
  // By the date the event is dated to (not its compatibility interval), undated last.
  const sortKey = (e: EventRow): string => sortDateOf(e.dateValue) ?? '9999-99-99';
  rows.sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || a.id.localeCompare(b.id));
  if (rows.length === 0) return [];
  const ev = await q.query<{ event_id: string; article_id: string; sentence: string; trigger_start: number; trigger_end: number; status: EventStatus; field: 'title' | 'body' }>(
    `SELECT m.event_id, m.article_id, m.sentence, m.trigger_start, m.trigger_end, m.status, m.field FROM event_mentions m
      JOIN articles a ON a.id = m.article_id WHERE m.event_id = ANY($1::text[]) ORDER BY a.seq, m.idx`,
    [rows.map((r) => r.id)],
  );
  const byEvent = new Map<string, Evidence[]>();
  for (const r of ev) {
    const list = byEvent.get(r.event_id) ?? [];
    list.push({ articleId: r.article_id, sentence: r.sentence, start: r.trigger_start, end: r.trigger_end, status: r.status, field: r.field });
    byEvent.set(r.event_id, list);
  }
  return rows.map((r) => ({ ...r, evidence: byEvent.get(r.id) ?? [] }));
}

export interface ArticleEventMention {
  idx: number;
  type: string;
  mode: string | null;
  trigger: { start: number; end: number; text: string };
  sentence: string;
  actors: ParticipantRow[];
  recipients: ParticipantRow[];
  place: string | null;
  date: { value: string | null; source: 'text' | 'publication' };
  status: EventStatus;
  speaker: string | null;
  eventId: string | null;
  /** `title`: found in the headline; it joins the event of body mention `joins`. */
  field: 'title' | 'body';
  joins: number | null;
}

export async function eventMentionsOf(q: Queryable, articleId: string): Promise<ArticleEventMention[]> {
  const rows = await q.query<{
    idx: number; type: string; mode: string | null; trigger_start: number; trigger_end: number; trigger_text: string;
    sentence: string; actors: ParticipantRow[] | string; recipients: ParticipantRow[] | string; place: string | null;
    date_value: string | null; date_source: 'text' | 'publication'; status: EventStatus; speaker: string | null; event_id: string | null;
    field: 'title' | 'body'; joins_idx: number | null;
  }>('SELECT * FROM event_mentions WHERE article_id = $1 ORDER BY idx', [articleId]);
  return rows.map((r) => ({
    idx: r.idx,
    type: r.type,
    mode: r.mode,
    trigger: { start: r.trigger_start, end: r.trigger_end, text: r.trigger_text },
    sentence: r.sentence,
    actors: json(r.actors),
    recipients: json(r.recipients),
    place: r.place,
    date: { value: r.date_value, source: r.date_source },
    status: r.status,
    speaker: r.speaker,
    eventId: r.event_id,
    field: r.field,
    joins: r.joins_idx,
  }));
}

/**
 * Renames participants without a KB entry to the corpus entity the entity linker gave their mention
 * (`Landesbauernverband` and `Landesbauernverband Brandenburg` become one name), for the mentions
 * waiting to be merged. Metonyms keep the entity they stand for. Three statements, whatever the
 * number of articles.
 */
export async function canonicalizeParticipants(q: Queryable): Promise<number> {
  const rows = await q.query<{ article_id: string; idx: number; actors: ParticipantRow[] | string; recipients: ParticipantRow[] | string }>(
    'SELECT article_id, idx, actors, recipients FROM event_mentions WHERE event_id IS NULL AND NOT merge_tried',
  );
  if (rows.length === 0) return 0;
  const linked = await q.query<{ article_id: string; idx: number; name: string }>(
    `SELECT m.article_id, m.idx, COALESCE(s.name, e.name) AS name FROM mentions m
       LEFT JOIN entities e ON e.id = m.entity_id LEFT JOIN entities s ON s.id = m.stands_for
      WHERE m.article_id = ANY($1::text[]) AND COALESCE(s.name, e.name) IS NOT NULL`,
    [[...new Set(rows.map((r) => r.article_id))]],
  );
  const nameOf = new Map(linked.map((m) => [`${m.article_id}#${m.idx}`, m.name]));
  const updates: { articleId: string; idx: number; actors: string; recipients: string }[] = [];
  for (const r of rows) {
    let dirty = false;
    const fix = (ps: ParticipantRow[]): ParticipantRow[] => ps.map((p) => {
      const name = p.kbId === null && p.mention !== undefined ? nameOf.get(`${r.article_id}#${p.mention}`) : undefined;
      if (!name || name === p.name) return p;
      dirty = true;
      return { ...p, name };
    });
    const actors = fix(json(r.actors));
    const recipients = fix(json(r.recipients)).filter((p) => !actors.some((a) => a.name === p.name));
    if (dirty) updates.push({ articleId: r.article_id, idx: r.idx, actors: JSON.stringify(actors), recipients: JSON.stringify(recipients) });
  }
  if (updates.length === 0) return 0;
  await q.query(
    `UPDATE event_mentions m SET actors = u.actors::jsonb, recipients = u.recipients::jsonb
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) AS u(article_id, idx, actors, recipients)
      WHERE m.article_id = u.article_id AND m.idx = u.idx`,
    [updates.map((u) => u.articleId), updates.map((u) => u.idx), updates.map((u) => u.actors), updates.map((u) => u.recipients)],
  );
  return updates.length;
}

/**
 * Stored event mentions (merged, or fragments already tried) whose participants still carry a name
 * the entity linker has since replaced: a mention linked to an entity without a KB entry that this
 * batch's articles also name (`Kowalczyk` merged into `Anna Kowalczyk` once the full name
 * appeared). Only the entities the batch links are looked at, so the cost follows the batch.
 */
export async function staleMentions(q: Queryable, articleIds: readonly string[]): Promise<{ articleId: string; idx: number; eventId: string | null }[]> {
  if (articleIds.length === 0) return [];
  const rows = await q.query<{ article_id: string; idx: number; event_id: string | null }>(
    `WITH touched AS (
       SELECT DISTINCT m.entity_id AS id FROM mentions m JOIN entities e ON e.id = m.entity_id
        WHERE m.article_id = ANY($1::text[]) AND e.kb_id IS NULL),
     linked AS (
       SELECT m.article_id, m.idx, e.name FROM touched t JOIN mentions m ON m.entity_id = t.id JOIN entities e ON e.id = t.id
        WHERE m.stands_for IS NULL)
     SELECT DISTINCT em.article_id, em.idx, em.event_id FROM linked l
       JOIN event_mentions em ON em.article_id = l.article_id
       CROSS JOIN LATERAL jsonb_array_elements(em.actors || em.recipients) p
      WHERE (em.event_id IS NOT NULL OR em.merge_tried) AND p->>'kbId' IS NULL
        AND (p->>'mention')::int = l.idx AND p->>'name' <> l.name`,
    [[...articleIds]],
  );
  return rows.map((r) => ({ articleId: r.article_id, idx: r.idx, eventId: r.event_id }));
}

/**
 * Takes events apart so their mentions are merged again: the events are deleted and their
 * mentions (and the given fragments) wait to be merged like new ones.
 */
export async function reopenEvents(q: Queryable, eventIds: readonly string[], fragments: readonly { articleId: string; idx: number }[] = []): Promise<void> {
  if (eventIds.length > 0) {
    await q.query('UPDATE event_mentions SET event_id = NULL, merge_tried = false WHERE event_id = ANY($1::text[])', [[...eventIds]]);
    await deleteEvents(q, eventIds);
  }
  await setTried(q, fragments, false);
}

/**
 * Events of the given types whose interval comes within `slackDays` of any window (or that have no
 * date) and that name one of `names` or happened in one of `places`: the only events a batch's
 * mentions can join.
 */
export async function eventsOverlapping(
  q: Queryable, types: readonly string[], windows: readonly { lo: string; hi: string }[],
  names: readonly string[], places: readonly string[], slackDays = 7,
): Promise<EventRow[]> {
  if (types.length === 0) return [];
  const rows = await q.query<EventDbRow>(
    `${EVENT_SELECT} WHERE type = ANY($1::text[]) AND (date_lo IS NULL OR EXISTS (
       SELECT 1 FROM unnest($2::date[], $3::date[]) AS w(lo, hi)
        WHERE events.date_lo <= w.hi + $4::int AND events.date_hi >= w.lo - $4::int))
       AND (actors ?| $5::text[] OR recipients ?| $5::text[] OR place = ANY($6::text[]))`,
    [[...types], windows.map((w) => w.lo), windows.map((w) => w.hi), slackDays, [...names], [...places]],
  );
  return rows.map(toEvent);
}

/**
 * Headline mentions of the given articles not in any event yet: merging puts each into the event
 * its body mention joined (the body mention may join only in a later batch, as a retried fragment).
 */
export async function waitingTitleMentions(q: Queryable, articleIds: readonly string[]): Promise<MentionRow[]> {
  if (articleIds.length === 0) return [];
  return (await q.query<MentionDbRow>(
    `${MENTION_SELECT} WHERE m.article_id = ANY($1::text[]) AND m.field = 'title' AND m.event_id IS NULL ORDER BY a.seq, m.idx`,
    [[...articleIds]],
  )).map(toMention);
}

export async function mentionsOfEvents(q: Queryable, ids: readonly string[]): Promise<MentionRow[]> {
  if (ids.length === 0) return [];
  return (await q.query<MentionDbRow>(`${MENTION_SELECT} WHERE m.event_id = ANY($1::text[]) ORDER BY a.seq, m.idx`, [[...ids]])).map(toMention);
}

export async function assignEvents(q: Queryable, rows: readonly { articleId: string; idx: number; eventId: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `UPDATE event_mentions m SET event_id = u.event_id, merge_tried = false
       FROM unnest($1::text[], $2::int[], $3::text[]) AS u(article_id, idx, event_id)
      WHERE m.article_id = u.article_id AND m.idx = u.idx`,
    [rows.map((r) => r.articleId), rows.map((r) => r.idx), rows.map((r) => r.eventId)],
  );
}

export async function deleteEvents(q: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length) await q.query('DELETE FROM events WHERE id = ANY($1::text[])', [[...ids]]);
}
