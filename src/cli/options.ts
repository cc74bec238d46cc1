import type { Command } from 'commander';
import type { Db } from '../store/db.js';
import { DEFAULT_DB_DIR, NoStoreError, openStore } from '../store/open.js';
import { CliError } from './errors.js';

/** Options every store-reading command accepts. */
export interface DbOptions {
  db?: string;
}

export interface JsonOptions {
  json?: boolean;
}

/** Adds `--db D` (directory for the embedded store, or a postgres:// URL). */
export function addDbOption(cmd: Command): Command {
  return cmd.option(
    '--db <target>',
    `store: a directory (embedded PGlite) or postgres://… URL (default: $DATABASE_URL, else ${DEFAULT_DB_DIR})`,
  );
}

/** Adds `--json` (exactly one JSON document on stdout). */
export function addJsonOption(cmd: Command): Command {
  return cmd.option('--json', 'print one JSON document on stdout');
}

/** Parses a positive integer option value; commander passes (value, previous). */
export function intOption(name: string, min = 0): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new CliError(`${name} must be an integer ≥ ${min}, got "${value}"`);
    return n;
  };
}

/** How a command uses the store: only `ingest` and `demo` may create an embedded one. */
export interface StoreUse {
  create?: boolean;
}

/**
 * Opens (and migrates) the store named by `--db`; a failure becomes a one-line CliError. A
 * missing embedded store is an error unless `use.create`, so a typo in `--db` shows.
 */
export async function openFromOptions(opts: DbOptions, use: StoreUse = {}): Promise<Db> {
  const target = opts.db ?? process.env.DATABASE_URL ?? DEFAULT_DB_DIR;
  try {
    return await openStore(target, { create: use.create === true });
  } catch (err) {
    if (err instanceof NoStoreError) {
      if (err.reason === 'file') throw new CliError(err.message);
      throw new CliError(`${err.message} (run chronik ingest PATH${opts.db ? ` --db ${opts.db}` : ''} first)`);
    }
    const msg = err instanceof Error ? err.message : String(err);
    const where = target.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
    throw new CliError(`cannot open store ${where}: ${msg.split('\n')[0]}`);
  }
}

/** Opens the store, runs `fn`, and always closes the store again. */
export async function withStore<T>(opts: DbOptions, fn: (db: Db) => Promise<T>, use: StoreUse = {}): Promise<T> {
  const db = await openFromOptions(opts, use);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
