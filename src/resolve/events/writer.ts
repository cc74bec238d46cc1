import type { AnalyzedArticle, EventMention } from '../../model/index.js';
import { firstDay } from '../../analyze/events/dates.js';
import { lexicon } from '../../analyze/events/lexicon.js';
import type { Queryable } from '../../store/db.js';
import { saveMentions, saveWarnings, type MentionInput } from '../../store/events.js';
import { participantOf, placeName } from './actors.js';
import { intervalOf } from './merge.js';
import { roleWarnings } from './warnings.js';

/** The stored form of an article's event mentions: canonical participants, sentence text, date interval. */
export function mentionInputs(doc: AnalyzedArticle): MentionInput[] {
  return doc.events.map((ev, idx) => {
    const title = ev.field === 'title';
    const s = doc.sentences[ev.sentence];
    const iv = intervalOf({ dateValue: ev.date.value, dateSource: ev.date.source, status: ev.status });
    // A headline's participants are title entity mentions, stored after the body's (entities writer).
    const ents = title ? (doc.titleEntities ?? []) : doc.entities;
    const offset = title ? doc.entities.length : 0;
    const part = (ids: number[]) => ids.flatMap((i) => (ents[i] ? [{ ...participantOf(ents[i]), mention: offset + i }] : []));
    const dedupe = <T extends { name: string }>(xs: T[]): T[] => xs.filter((x, k) => xs.findIndex((y) => y.name === x.name) === k);
    const actors = dedupe(part(ev.actors));
    const recipients = dedupe(part(ev.recipients)).filter((r) => !actors.some((a) => a.name === r.name));
    // The dateline is where the body's lead happened, not the headline's.
    const place = placeName(ev.place) ?? (title ? null : datelinePlace(doc, ev));
    return {
      idx,
      field: title ? ('title' as const) : ('body' as const),
      joins: title ? (ev.joins ?? null) : null,
      type: ev.type,
      mode: ev.mode,
      trigger: ev.trigger,
      sentenceIndex: ev.sentence,
      // The whole headline is the evidence sentence of a headline mention.
      sentence: title ? (doc.article.title ?? '').trim() : s ? doc.article.text.slice(s.start, s.end) : '',
      actors,
      recipients,
      place,
      placeSource: ev.place ? ('text' as const) : place ? ('dateline' as const) : null,
      dateValue: ev.date.value,
      dateSource: ev.date.source,
      dateLo: iv?.lo ?? null,
      dateHi: iv?.hi ?? null,
      status: ev.status,
      speaker: ev.speaker ?? null,
    };
  });
}

const DAY = 86_400_000;

/**
 * The dateline (`Kiew - …`, `Berlin (dpa) - …`) is where the reporter is, and so where the lead's
 * news happened: it stands in for the place of a mention in the first two sentences, or of an
 * asserted event dated within two days before publication. A planned or hypothetical event has not
 * happened anywhere yet (`Istanbul (dpa) - Beide Seiten sollen Gefangene freilassen`): it takes
 * none, unless its trigger is the pledge itself (`Berlin (dpa) - Merz hat Kiew Luftabwehr zugesagt`:
 * the promise was made where the reporter is).
 */
function datelinePlace(doc: AnalyzedArticle, ev: EventMention): string | null {
  const { dateline, published } = doc.article;
  // A phone call takes place in no one city: the dateline is only where it was reported from.
  if (!dateline || ev.mode === 'phone') return null;
  if ((ev.status === 'planned' && !pledgedBy(ev.trigger.text)) || ev.status === 'hypothetical') return null;
  if (ev.sentence <= 1) return placeName(dateline);
  const day = ev.date.source === 'text' && ev.date.value ? firstDay(ev.date.value) : null;
  const pub = published ? firstDay(published) : null;
  if (!day || !pub || ev.status !== 'asserted') return null;
  const gap = (Date.parse(pub) - Date.parse(day)) / DAY;
  return gap >= 0 && gap <= 2 ? placeName(dateline) : null;
}

/**
 * Whether a trigger word is a verb of pledging or announcing (announceVerbs in the event word lists:
 * `zugesagt`; a separated particle verb with its particle: `sagte … zu` → `zusagte`).
 */
function pledgedBy(trigger: string): boolean {
  const lex = lexicon();
  const form = trigger.toLowerCase();
  const forms = [form, ...(lex.verbForms.get(form) ?? []).flatMap(({ entry }) => (entry.particle ? [entry.particle + form] : []))];
  return forms.some((f) => lex.words.announceVerbs.has(f));
}

/** AnalysisWriter: an article's event mentions and consistency warnings, in its transaction. */
export const eventsWriter = {
  name: 'events',
  async write(tx: Queryable, doc: AnalyzedArticle): Promise<void> {
    await saveMentions(tx, doc.article.id, mentionInputs(doc));
    await saveWarnings(tx, doc.article.id, roleWarnings(doc));
  },
};
