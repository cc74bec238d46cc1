export * from './article.js';
export * from './analysis.js';
export * from './timex.js';
export * from './event-record.js';
