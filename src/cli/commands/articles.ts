import type { Command } from 'commander';
import { listArticles, type ArticleSummary } from '../../store/articles.js';
import { DATE_SHAPES, dateOption } from '../dates.js';
import { CliError } from '../errors.js';
import { printJson, printTable, type Column } from '../format.js';
import { addDbOption, addJsonOption, intOption, withStore, type DbOptions, type JsonOptions } from '../options.js';

interface ArticlesOptions extends DbOptions, JsonOptions {
  limit?: number;
  offset: number;
  lang?: string;
  source?: string;
  originals?: boolean;
  story?: string;
  from?: string;
  to?: string;
  order: 'published' | 'published-desc' | 'ingested';
}

export const ARTICLE_COLUMNS: Column<ArticleSummary>[] = [
  { header: 'id', value: (a) => a.id, max: 40 },
  { header: 'published', value: (a) => a.published, max: 16 },
  { header: 'lang', value: (a) => a.language },
  { header: 'source', value: (a) => a.source, max: 24 },
  { header: 'duplicate of', value: (a) => a.duplicateOf, max: 18 },
  { header: 'title', value: (a) => a.title, max: 70 },
];

export function register(program: Command): void {
  const cmd = program
    .command('articles')
    .description('list stored articles (oldest first; undated last)')
    .option('--limit <n>', 'at most this many articles (default: all)', intOption('--limit', 1))
    .option('--offset <n>', 'skip this many articles', intOption('--offset', 0), 0)
    .option('--lang <code>', 'only articles in this language (de, en, …)')
    .option('--source <name>', 'only articles from this outlet or agency')
    .option('--originals', 'leave out exact and near duplicates')
    .option('--story <id>', 'only articles of this story')
    .option('--from <date>', `published on or after (${DATE_SHAPES})`, dateOption('--from', false))
    .option('--to <date>', `published on or before (${DATE_SHAPES})`, dateOption('--to', true))
    .option('--order <order>', 'published | published-desc | ingested', 'published');
  addDbOption(cmd);
  addJsonOption(cmd);
  cmd.action(async (opts: ArticlesOptions) => {
    if (!['published', 'published-desc', 'ingested'].includes(opts.order)) {
      throw new CliError(`--order must be published, published-desc or ingested, got "${opts.order}"`);
    }
    const rows = await withStore(opts, (db) =>
      listArticles(db, {
        limit: opts.limit ?? null,
        offset: opts.offset,
        language: opts.lang,
        source: opts.source,
        originalsOnly: opts.originals,
        storyId: opts.story,
        from: opts.from,
        to: opts.to,
        order: opts.order,
      }),
    );
    if (opts.json) printJson(rows);
    else printTable(rows, ARTICLE_COLUMNS, 'No articles. Add some with: chronik ingest PATH');
  });
}
