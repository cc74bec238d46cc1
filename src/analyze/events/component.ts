import type { AnalyzeComponent } from '../pipeline.js';
import { addRoleMentions, findEvents } from './finder.js';

/** Event mentions: runs last, over the tokens, entity mentions and time expressions of earlier components. */
export const eventsComponent: AnalyzeComponent = {
  name: 'events',
  run(doc) {
    addRoleMentions(doc);
    doc.events = findEvents(doc).map(({ entryId: _entryId, token: _token, ...ev }) => ev);
  },
};
