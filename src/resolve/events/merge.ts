import type { EventMentionRecord, EventStatus } from '../../model/index.js';
import { precisionOf } from '../../model/index.js';
import { firstDay, lastDay } from '../../analyze/events/dates.js';
import { countriesOf, officeLinks, placesAgree, placeWithin } from './actors.js';

/** What merging needs to know about one stored mention (the shape the store reads, src/model). */
export type MergeMention = EventMentionRecord;

export interface Interval {
  lo: string;
  hi: string;
}

const DAY = 86_400_000;
const shift = (d: string, days: number): string => new Date(Date.parse(`${d}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * The calendar interval a mention's date allows. A text date covers what its precision covers;
 * a publication date only says the event was reported by then (up to ten days before, or ahead for plans).
 */
export function intervalOf(m: Pick<MergeMention, 'dateValue' | 'dateSource' | 'status'>): Interval | null {
  if (!m.dateValue) return null;
  // Merging asks for the same few date values again and again; each caller gets its own copy.
  const key = `${m.dateValue}|${m.dateSource}|${m.status}`;
  let iv = intervals.get(key);
  if (iv === undefined) {
    iv = computeInterval(m);
    if (intervals.size > 100_000) intervals.clear();
    intervals.set(key, iv);
  }
  return iv && { ...iv };
}

const intervals = new Map<string, Interval | null>();

function computeInterval(m: Pick<MergeMention, 'dateValue' | 'dateSource' | 'status'>): Interval | null {
  if (!m.dateValue) return null;
  const lo = firstDay(m.dateValue);
  const hi = lastDay(m.dateValue);
  if (!lo || !hi) return null;
  if (m.dateSource === 'text') return { lo, hi };
  // What happened was reported within days; what is planned, rumoured or attributed may lie ahead.
  return m.status === 'asserted' || m.status === 'negated' ? { lo: shift(lo, -10), hi } : { lo: shift(lo, -10), hi: shift(hi, 60) };
}

const overlaps = (a: Interval, b: Interval): boolean => a.lo <= b.hi && b.lo <= a.hi;

/** The merged state of an event: what a new mention is compared with. */
export interface EventState {
  id: string;
  type: string;
  mode: string | null;
  interval: Interval | null;
  place: string | null;
  participants: Set<string>;
  actors: Set<string>;
  recipients: Set<string>;
  /** Dates and statuses of the member mentions, when known (merging checks `datesClash` against each). */
  points?: readonly DatePoint[];
}

/** Types whose two sides are interchangeable (who is "actor" is only word order). */
export const SYMMETRIC_TYPES = new Set(['CONSULT', 'AGREE', 'COOPERATE']);

/**
 * Shared participants of two events of one type: for symmetric types any shared name; otherwise
 * the same side must share (`Trump threatens Russia` and `Russia threatens the EU` share no actor).
 */
export function sharedParticipants(type: string, a: { actors: Iterable<string>; recipients: Iterable<string> }, b: { actors: Iterable<string>; recipients: Iterable<string> }): number {
  const aa = new Set(a.actors);
  const ar = new Set(a.recipients);
  const ba = [...b.actors];
  const br = [...b.recipients];
  if (SYMMETRIC_TYPES.has(type)) {
    const all = new Set([...aa, ...ar]);
    return new Set([...ba, ...br].filter((n) => all.has(n))).size;
  }
  const actorsShared = ba.filter((n) => aa.has(n)).length;
  if (aa.size > 0 && ba.length > 0) return actorsShared > 0 ? actorsShared + br.filter((n) => ar.has(n)).length : 0;
  return br.filter((n) => ar.has(n)).length;
}

/** A member mention's date and status, for the guards of `datesClash`. */
export type DatePoint = Pick<MergeMention, 'dateValue' | 'dateSource' | 'status'>;

// Merging compares every new mention with every member of every candidate event: the day number of
// each date value is worked out once (date values are few: calendar days at a few precisions).
const dayMs = new Map<string, number | null>();
function dayOf(value: string): number | null {
  let t = dayMs.get(value);
  if (t === undefined) {
    t = precisionOf(value) === 'day' ? Date.parse(`${value.slice(0, 10)}T00:00:00Z`) : null;
    if (dayMs.size > 100_000) dayMs.clear();
    dayMs.set(value, t);
  }
  return t;
}

/** Days between two mention dates, when both are day-precise; else null. */
function dayGap(a: DatePoint, b: DatePoint): number | null {
  if (!a.dateValue || !b.dateValue) return null;
  const ta = dayOf(a.dateValue);
  const tb = ta === null ? null : dayOf(b.dateValue);
  if (ta === null || tb === null) return null;
  return Math.abs(ta - tb) / DAY;
}

/** Days apart beyond which two day-precise mentions are not one event, even when one is dated by publication only. */
export const FAR_DAYS = 4;

/**
 * Two mentions that cannot report one event whatever their intervals allow: a negated and an
 * asserted report of different days (a failed ceasefire is not the agreement weeks before), or
 * day-precise dates far apart. A plan reported ahead of its date (planned or hypothetical, dated by
 * publication) is exempt from the distance rule: it is written before the event.
 */
export function datesClash(a: DatePoint, b: DatePoint): boolean {
  const gap = dayGap(a, b);
  if (gap === null) return false;
  const negA = a.status === 'negated';
  const negB = b.status === 'negated';
  if (negA !== negB && (a.status === 'asserted' || b.status === 'asserted')) {
    // A report published the day after is still the same day's news.
    const lag = a.dateSource === 'publication' || b.dateSource === 'publication' ? 1 : 0;
    if (gap > lag) return true;
  }
  if (gap <= FAR_DAYS) return false;
  const ahead = (x: DatePoint, y: DatePoint): boolean =>
    x.dateSource === 'publication' && (x.status === 'planned' || x.status === 'hypothetical') && x.dateValue! < y.dateValue!;
  return !(ahead(a, b) || ahead(b, a));
}

/**
 * Whether a mention may start an event of its own. A fragment cannot: no actor and no recipient
 * (`Gespräche im Palast`), or one side of a meeting with neither a place nor a date in the text
 * (`X sprach von einem Treffen`). It can still join an event that fits it.
 */
export function seedsEvent(m: Pick<MergeMention, 'type' | 'actors' | 'recipients' | 'place' | 'placeSource' | 'dateSource'>): boolean {
  const n = new Set([...m.actors, ...m.recipients]).size;
  if (n === 0) return false;
  const place = m.placeSource === 'dateline' ? null : m.place;
  return !(n === 1 && SYMMETRIC_TYPES.has(m.type) && !place && m.dateSource === 'publication');
}

/** How well a mention fits an event (higher is better), or -1 when it cannot be the same event. */
export function fit(e: EventState, m: MergeMention): number {
  if (e.type !== m.type) return -1;
  const score = fitIgnoringPoints(e, m);
  // Checked last: it looks at every member mention, the other checks at the event only.
  return score >= 0 && e.points?.some((p) => datesClash(p, m)) ? -1 : score;
}

function fitIgnoringPoints(e: EventState, m: MergeMention): number {
  if (e.mode && m.mode && e.mode !== m.mode && (e.mode === 'phone' || m.mode === 'phone')) return -1;
  // `Trump und Putin telefonierten. Ein Ort für einen Gipfel steht noch nicht fest`: a meeting still to come is not the call held.
  if (e.mode === 'phone' && m.mode === null && (m.status === 'planned' || m.status === 'hypothetical')) return -1;
  const iv = intervalOf(m);
  if (e.interval && iv && !overlaps(e.interval, iv)) return -1;
  const mPlace = m.placeSource === 'dateline' ? null : m.place;
  if (e.place && mPlace && !placesAgree(e.place, mPlace)) return -1;
  const names = [...m.actors, ...m.recipients];
  if (e.type === 'CONSULT' && otherParties(e.participants, names, m.dateValue && dayOf(m.dateValue) !== null ? m.dateValue : m.published?.slice(0, 10) ?? null)) return -1;
  const shared = sharedParticipants(e.type, e, m);
  if (names.length > 0 && e.participants.size > 0) {
    if (shared > 0) return shared + (e.place && e.place === m.place ? 0.5 : 0);
    return actsThroughOffice(e, m) ? 0.5 : -1;
  }
  // Without participants on one side, only the same place on a compatible date joins.
  return e.place && e.place === m.place ? 0.25 : -1;
}

/**
 * A meeting is defined by its parties: two meetings of one person on one day with two different
 * counterparts are two meetings (`Lawrow traf in Ankara den türkischen Außenminister` and `Lawrow
 * telefonierte mit dem ägyptischen Außenminister`). True when both name two or more parties and each
 * names one the other lacks that is on no side of the other's: not the same country (KB countries of
 * a state, a place, a person's offices: `Rubio` is on the side of `USA` and of `Trump`) and not linked
 * by a government office (`Hanka Mittelstädt` and `Brandenburg`). A party whose side the KB does not
 * know cannot tell meetings apart, and a party added on one side only (a delegation member, a host) is
 * the same meeting told more fully; a mention naming one side only (`Lawrow reiste nach Kairo`) may join.
 * Used for a mention against an event and, when events are consolidated, for two events.
 */
export function otherParties(a: Iterable<string>, b: Iterable<string>, date: string | null): boolean {
  const event = new Set(a);
  const mine = new Set(b);
  if (event.size < 2 || mine.size < 2) return false;
  // Offices are looked up on the day (`date` is a day or a publication date; else countries only).
  const day = date && dayOf(date) !== null ? date.slice(0, 10) : null;
  const sidesOf = (x: string): string[] => [...countriesOf(x), ...(day ? officeLinks(x, day) : [])];
  const sides = (xs: Iterable<string>): Set<string> => new Set([...xs].flatMap((x) => [x, ...sidesOf(x)]));
  const distinct = (xs: ReadonlySet<string>, ys: ReadonlySet<string>): boolean => {
    const theirs = sides(ys);
    return [...xs].some((x) => {
      if (ys.has(x)) return false;
      const own = sidesOf(x);
      return own.length > 0 && !theirs.has(x) && !own.some((s) => theirs.has(s));
    });
  };
  return distinct(mine, event) && distinct(event, mine);
}

/**
 * Members of a government act for it: a mention and an event that share no name are one actor's when
 * the KB gives a person on one side a government office of the state the other side names, on the
 * mention's day (`Agrarministerin Hanka Mittelstädt kündigte die Soforthilfe an` and `Die
 * brandenburgische Landesregierung will Landwirten helfen`; the merged actors keep both). The link is
 * weaker than a shared name, so it needs more: every date day-precise and at most a day apart (a
 * report the day after), and every name of the mention, side by side, the event's own or linked to
 * one of its names (`Lawrow und Fidan` with `Russland und die Türkei`, not `Lawrow und Ägypten`): a
 * minister's other acts do not join his state's events of another day or with other parties.
 */
function actsThroughOffice(e: EventState, m: MergeMention): boolean {
  if (!m.dateValue || dayOf(m.dateValue) === null || !e.points?.length) return false;
  if (!e.points.every((p) => (dayGap(p, m) ?? Infinity) <= 1)) return false;
  const day = m.dateValue.slice(0, 10);
  let links = 0;
  const accounted = (xs: readonly string[], ys: ReadonlySet<string>): boolean => xs.every((x) => {
    if (ys.has(x)) return true;
    if (!officeLinks(x, day).some((y) => ys.has(y))) return false;
    links++;
    return true;
  });
  const fits = SYMMETRIC_TYPES.has(e.type)
    ? accounted([...m.actors, ...m.recipients], e.participants)
    : m.actors.length > 0 && accounted(m.actors, e.actors) && (e.recipients.size === 0 || accounted(m.recipients, e.recipients));
  return fits && links > 0;
}

const PRECISION_RANK: Record<string, number> = { minute: 0, hour: 1, day: 2, week: 3, month: 4, season: 5, quarter: 5, half: 6, year: 7 };

/**
 * The most precise date consistent with all the mentions: the most precise text date the other text
 * dates agree with; else the earliest publication date. When the text dates leave a span coarser
 * than a day (`vergangene Woche`) and an asserted report dated only by its publication day falls
 * inside it (`… hat aufgefordert`, published on a day of that week), that day is the most precise
 * date consistent with all: the merged date is that day, `source: 'publication'` (the day comes from
 * when it was reported, not from a text), and its interval what both allow (the span up to that day).
 */
export function mergedDate(ms: readonly MergeMention[]): { value: string | null; source: 'text' | 'publication'; interval: Interval | null } {
  const text = ms.filter((m) => m.dateSource === 'text' && m.dateValue && precisionOf(m.dateValue));
  if (text.length > 0) {
    const ivs = text.map((m) => ({ m, iv: intervalOf(m)! }));
    const sorted = [...ivs].sort((a, b) => (PRECISION_RANK[precisionOf(a.m.dateValue!)!] ?? 9) - (PRECISION_RANK[precisionOf(b.m.dateValue!)!] ?? 9));
    // Prefer a value every other text date agrees with; else the one most others agree with.
    let best = sorted[0]!;
    let bestAgree = -1;
    for (const c of sorted) {
      const agree = ivs.filter((o) => overlaps(o.iv, c.iv)).length;
      if (agree > bestAgree) {
        best = c;
        bestAgree = agree;
      }
    }
    const agreeing = ivs.filter((o) => overlaps(o.iv, best.iv));
    const lo = agreeing.reduce((a, o) => (o.iv.lo > a ? o.iv.lo : a), best.iv.lo);
    const hi = agreeing.reduce((a, o) => (o.iv.hi < a ? o.iv.hi : a), best.iv.hi);
    const day = lo < hi ? reportedDayWithin(ms, lo, hi) : null;
    if (day) return { value: day, source: 'publication', interval: { lo, hi: day } };
    return { value: best.m.dateValue, source: 'text', interval: { lo, hi } };
  }
  const pub = ms.filter((m) => m.dateValue).sort((a, b) => (firstDay(a.dateValue!) ?? '').localeCompare(firstDay(b.dateValue!) ?? ''));
  const first = pub[0];
  if (!first) return { value: null, source: 'publication', interval: null };
  const iv = pub.map((m) => intervalOf(m)).filter((x): x is Interval => x !== null);
  return {
    value: first.dateValue,
    source: 'publication',
    interval: iv.length ? { lo: iv.reduce((a, x) => (x.lo > a ? x.lo : a), iv[0]!.lo), hi: iv.reduce((a, x) => (x.hi < a ? x.hi : a), iv[0]!.hi) } : null,
  };
}

/** The earliest publication day within lo..hi of an asserted mention that no text dates (it happened by then). */
function reportedDayWithin(ms: readonly MergeMention[], lo: string, hi: string): string | null {
  let day: string | null = null;
  for (const m of ms) {
    if (m.dateSource !== 'publication' || m.status !== 'asserted' || !m.dateValue || precisionOf(m.dateValue) !== 'day') continue;
    const d = m.dateValue.slice(0, 10);
    if (d >= lo && d <= hi && (day === null || d < day)) day = d;
  }
  return day;
}

const STATUS_RANK: Record<EventStatus, number> = { asserted: 4, negated: 3, planned: 2, reported: 1, hypothetical: 0 };

/**
 * An event's status as the latest reporting has it: the status of the most recent article's
 * mentions (a planned summit that later took place is asserted); `reported` when every mention is
 * an attributed statement, or when fewer sources state it in their own voice than attribute it:
 * one later outlet retelling an attributed claim as fact adds no evidence that it is one.
 */
export function mergedStatus(ms: readonly MergeMention[]): EventStatus {
  if (ms.every((m) => m.status === 'reported')) return 'reported';
  const direct = ms.filter((m) => m.status !== 'reported');
  const latest = direct.reduce((a, m) => ((m.published ?? '') > a ? (m.published ?? '') : a), '');
  const recent = direct.filter((m) => (m.published ?? '') === latest);
  const status = recent.reduce<EventStatus>((a, m) => (STATUS_RANK[m.status] > STATUS_RANK[a] ? m.status : a), recent[0]!.status);
  if (status !== 'asserted') return status;
  const sourcesOf = (st: EventStatus): number => new Set(ms.filter((m) => m.status === st).map((m) => m.originalId)).size;
  return sourcesOf('asserted') < sourcesOf('reported') ? 'reported' : status;
}

/**
 * Where the mentions say the event happened: the place named most often, made precise by a place
 * inside it that another mention names (`Saudi-Arabien` twice and `Riad` once: Riad). Places the
 * sentences name outvote datelines. A dateline only says where a reporter was: when no sentence
 * names a place and the datelines disagree (`WASHINGTON —` in one report, `Kiew -` in another, of
 * an agreement made on the phone), the event has no place rather than whichever came first.
 */
export function mergedPlace(ms: readonly Pick<MergeMention, 'place' | 'placeSource'>[]): string | null {
  const text = ms.map((m) => (m.placeSource === 'dateline' ? null : m.place));
  const lines = ms.flatMap((m) => (m.placeSource === 'dateline' && m.place ? [m.place] : []));
  // Pairwise over distinct datelines: a big cluster repeats the same few.
  const agree = (): boolean => {
    const distinct = [...new Set(lines)];
    return distinct.every((p) => distinct.every((q) => placesAgree(p, q)));
  };
  const best = mostFrequent(text) ?? (agree() ? mostFrequent(lines) : null);
  if (!best) return null;
  return mostFrequent(text.filter((p) => p !== null && placeWithin(p, best))) ?? best;
}

function mostFrequent(xs: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const x of xs) if (x) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

export interface MergedEvent {
  type: string;
  mode: string | null;
  date: { value: string | null; source: 'text' | 'publication'; interval: Interval | null };
  status: EventStatus;
  place: string | null;
  actors: string[];
  recipients: string[];
  sources: number;
  mentions: number;
}

/** The event all these mentions are evidence of. */
export function mergeMentions(ms: readonly MergeMention[]): MergedEvent {
  const asActor = new Map<string, number>();
  const asRecipient = new Map<string, number>();
  for (const m of ms) {
    for (const a of new Set(m.actors)) asActor.set(a, (asActor.get(a) ?? 0) + 1);
    for (const r of new Set(m.recipients)) asRecipient.set(r, (asRecipient.get(r) ?? 0) + 1);
  }
  // A name written as actor in some mentions and recipient in others goes where it is written more often.
  const names = [...new Set([...asActor.keys(), ...asRecipient.keys()])];
  const actors = names.filter((n) => (asActor.get(n) ?? 0) >= (asRecipient.get(n) ?? 0));
  const recipients = names.filter((n) => (asActor.get(n) ?? 0) < (asRecipient.get(n) ?? 0));
  return {
    type: ms[0]!.type,
    mode: mostFrequent(ms.map((m) => m.mode)),
    date: mergedDate(ms),
    status: mergedStatus(ms),
    place: mergedPlace(ms),
    actors,
    recipients,
    sources: new Set(ms.map((m) => m.originalId)).size,
    mentions: ms.length,
  };
}

export function stateOf(id: string, e: MergedEvent): EventState {
  return {
    id, type: e.type, mode: e.mode, interval: e.date.interval, place: e.place,
    participants: new Set([...e.actors, ...e.recipients]), actors: new Set(e.actors), recipients: new Set(e.recipients),
  };
}

/**
 * Merges mentions (in ingest order) into events, greedily: each joins the best-fitting event so
 * far or starts one. Pure; the store-backed resolver does the same against stored events.
 */
export function clusterMentions(ms: readonly MergeMention[]): MergeMention[][] {
  const clusters: { state: EventState; members: MergeMention[] }[] = [];
  for (const m of ms) {
    let best: (typeof clusters)[number] | null = null;
    let bestFit = -1;
    for (const c of clusters) {
      const f = fit(c.state, m);
      if (f > bestFit) [best, bestFit] = [c, f];
    }
    if (best) {
      best.members.push(m);
      best.state = { ...stateOf(best.state.id, mergeMentions(best.members)), points: best.members };
    } else {
      const members = [m];
      clusters.push({ state: { ...stateOf(String(clusters.length), mergeMentions(members)), points: members }, members });
    }
  }
  return clusters.map((c) => c.members);
}

/** Where a meeting took place relative to its sides: PLOVER's CONSULT modes `visit` and `third-party`. */
export function consultMode(mode: string | null, place: string | null, participants: readonly string[], countryOf: (name: string) => string[]): string | null {
  // Where it happened outranks the trigger word (`empfing` by a third-country host is no visit).
  if (mode === 'phone' || !place) return mode;
  const at = countryOf(place);
  const sides = new Set(participants.flatMap(countryOf));
  if (at.length === 0 || sides.size === 0) return mode;
  if (!at.some((c) => sides.has(c))) return 'third-party';
  return sides.size >= 2 ? 'visit' : mode;
}
