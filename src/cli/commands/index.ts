import type { Command } from 'commander';

/**
 * Each command lives in its own file and exports `register(program)`.
 * Add a line here for a new command.
 */
export function registerAll(_program: Command): void {
}
