import { saveTimexes } from '../store/timexes.js';
import { analysisWriters } from './hooks.js';

/** Persists each new article's time expressions (imported once from ./register.ts). */
analysisWriters.push({
  name: 'timexes',
  write: (tx, doc) => saveTimexes(tx, doc.article.id, doc.timexes),
});
