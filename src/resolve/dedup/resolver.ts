import type { Db } from '../../store/db.js';
import { articleTexts, findCandidates, hasSignature, markNearDuplicate, saveSignature } from '../../store/dedup.js';
import { bestMatch, DEDUP_DEFAULTS, sign, thresholdFor, type DedupOptions } from './detect.js';

export interface ResolveCtx {
  newArticleIds: readonly string[];
  progress: (message: string) => void;
}

/**
 * Near-duplicate detection over a batch's new articles in ingest order: each is signed, looked up
 * in the LSH buckets of everything stored before it (this batch included), and marked
 * `duplicate_of` the first-seen original of its best match. Exact duplicates are only signed.
 */
export async function resolveNearDuplicates(db: Db, ctx: ResolveCtx, opts: DedupOptions = DEDUP_DEFAULTS): Promise<number> {
  let marked = 0;
  const CHUNK = 200;
  for (let i = 0; i < ctx.newArticleIds.length; i += CHUNK) {
    for (const a of await articleTexts(db, ctx.newArticleIds.slice(i, i + CHUNK))) {
      if (await hasSignature(db, a.id)) continue;
      const signed = sign(a.text, opts);
      if (!signed) continue;
      if (!a.duplicateOf) {
        const match = bestMatch(signed.sig, await findCandidates(db, signed.bands), thresholdFor(signed.words, opts), a.id);
        if (match && match.originalId !== a.id) {
          await markNearDuplicate(db, a.id, match.originalId, match.score);
          marked++;
        }
      }
      await saveSignature(db, a.id, signed.sig, signed.words, signed.bands);
    }
  }
  if (marked) ctx.progress(`near-duplicates: ${marked} marked`);
  return marked;
}

export const dedupResolver = {
  name: 'dedup',
  run: async (db: Db, ctx: ResolveCtx): Promise<void> => {
    await resolveNearDuplicates(db, ctx);
  },
};
