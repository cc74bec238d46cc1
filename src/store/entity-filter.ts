import { kb } from '../kb/index.js';
import type { Queryable } from './db.js';

/** Knowledge-base names for a name as written, with what a metonym stands for (`der Kreml` → Russland). */
export function kbNames(name: string): string[] {
  const out: string[] = [];
  for (const e of kb().lookup(name).entries) {
    out.push(e.name);
    const s = e.standsFor ? kb().get(e.standsFor) : undefined;
    if (s) out.push(s.name);
  }
  return out;
}

/**
 * The canonical names an entity filter refers to — `chronik timeline --entity`, `/api/timeline?entity=`
 * and the timeline page all ask here, so one name filters alike everywhere: entities with that id or
 * named or aliased so (case-insensitive), the entities their metonymic mentions stand for, and the
 * knowledge base's entries of that name with what they stand for (`Kreml` → Russland).
 */
export async function entityFilterNames(q: Queryable, name: string): Promise<string[]> {
  const rows = await q.query<{ name: string }>(
    `WITH hit AS (
       SELECT e.id, e.name FROM entities e WHERE e.id = $1 OR lower(e.name) = lower($1)
       UNION SELECT e.id, e.name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE lower(a.alias) = lower($1))
     SELECT name FROM hit
     UNION SELECT s.name FROM mentions m JOIN hit ON hit.id = m.entity_id JOIN entities s ON s.id = m.stands_for`,
    [name],
  );
  return [...new Set([...rows.map((r) => r.name), ...kbNames(name)])];
}

/**
 * A WHERE condition (its parameters pushed onto `params`) for events — `ev` is the `events` table's
 * name or alias in the query — with one of `names` as merged actor or recipient, or with a mention
 * whose participant is named or written `name` (case-insensitive; participants without an entity).
 */
export function participantFilterSql(params: unknown[], name: string, names: readonly string[], ev: string): string {
  const n = params.push(name.toLowerCase());
  const p = params.push([...names]);
  return `(${ev}.actors ?| $${p}::text[] OR ${ev}.recipients ?| $${p}::text[]
      OR EXISTS (SELECT 1 FROM event_mentions m, jsonb_array_elements(m.actors || m.recipients) p
      WHERE m.event_id = ${ev}.id AND (lower(p->>'name') = $${n} OR lower(p->>'text') = $${n})))`;
}
