import type { AnalyzeComponent } from '../pipeline.js';
import { addDemonymMentions, addEnglishRoleMentions, findEnglishEvents } from './english/index.js';
import { addRoleMentions, findEvents } from './finder.js';

/**
 * Event mentions: runs last, over the tokens, entity mentions and time expressions of earlier
 * components. English articles go to the English finder (src/analyze/events/english/), every
 * other language to the German one.
 */
export const eventsComponent: AnalyzeComponent = {
  name: 'events',
  run(doc) {
    if (doc.article.language === 'en') {
      addEnglishRoleMentions(doc);
      addDemonymMentions(doc);
      doc.events = findEnglishEvents(doc).map(({ entryId: _entryId, token: _token, ...ev }) => ev);
      return;
    }
    addRoleMentions(doc);
    doc.events = findEvents(doc).map(({ entryId: _entryId, token: _token, ...ev }) => ev);
  },
};
