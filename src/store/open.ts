import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite-driver.js';
import { openPostgres } from './postgres-driver.js';

export const DEFAULT_DB_DIR = './chronik-data';

export interface OpenOptions {
  /** Bring the schema up to date (default true). */
  migrate?: boolean;
}

/**
 * Opens the store named by `--db` (a directory, `memory://`, or a `postgres://` URL), else
 * `DATABASE_URL`, else the embedded default `./chronik-data`, and brings its schema up to date.
 */
export async function openStore(target?: string, opts: OpenOptions = {}): Promise<Db> {
  const where = target ?? process.env.DATABASE_URL ?? DEFAULT_DB_DIR;
  const db = /^postgres(ql)?:\/\//.test(where) ? await openPostgres(where) : await openPglite(where);
  if (opts.migrate === false) return db;
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
