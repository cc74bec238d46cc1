#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerAll } from './commands/index.js';
import { CliError } from './errors.js';

const program = new Command();
program
  .name('chronik')
  .description('Turn news articles into a dossier of the story they tell.')
  .version('0.1.0')
  // Parser errors follow the contract too: one line `chronik: reason` on stderr (help stays on stdout).
  .configureOutput({
    outputError: (str, write) => write(`chronik: ${str.replace(/^error: /, '').replace(/\s+/g, ' ').trim()} (see chronik --help)\n`),
  })
  .exitOverride();
registerAll(program);

try {
  // Bare `chronik` is a request for help, not a usage error: commander would print it on stderr
  // and exit 1; print it on stdout and exit 0, as `chronik --help` does.
  if (process.argv.length <= 2) program.outputHelp();
  else await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version exit through here with code 0; usage errors were already printed.
    process.exitCode = err.exitCode;
  } else {
    const msg = err instanceof CliError || err instanceof Error ? err.message : String(err);
    process.stderr.write(`chronik: ${msg.split('\n')[0]}\n`);
    if (process.env.CHRONIK_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = err instanceof CliError ? err.exitCode : 1;
  }
}
