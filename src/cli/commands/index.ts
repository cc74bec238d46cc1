import type { Command } from 'commander';
import * as article from './article.js';
import * as articles from './articles.js';
import * as demo from './demo.js';
import * as entities from './entities.js';
import * as ingest from './ingest.js';
import * as ner from './ner.js';
import * as search from './search.js';
import * as serve from './serve.js';
import * as timex from './timex.js';
import * as timeline from './timeline.js';
import * as stories from './stories.js';
import * as exportCmd from './export.js';
import * as restory from './restory.js';
import * as reevent from './reevent.js';

/**
 * Each command lives in its own file and exports `register(program)`.
 * Add a line here for a new command.
 */
export function registerAll(program: Command): void {
  ingest.register(program);
  articles.register(program);
  article.register(program);
  search.register(program);
  serve.register(program);
  demo.register(program);
  ner.register(program);
  timex.register(program);
  entities.register(program);
  timeline.register(program);
  stories.register(program);
  exportCmd.register(program);
  restory.register(program);
  reevent.register(program);
}
