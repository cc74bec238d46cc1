import type { AnalyzedArticle, Article } from '../model/index.js';
import { tokenizeComponent } from './tokenize.js';
import { nerComponent } from './ner/index.js';
import { entitiesComponent } from './entities/index.js';
import { eventsComponent } from './events/component.js';
import { timeComponent } from './time/component.js';

/**
 * Analysis is a list of components over one document, in the manner of spaCy's pipeline:
 * each reads what earlier ones wrote and fills in its own fields. Components are pure (no I/O
 * beyond resources loaded once at start-up), so analysis parallelises across workers.
 */
export interface AnalyzeComponent {
  readonly name: string;
  run(doc: AnalyzedArticle): void;
}

/** The components in the order they run; each stage's issue registers its own here. */
export const components: AnalyzeComponent[] = [
  // tokenize → ner → entity normalisation → time expressions → event mentions
  tokenizeComponent,
  nerComponent,
  entitiesComponent,
  timeComponent,
  // events reads everything above: keep it last (add new components before it).
  eventsComponent,
];

export function newDoc(article: Article): AnalyzedArticle {
  return { article, sentences: [], tokens: [], entities: [], timexes: [], events: [] };
}

export function analyze(article: Article, use: readonly AnalyzeComponent[] = components): AnalyzedArticle {
  const doc = newDoc(article);
  for (const c of use) c.run(doc);
  return doc;
}
