import type { Queryable } from '../../store/db.js';

/**
 * Other stages' tables arrive through their own migrations; pages ask here whether the tables
 * (and columns) they need exist, and show an empty state instead of failing when they do not.
 * Results are cached once true (tables do not disappear while a server runs).
 */
const known = new WeakMap<Queryable, Set<string>>();

export async function hasTables(db: Queryable, ...tables: string[]): Promise<boolean> {
  let seen = known.get(db);
  if (!seen) known.set(db, (seen = new Set()));
  const missing = tables.filter((t) => !seen.has(t));
  if (missing.length === 0) return true;
  const rows = await db.query<{ name: string; ok: boolean }>(
    'SELECT t AS name, to_regclass(t) IS NOT NULL AS ok FROM unnest($1::text[]) AS t',
    [missing],
  );
  let all = true;
  for (const r of rows) {
    if (r.ok) seen.add(r.name);
    else all = false;
  }
  return all;
}

/** Columns of a table (lower-case names), for adapting to columns added by later migrations. */
export async function columnsOf(db: Queryable, table: string): Promise<Set<string>> {
  const rows = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_name = $1 AND table_schema = ANY (current_schemas(false))`,
    [table],
  );
  return new Set(rows.map((r) => r.column_name));
}
