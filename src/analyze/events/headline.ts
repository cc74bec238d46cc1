import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzedArticle, EntityMention, EventMention, PloverType } from '../../model/index.js';
import { kb } from '../../kb/index.js';
import { paths } from '../../paths.js';
import { tokenize } from '../tokenize.js';

/** One headline example of discourse.json (run by test/analyze/events-headline-rules.test.ts). */
export interface HeadlineExample {
  title: string;
  text: string;
  published: string;
  /** `TYPE/mode` (`-` for none) of each body mention a headline mention joins. */
  expect: string[];
  /** All actors and recipients of the headline mentions, if checked. */
  participants?: string[];
  language?: string;
}

interface HeadlineRules {
  planAgreed: { of: Set<string>; agreement: PloverType };
  visitTopic: { preps: Set<string> };
  eventTopic: { maxWords: number };
  examples: HeadlineExample[];
}

let cached: HeadlineRules | null = null;

/** The headline rules of discourse.json. */
export function headlineRules(): HeadlineRules {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(join(paths.rules, 'events', 'discourse.json'), 'utf8')) as {
    headline: { rules: { planAgreed: { of: string[]; agreement: PloverType }; visitTopic: { preps: string[] }; eventTopic: { maxWords: number } }; examples: HeadlineExample[] };
  };
  const r = raw.headline.rules;
  cached = { planAgreed: { of: new Set(r.planAgreed.of), agreement: r.planAgreed.agreement }, visitTopic: { preps: new Set(r.visitTopic.preps) }, eventTopic: { maxWords: r.eventTopic.maxWords }, examples: raw.headline.examples };
  return cached;
}

const UNREAL = new Set(['planned', 'hypothetical']);

/** A language's event finder: role/demonym mentions it adds to a document, and its event mentions. */
export interface HeadlineFinder {
  addMentions(doc: AnalyzedArticle): void;
  find(doc: AnalyzedArticle): EventMention[];
  /** The event type and mode a noun names on its own (`Gefangenenaustausch`), if the language has that. */
  nounType?(word: string): { type: PloverType; mode: EventMention['mode'] } | null;
}

/**
 * Event mentions of the headline (`field: 'title'`). Headlines are telegraphic and often figurative
 * (`Kreml bestätigt Gipfel`, `EU erhöht den Druck`), and their present tense is the article's news,
 * not a present-day event: a headline mention never stands alone. It is kept only when the same
 * article's body reports an event of its type with compatible participants (`joins` = that body
 * mention), and takes that mention's date, status and mode.
 *
 * Matching happens here, per article, not in the resolver: whether a headline summarises a body
 * sentence is a question about one article, answered from its text before any corpus is seen; the
 * resolver then only puts the headline mention into whatever event its body mention joined, so a
 * headline can neither start an event nor pull one article's body event into a different one.
 */
export function findHeadlineEvents(doc: AnalyzedArticle, finder: HeadlineFinder): EventMention[] {
  const title = doc.article.title?.trim() ? doc.article.title : null;
  if (!title || doc.events.length === 0) return [];
  // The title as a document of its own: the same tokenization titleEntities' offsets refer to
  // (src/analyze/entities titleMentions), no time expressions (the date comes from the body).
  const { tokens, sentences } = tokenize(title);
  const head: AnalyzedArticle = {
    article: { ...doc.article, text: title, dateline: null }, tokens, sentences,
    entities: [...(doc.titleEntities ?? [])], timexes: [], events: [],
  };
  finder.addMentions(head);
  // Role mentions the finder added (`Kremlchef`) are headline mentions like the others.
  doc.titleEntities = head.entities.map((m) => (m.field === 'title' ? m : { ...m, field: 'title' as const }));
  const out: EventMention[] = [];
  const own = finder.find(head);
  const topic = visitTopic(head) ?? eventTopic(head, finder, own);
  for (const found of [...(topic ? [topic] : []), ...own]) {
    // `… und wollen sich treffen` over `vereinbarten, sich … zu treffen`: the plan is the agreement's news.
    const agreed = agreementBehind(doc, found);
    const t = agreed === null ? found : { ...found, type: doc.events[agreed]!.type, mode: null };
    const j = agreed ?? bodyMentionFor(doc, t);
    if (j === null) continue;
    const b = doc.events[j]!;
    // Date, status and mode are the body mention's: a headline's present tense is the article's
    // news, and its terse wording (or a misread second clause) says less about them than the body.
    // Its place is left out, not copied: the body mention already counts for it.
    const m: EventMention = { ...t, field: 'title', joins: j, date: { ...b.date }, status: b.status, mode: b.mode, place: null };
    if (b.speaker) m.speaker = b.speaker;
    else delete m.speaker;
    out.push({ ...m, ...headlineParticipants(doc, m, t.place !== null) });
  }
  return out;
}

