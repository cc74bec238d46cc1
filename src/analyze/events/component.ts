import type { AnalyzedArticle, EventMention } from '../../model/index.js';
import type { AnalyzeComponent } from '../pipeline.js';
import { addDemonymMentions, addEnglishRoleMentions, findEnglishEvents } from './english/index.js';
import { addRoleMentions, findEvents, nounEntryFor, type FoundEvent } from './finder.js';
import { lexicon } from './lexicon.js';
import { findHeadlineEvents, type HeadlineFinder } from './headline.js';

const strip = ({ entryId: _entryId, token: _token, ...ev }: FoundEvent): EventMention => ev;

const english: HeadlineFinder = {
  addMentions: (d: AnalyzedArticle) => {
    addEnglishRoleMentions(d);
    addDemonymMentions(d);
  },
  find: (d: AnalyzedArticle) => findEnglishEvents(d).map(strip),
};
const german: HeadlineFinder = {
  addMentions: (d: AnalyzedArticle) => addRoleMentions(d),
  find: (d: AnalyzedArticle) => findEvents(d).map(strip),
  // Entries that need words around them (`requires`) name nothing on their own.
  nounType: (word: string) => {
    const e = nounEntryFor(word.toLowerCase(), lexicon(), (x) => !x.requires);
    return e ? { type: e.type, mode: e.mode } : null;
  },
};

/**
 * Event mentions: runs last, over the tokens, entity mentions and time expressions of earlier
 * components. English articles go to the English finder (src/analyze/events/english/), every
 * other language to the German one. The headline goes through the same finder after the body:
 * its mentions only join body mentions (by index), they never start an event (./headline.ts).
 */
export const eventsComponent: AnalyzeComponent = {
  name: 'events',
  run(doc) {
    const f = doc.article.language === 'en' ? english : german;
    f.addMentions(doc);
    doc.events = f.find(doc);
    doc.events.push(...findHeadlineEvents(doc, f));
  },
};
