export { timeComponent } from './component.js';
export { tagTimex, defaultTagger, sentenceOffsets, RULES_DIR, type TaggedTimex, type TagOptions } from './tagger.js';
export { easterSunday, resolveValue, parseAnchor, type Tense, type ResolveContext } from './resolve.js';
