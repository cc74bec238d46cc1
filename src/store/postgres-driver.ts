import pg from 'pg';
import type { Db, Queryable, Row } from './db.js';

// Return int8/numeric as numbers: our counts and scores fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** A PostgreSQL server through a node-postgres pool. */
export async function openPostgres(url: string, poolSize = 4): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Fail early with a clear error if the server is not there.
  const probe = await pool.connect();
  probe.release();
  const wrap = (c: { query: pg.Pool['query'] }): Queryable => ({
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const res = await c.query<T>(sql, params as unknown[]);
      return res.rows;
    },
  });
  return {
    kind: 'postgres',
    location: url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@'),
    ...wrap(pool),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
