import type { Queryable } from '../../store/db.js';
import type { FacetValue } from './search.js';
import { hasTables } from './schema.js';
import type { EntityDetail, EntitySummary } from './types.js';

/** Tables of the entity stage (migrations 020-029). */
const ENTITY_TABLES = ['entities', 'entity_mentions'];

export async function entitiesReady(db: Queryable): Promise<boolean> {
  return hasTables(db, ...ENTITY_TABLES);
}

export async function listEntities(
  db: Queryable,
  _o: { type?: string; q?: string; limit?: number; offset?: number } = {},
): Promise<{ total: number; items: EntitySummary[] }> {
  if (!(await entitiesReady(db))) return { total: 0, items: [] };
  return { total: 0, items: [] };
}

export async function getEntity(db: Queryable, _id: string): Promise<EntityDetail | null> {
  if (!(await entitiesReady(db))) return null;
  return null;
}

/** Top entities among the articles selected by `articleSql` (a SELECT of article ids). */
export async function entityFacet(db: Queryable, _articleSql: string, _params: unknown[]): Promise<FacetValue[]> {
  if (!(await entitiesReady(db))) return [];
  return [];
}

/**
 * A WHERE fragment restricting articles `a` to those mentioning entity `id` (pushes its param),
 * or null when entities are not available.
 */
export async function entityFilterSql(db: Queryable, _params: unknown[], _id: string): Promise<string | null> {
  if (!(await entitiesReady(db))) return null;
  return null;
}
