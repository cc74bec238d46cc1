import { analysisWriters, corpusResolvers } from './hooks.js';
import { eventsWriter } from '../resolve/events/writer.js';
import { eventsResolver } from '../resolve/events/resolver.js';

// Event mentions are stored with each article; merging runs after near-duplicates are known.
analysisWriters.push(eventsWriter);
corpusResolvers.push(eventsResolver);
