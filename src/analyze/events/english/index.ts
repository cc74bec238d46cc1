export { findEnglishEvents } from './finder.js';
export { addDemonymMentions, addEnglishRoleMentions } from './demonyms.js';
export { englishLexicon, compileEnglishLexicon, type EnglishLexicon, type EnglishTrigger } from './lexicon.js';
export { viewEnglishSentence, type EnglishView } from './view.js';
