import type { Command } from 'commander';
import { listStories } from '../../store/stories.js';
import { printJson, printTable } from '../format.js';
import { addDbOption, addJsonOption, withStore, type DbOptions, type JsonOptions } from '../options.js';

export function register(program: Command): void {
  const cmd = program.command('stories').description('story clusters: label, date range and articles');
  addDbOption(cmd);
  addJsonOption(cmd);
  cmd.action(async (opts: DbOptions & JsonOptions) => {
    const rows = await withStore(opts, (db) => listStories(db));
    if (opts.json) return printJson(rows);
    printTable(rows, [
      { header: 'id', value: (s) => s.id },
      { header: 'from', value: (s) => s.from },
      { header: 'to', value: (s) => s.to },
      { header: 'articles', value: (s) => s.articles.length, align: 'right' },
      { header: 'label', value: (s) => s.label, max: 90 },
    ], 'No stories. Add articles with: chronik ingest PATH');
  });
}
