import { splitSql } from '../store/migrate.js';
import type { Db, Queryable, Row } from '../store/db.js';

/**
 * A Db whose every statement runs inside the open transaction `tx` (nested `transaction` calls
 * become savepoints). Corpus resolvers get one of these, so a resolver's many small writes share
 * one commit: on a server each autocommitted statement waits for a WAL flush (~8 ms here), in
 * a transaction a write costs well under a millisecond. It also makes each resolver's work
 * all-or-nothing per batch.
 */
export function transactionScopedDb(base: Db, tx: Queryable): Db {
  let savepoints = 0;
  const self: Db = {
    kind: base.kind,
    location: base.location,
    query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      return tx.query<T>(sql, params);
    },
    async exec(sql: string): Promise<void> {
      for (const stmt of splitSql(sql)) await tx.query(stmt);
    },
    async transaction<T>(fn: (inner: Queryable) => Promise<T>): Promise<T> {
      const name = `chronik_sp_${++savepoints}`;
      await tx.query(`SAVEPOINT ${name}`);
      try {
        const out = await fn(self);
        await tx.query(`RELEASE SAVEPOINT ${name}`);
        return out;
      } catch (err) {
        await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw err;
      }
    },
    // The orchestrator owns the connection.
    close: () => Promise.resolve(),
  };
  return self;
}
