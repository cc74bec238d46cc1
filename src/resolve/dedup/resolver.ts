import type { Db, Queryable } from '../../store/db.js';
import { articleTexts, findCandidatesMany, markNearDuplicates, saveSignatures, signedAmong } from '../../store/dedup.js';
import { bestMatch, DEDUP_DEFAULTS, MemoryIndex, sign, thresholdFor, type Candidate, type DedupOptions, type Signed } from './detect.js';
import { bandHashes as bandHashesOf } from './minhash.js';

export interface ResolveCtx {
  newArticleIds: readonly string[];
  progress: (message: string) => void;
}

/**
 * Near-duplicate detection over a batch's new articles in ingest order: each is signed, looked up
 * in the LSH buckets of everything stored before it (this batch included), and marked
 * `duplicate_of` the first-seen original of its best match. Exact duplicates are only signed.
 * Per chunk of articles: one query for the stored candidates of all their band keys, the chunk's
 * own articles in an in-memory index, and one write each for signatures, bands and marks.
 */
export async function resolveNearDuplicates(db: Queryable, ctx: ResolveCtx, opts: DedupOptions = DEDUP_DEFAULTS): Promise<number> {
  let marked = 0;
  const CHUNK = 250;
  for (let i = 0; i < ctx.newArticleIds.length; i += CHUNK) {
    const ids = ctx.newArticleIds.slice(i, i + CHUNK);
    const done = await signedAmong(db, ids);
    const todo: { id: string; duplicateOf: string | null; signed: Signed }[] = [];
    for (const a of await articleTexts(db, ids)) {
      if (done.has(a.id)) continue;
      const signed = sign(a.text, opts);
      if (signed) todo.push({ id: a.id, duplicateOf: a.duplicateOf, signed });
    }
    const stored = await findCandidatesMany(db, todo.map((t) => t.signed.bands));
    // Band key → positions in `stored`, so each article looks up its candidates instead of testing all.
    const byKey = new Map<string, number[]>();
    stored.forEach((c, i) => {
      for (const k of bandKeys(c.signature, opts.bandRows)) {
        const at = byKey.get(k);
        if (!at) byKey.set(k, [i]);
        else if (at.at(-1) !== i) at.push(i);
      }
    });
    const batch = new MemoryIndex();
    const marks: { articleId: string; originalId: string; score: number }[] = [];
    for (const t of todo) {
      // Stored candidates that share a band with this article (in stored order), then this chunk's earlier articles.
      const hits = new Set<number>();
      t.signed.bands.forEach((h, b) => {
        for (const i of byKey.get(`${b}:${h}`) ?? []) hits.add(i);
      });
      const fromStore = [...hits].sort((x, y) => x - y).map((i) => stored[i]!);
      const cands: Candidate[] = [...fromStore, ...batch.candidates(t.signed.bands)];
      let original = t.id;
      if (!t.duplicateOf) {
        const match = bestMatch(t.signed.sig, cands, thresholdFor(t.signed.words, opts), t.id);
        if (match && match.originalId !== t.id) {
          marks.push({ articleId: t.id, originalId: match.originalId, score: match.score });
          original = match.originalId;
        }
      } else {
        original = t.duplicateOf;
      }
      batch.add(t.id, t.signed.sig, t.signed.bands, original);
    }
    await saveSignatures(db, todo.map((t) => ({ articleId: t.id, sig: t.signed.sig, words: t.signed.words, bands: t.signed.bands })));
    await markNearDuplicates(db, marks);
    marked += marks.length;
  }
  if (marked) ctx.progress(`near-duplicates: ${marked} marked`);
  return marked;
}

// No cache: findCandidatesMany decodes a fresh signature for each distinct stored article, so each is keyed once.
const bandKeys = (sig: Uint32Array, rows: number): string[] => bandHashesOf(sig, rows).map((h, b) => `${b}:${h}`);

export const dedupResolver = {
  name: 'dedup',
  run: async (db: Db, ctx: ResolveCtx): Promise<void> => {
    await db.transaction((tx) => resolveNearDuplicates(tx, ctx));
  },
};
