import type { AnalyzedArticle, EntityMention, EventMention } from '../../model/index.js';
import { kb } from '../../kb/index.js';
import { tokenize } from '../tokenize.js';

/** A language's event finder: role/demonym mentions it adds to a document, and its event mentions. */
export interface HeadlineFinder {
  addMentions(doc: AnalyzedArticle): void;
  find(doc: AnalyzedArticle): EventMention[];
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
  for (const t of finder.find(head)) {
    const j = bodyMentionFor(doc, t);
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
  const e = (m.kbId ? k.get(m.kbId) : undefined) ?? k.lookup(m.normalized).entries[0];
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
