/**
 * One small interface over the two PostgreSQL drivers: PGlite (embedded, WebAssembly) and
 * node-postgres (a server). Everything above this file writes plain PostgreSQL with `$1` params.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one statement with `$n` parameters and returns its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives: a directory for PGlite, a redacted URL for a server. */
  readonly location: string;
  /** Runs several statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