/**
 * Index of the body mention a headline mention summarises, or null: same type, the same negation,
 * no participant on the opposite side of a directed event, and a shared or affiliated participant
 * (or none named in the headline). Most shared participants first, then the earliest sentence
 * (a headline summarises the lead).
 */
function bodyMentionFor(doc: AnalyzedArticle, t: EventMention): number | null {
  const titleEnts = doc.titleEntities ?? [];
  const tActors = t.actors.map((i) => keyOf(titleEnts[i]!));
  const tRecipients = t.recipients.map((i) => keyOf(titleEnts[i]!));
  const named = tActors.length + tRecipients.length > 0;
  let best: number | null = null;
  let bestScore = -1;
  doc.events.forEach((b, j) => {
    if (b.field === 'title' || b.type !== t.type || (b.status === 'negated') !== (t.status === 'negated')) return;
    // A plan (`wollen sich treffen`) is not what was done; a call is no meeting, a visit topic only a visit.
    if (UNREAL.has(t.status) && !UNREAL.has(b.status)) return;
    if (t.mode !== null && b.mode !== t.mode && (t.mode === 'phone' || b.mode === 'phone' || t.mode === 'visit')) return;
    const bActors = b.actors.map((i) => keyOf(doc.entities[i]!));
    const bRecipients = b.recipients.map((i) => keyOf(doc.entities[i]!));
    const date = b.date.value ?? doc.article.published;
    const symmetric = SYMMETRIC.has(t.type);
    const score = symmetric
      ? related([...tActors, ...tRecipients], [...bActors, ...bRecipients], date)
      : related(tActors, bActors, date) + related(tRecipients, bRecipients, date);
    const crossed = !symmetric && (related(tActors, bRecipients, date) > 0 || related(tRecipients, bActors, date) > 0);
    if (crossed || (named && score === 0)) return;
    if (score > bestScore) [best, bestScore] = [j, score];
  });
  return best;
}

/**
 * For a planned headline mention (planAgreed), the body agreement on such an event: an agreement,
 * not negated, followed in its sentence by a planned body mention of the headline's type (what was
 * agreed), between the parties the headline names (none named: any). A plan with a place of its own
 * is the planned event, not the agreement. Index or null.
 */
function agreementBehind(doc: AnalyzedArticle, t: EventMention): number | null {
  const r = headlineRules().planAgreed;
  // A plan with its own place (`wollen sich in Abu Dhabi treffen`) is the planned event itself.
  if (!r.of.has(t.type) || !UNREAL.has(t.status) || t.place !== null) return null;
  const titleEnts = doc.titleEntities ?? [];
  const mine = [...t.actors, ...t.recipients].map((i) => keyOf(titleEnts[i]!));
  const k = doc.events.findIndex((a) => {
    if (a.field === 'title' || a.type !== r.agreement || a.status === 'negated') return false;
    const content = doc.events.some((b) => b.field !== 'title' && b.type === t.type && UNREAL.has(b.status) && b.sentence === a.sentence && b.trigger.start > a.trigger.start);
    const theirs = [...a.actors, ...a.recipients].map((i) => keyOf(doc.entities[i]!));
    return content && mine.every((n) => theirs.includes(n));
  });
  return k >= 0 ? k : null;
}

/**
 * `Fiala in Warschau:`, `Fiala bei Tusk:`: a person, `in`/`bei` (visitTopic) and a name, alone before
 * the headline's colon, is his visit there (the host a person or organisation, else the place).
 * It only counts where the body reports a visit (bodyMentionFor takes a visit topic to visits only).
 */
function visitTopic(head: AnalyzedArticle): EventMention | null {
  const { preps } = headlineRules().visitTopic;
  const toks = head.tokens;
  const colon = toks.findIndex((t) => t.text === ':');
  // Name, preposition, name: the name mentions cover every other token before the colon.
  const who = head.entities.findIndex((m) => colon > 0 && m.start === toks[0]!.start);
  const p = who < 0 ? -1 : toks.findIndex((t) => t.start >= head.entities[who]!.end);
  const prep = p > 0 ? toks[p]! : undefined;
  const where = prep ? head.entities.findIndex((m) => m.start === toks[p + 1]?.start && m.end === toks[colon - 1]!.end) : -1;
  if (!prep || where < 0 || !preps.has(prep.text) || head.entities[who]!.type !== 'PER') return null;
  const place = head.entities[where]!.type === 'LOC' ? head.entities[where]! : null;
  return {
    type: 'CONSULT', mode: 'visit', trigger: { start: prep.start, end: prep.end, text: prep.text },
    actors: [who], recipients: place ? [] : [where], place: place ? place.normalized : null,
    date: { value: head.article.published, source: 'publication' }, status: 'asserted', sentence: 0,
  };
}

