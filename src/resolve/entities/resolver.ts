import { kb } from '../../kb/index.js';
import type { AnalysisWriter, CorpusResolver } from '../../pipeline/hooks.js';
import type { Db, Queryable } from '../../store/db.js';
import { insertEntities, linkMentions, type MentionLink, loadEntities, mergeEntity, refreshAliases, saveMentions, unlinkedMentions } from '../../store/entities.js';
import { EntityIndex, linkArticle } from './link.js';

/**
 * Stores each new article's entity mentions, body then title (unlinked; the resolver links them
 * after the batch, title and body together, so a surname in the headline finds the body's full name).
 */
export const entitiesWriter: AnalysisWriter = {
  name: 'entities',
  write: (tx, doc) => saveMentions(tx, doc.article.id, [...doc.entities, ...(doc.titleEntities ?? [])]),
};

/** Links the unlinked mentions of `articleIds` to corpus entities; returns counts. */
export async function linkEntities(db: Queryable, articleIds: readonly string[]): Promise<{ mentions: number; created: number; merged: number }> {
  const pending = await unlinkedMentions(db, articleIds);
  if (pending.length === 0) return { mentions: 0, created: 0, merged: 0 };
  const index = new EntityIndex(kb(), await loadEntities(db));
  const byArticle = new Map<string, typeof pending>();
  for (const m of pending) byArticle.set(m.articleId, [...(byArticle.get(m.articleId) ?? []), m]);
  const links: MentionLink[] = [];
  for (const ids of articleIds) {
    const ms = byArticle.get(ids);
    if (!ms) continue;
    for (const [idx, l] of linkArticle(kb(), index, ms)) links.push({ articleId: ids, idx, ...l });
  }
  await insertEntities(db, index.created);
  await linkMentions(db, links);
  // A surname seen before its full name (earlier article or batch) joins the full name now.
  const merges = index.surnameMerges();
  for (const [from, into] of merges) {
    await mergeEntity(db, from, into);
    index.forget(from);
  }
  // Only the entities this batch touched: alias upkeep stays proportional to the batch.
  const touched = new Set(links.map((l) => l.entityId));
  for (const [from, into] of merges) {
    touched.delete(from);
    touched.add(into);
  }
  await refreshAliases(db, [...touched]);
  return { mentions: pending.length, created: index.created.length, merged: merges.length };
}

export const entitiesResolver: CorpusResolver = {
  name: 'entities',
  async run(db: Db, ctx) {
    const r = await db.transaction((tx) => linkEntities(tx, ctx.newArticleIds));
    if (r.mentions) ctx.progress(`entities: ${r.mentions} mentions linked, ${r.created} new entities, ${r.merged} merged`);
  },
};
