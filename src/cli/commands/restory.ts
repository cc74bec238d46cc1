import type { Command } from 'commander';
import { restory } from '../../resolve/stories/resolver.js';
import { printJson } from '../format.js';
import { addDbOption, addJsonOption, withStore, type DbOptions, type JsonOptions } from '../options.js';

export function register(program: Command): void {
  const cmd = program
    .command('restory')
    .description('recompute all stories in one batch (publication-date order, then id: the same result every time)');
  addDbOption(cmd);
  addJsonOption(cmd);
  cmd.action(async (opts: DbOptions & JsonOptions) => {
    const r = await withStore(opts, (db) => restory(db));
    if (opts.json) return printJson(r);
    process.stdout.write(`${r.articles} articles in ${r.stories} stories\n`);
  });
}
