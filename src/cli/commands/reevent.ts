import type { Command } from 'commander';
import { rebuildEvents } from '../../resolve/events/resolver.js';
import { printJson } from '../format.js';
import { addDbOption, addJsonOption, withStore, type DbOptions, type JsonOptions } from '../options.js';

export function register(program: Command): void {
  const cmd = program
    .command('reevent')
    .description('merge all event mentions into events again in one batch (ingest order, participants under their current entity names)');
  addDbOption(cmd);
  addJsonOption(cmd);
  cmd.action(async (opts: DbOptions & JsonOptions) => {
    const r = await withStore(opts, (db) => rebuildEvents(db));
    if (opts.json) return printJson(r);
    process.stdout.write(`${r.mentions} event mentions in ${r.events} events\n`);
  });
}
