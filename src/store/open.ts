import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite-driver.js';
import { openPostgres } from './postgres-driver.js';

export const DEFAULT_DB_DIR = './chronik-data';

export interface OpenOptions {
  /** Bring the schema up to date (default true). */
  migrate?: boolean;
  /** Create an embedded store that does not exist yet (default true); false: throw NoStoreError. */
  create?: boolean;
}

/** The embedded store path is a file, or (with `create: false`) holds no store. */
export class NoStoreError extends Error {
  constructor(readonly location: string, readonly reason: 'missing' | 'file') {
    super(reason === 'file' ? `${location} is a file, not a store directory` : `no store at ${location}`);
  }
}

/** Refuses a file as store directory, and (unless `create`) a directory that holds no store. */
function checkStoreDir(dir: string, create: boolean): void {
  const st = statSync(dir, { throwIfNoEntry: false });
  if (st && !st.isDirectory()) throw new NoStoreError(dir, 'file');
  // Every PostgreSQL data directory has PG_VERSION; an empty or foreign directory is no store.
  if (!create && !(st && existsSync(join(dir, 'PG_VERSION')))) throw new NoStoreError(dir, 'missing');
}

/**
 * Opens the store named by `--db` (a directory, `memory://`, or a `postgres://` URL), else
 * `DATABASE_URL`, else the embedded default `./chronik-data`, and brings its schema up to date.
 */
export async function openStore(target?: string, opts: OpenOptions = {}): Promise<Db> {
  const where = target ?? process.env.DATABASE_URL ?? DEFAULT_DB_DIR;
  const server = /^postgres(ql)?:\/\//.test(where);
  if (!server && where !== 'memory://') checkStoreDir(where, opts.create !== false);
  const db = server ? await openPostgres(where) : await openPglite(where);
  if (opts.migrate === false) return db;
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