/**
 * `Gefangenenaustausch: 750 Ukrainer kehren heim`, `Sanktionen: EU erhöht den Druck`: an event noun
 * alone before the headline's colon (at most eventTopic's maxWords words) names the article's
 * event of its type, unless the rest of the headline names one of that type itself. It names no
 * participants, so it joins the body's first mention of the type (bodyMentionFor).
 */
function eventTopic(head: AnalyzedArticle, finder: HeadlineFinder, own: readonly EventMention[]): EventMention | null {
  const colon = head.tokens.findIndex((t) => t.text === ':');
  if (colon < 1 || colon > headlineRules().eventTopic.maxWords || !finder.nounType) return null;
  const t = head.tokens[colon - 1]!;
  if (!/^\p{Lu}/u.test(t.text) || head.entities.some((m) => m.start < t.end && m.end > t.start)) return null;
  const named = finder.nounType(t.text);
  if (!named || own.some((x) => x.type === named.type)) return null;
  return {
    type: named.type, mode: named.mode, trigger: { start: t.start, end: t.end, text: t.text }, actors: [], recipients: [], place: null,
    date: { value: head.article.published, source: 'publication' }, status: 'asserted', sentence: 0,
  };
}

/** Types whose two sides are interchangeable (as in event merging). */
const SYMMETRIC = new Set(['CONSULT', 'AGREE', 'COOPERATE']);

/**
 * The headline's participants as far as they fit the body mention it joins: the ones both name, and
 * those the body leaves out but that stand for one of its participants (`Deutschland` for the
 * chancellor, `Putin` for Russland). A headline that also names someone the body event does not
 * know is more likely read across two clauses (`… as US and Russia eye Riyadh talks`) than naming
 * a missing participant: it then adds no one, nor does one side of a meeting named without a place.
 */
function headlineParticipants(doc: AnalyzedArticle, t: EventMention, placed: boolean): { actors: number[]; recipients: number[] } {
  const b = t.joins === undefined ? undefined : doc.events[t.joins];
  if (!b) return { actors: [], recipients: [] };
  const titleEnts = doc.titleEntities ?? [];
  const date = b.date.value ?? doc.article.published;
  const bodyKeys = [...b.actors, ...b.recipients].map((i) => keyOf(doc.entities[i]!));
  const shared = (i: number): boolean => bodyKeys.includes(keyOf(titleEnts[i]!));
  const standsFor = (i: number): boolean => bodyKeys.some((o) => affiliated(keyOf(titleEnts[i]!), o, date));
  // One name the body event does not know at all, and the headline's reading is not trusted to add
  // any; nor is one side of a meeting with no place (`Kreml spricht von „nützlichem“ Treffen`: a
  // speaker as often as a party, as event merging treats such a mention, src/resolve/events/merge.ts).
  const all = [...t.actors, ...t.recipients];
  const oneSided = SYMMETRIC.has(t.type) && new Set(all.map((i) => keyOf(titleEnts[i]!))).size === 1 && !placed;
  const trusted = !oneSided && all.every((i) => shared(i) || standsFor(i));
  const keep = (ids: number[]): number[] => ids.filter((i) => shared(i) || (trusted && standsFor(i)));
  return { actors: keep(t.actors), recipients: keep(t.recipients) };
}

/** Canonical key of a mention: its KB entry (a metonym's country: `Moskau` → RU), else its name. */
function keyOf(m: EntityMention): string {
  const k = kb();
  // `French President Emmanuel Macron`: a name with title words in front is known by its last words.
  const words = m.normalized.split(/\s+/);
  const known = (): ReturnType<typeof k.get> => {
    for (let n = 1; n + 2 <= words.length; n++) {
      const hit = k.lookup(words.slice(n).join(' ')).entries[0];
      if (hit) return hit;
    }
    return undefined;
  };
  const e = (m.kbId ? k.get(m.kbId) : undefined) ?? k.lookup(m.normalized).entries[0] ?? known();
  if (!e) return `name:${m.normalized.toLowerCase()}`;
  return e.standsFor && k.get(e.standsFor) ? e.standsFor : e.id;
}

/** Shared (1) and affiliated (0.5) participants between two lists of keys. */
function related(a: readonly string[], b: readonly string[], date: string | null): number {
  let n = 0;
  for (const x of new Set(a)) {
    if (b.includes(x)) n += 1;
    else if (b.some((y) => affiliated(x, y, date))) n += 0.5;
  }
  return n;
}

/** A person and the state or organisation he held an office of on the date (`Merz` and `DE`), either way round. */
function affiliated(a: string, b: string, date: string | null): boolean {
  const k = kb();
  const holds = (p: string, of: string): boolean => {
    if (k.get(p)?.kind !== 'person') return false;
    try {
      return k.rolesOf(p, date ?? undefined).some((r) => r.of === of);
    } catch {
      // Not a calendar value (an undated or season-only event): any office the person ever held.
      return k.rolesOf(p).some((r) => r.of === of);
    }
  };
  return holds(a, b) || holds(b, a);
}
