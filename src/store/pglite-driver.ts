import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './db.js';
import { lockStoreDir } from './dir-lock.js';

/** Embedded PostgreSQL in a data directory; `memory://` keeps it in memory (tests). */
export async function openPglite(dataDir: string): Promise<Db> {
  const memory = dataDir === 'memory://';
  const release = memory ? () => {} : lockStoreDir(dataDir);
  let pg: PGlite;
  try {
    pg = await PGlite.create(memory ? undefined : dataDir);
  } catch (err) {
    release();
    throw err;
  }
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const res = await q.query<T>(sql, params as unknown[]);
      return res.rows;
    },
  });
  return {
    kind: 'pglite',
    location: dataDir,
    ...wrap(pg),
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}
