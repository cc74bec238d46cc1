import { analysisWriters, corpusResolvers } from './hooks.js';
import { entitiesResolver, entitiesWriter } from '../resolve/entities/resolver.js';

// Mentions are stored with each article; linking to corpus entities runs after the batch.
analysisWriters.push(entitiesWriter);
corpusResolvers.push(entitiesResolver);
