import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/store/db.js';
import { openStore } from '../../src/store/open.js';

/** The real PostgreSQL server used by tests (CI starts it); override with CHRONIK_TEST_PG. */
export const TEST_PG_URL = process.env.CHRONIK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export type DriverName = 'pglite' | 'postgres';
export const DRIVERS: DriverName[] = ['pglite', 'postgres'];

/**
 * Opens a fresh, migrated, empty store on the given driver: an in-memory PGlite, or a new schema
 * on the test server (so test files can run in parallel without seeing each other's rows).
 * Call the returned `drop` when done.
 */
export async function freshStore(driver: DriverName): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (driver === 'pglite') {
    const db = await openStore('memory://');
    return { db, drop: () => db.close() };
  }
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = await openStore(TEST_PG_URL.replace(/\/[^/?]+(\?.*)?$/, '/test'), { migrate: false });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const sep = TEST_PG_URL.includes('?') ? '&' : '?';
  const url = `${TEST_PG_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const db = await openStore(url);
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}
