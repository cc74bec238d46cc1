import type { Queryable } from '../../store/db.js';
import { hasTables } from './schema.js';
import type { StoryDetail, StorySummary } from './types.js';

/** Tables of the story stage (migrations 040-049). */
export async function storiesReady(db: Queryable): Promise<boolean> {
  return hasTables(db, 'stories');
}

export async function listStories(db: Queryable, _o: { limit?: number; offset?: number } = {}): Promise<{ total: number; items: StorySummary[] }> {
  if (!(await storiesReady(db))) return { total: 0, items: [] };
  return { total: 0, items: [] };
}

export async function getStory(db: Queryable, _id: string): Promise<StoryDetail | null> {
  if (!(await storiesReady(db))) return null;
  return null;
}

/** Labels of stories by id (facets, links). */
export async function storyLabels(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0 || !(await storiesReady(db))) return new Map();
  return new Map();
}
