import { analysisWriters, corpusResolvers } from './hooks.js';
import { storiesResolver, storyFeaturesWriter } from '../resolve/stories/resolver.js';

// Story features are stored with each article; clustering runs after near-duplicates are known.
analysisWriters.push(storyFeaturesWriter);
corpusResolvers.push(storiesResolver);
