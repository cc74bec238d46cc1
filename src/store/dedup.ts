import type { Queryable } from './db.js';

/** Storage of MinHash signatures and LSH buckets (tables in 040_dedup.sql). */

export function encodeSignature(sig: Uint32Array): string {
  let s = '';
  for (const v of sig) s += v.toString(16).padStart(8, '0');
  return s;
}

export function decodeSignature(hex: string): Uint32Array {
  const out = new Uint32Array(hex.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return out;
}

export interface StoredCandidate {
  articleId: string;
  signature: Uint32Array;
  /** The article's original (its `duplicate_of`), or its own id. */
  originalId: string;
}

/** Articles that share at least one band key with `bands` (index = band number). */
export async function findCandidates(q: Queryable, bands: readonly number[]): Promise<StoredCandidate[]> {
  if (bands.length === 0) return [];
  const rows = await q.query<{ article_id: string; signature: string; original: string }>(
    `SELECT s.article_id, s.signature, COALESCE(a.duplicate_of, a.id) AS original
       FROM (SELECT DISTINCT b.article_id
               FROM dedup_bands b
               JOIN unnest($1::int[], $2::int[]) AS k(band, hash) ON b.band = k.band AND b.hash = k.hash) c
       JOIN dedup_signatures s ON s.article_id = c.article_id
       JOIN articles a ON a.id = c.article_id
      ORDER BY s.seq`,
    [bands.map((_, i) => i), [...bands]],
  );
  return rows.map((r) => ({ articleId: r.article_id, signature: decodeSignature(r.signature), originalId: r.original }));
}

export async function hasSignature(q: Queryable, articleId: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM dedup_signatures WHERE article_id = $1', [articleId]);
  return rows.length > 0;
}

export async function saveSignature(q: Queryable, articleId: string, sig: Uint32Array, words: number, bands: readonly number[]): Promise<void> {
  await q.query(
    `INSERT INTO dedup_signatures (article_id, signature, words) VALUES ($1, $2, $3) ON CONFLICT (article_id) DO NOTHING`,
    [articleId, encodeSignature(sig), words],
  );
  await q.query(
    `INSERT INTO dedup_bands (band, hash, article_id)
     SELECT k.band, k.hash, $3 FROM unnest($1::int[], $2::int[]) AS k(band, hash)
     ON CONFLICT DO NOTHING`,
    [bands.map((_, i) => i), [...bands], articleId],
  );
}

/** Marks a later article as a near-duplicate of its original, unless it is already marked (exact duplicates stay exact). */
export async function markNearDuplicate(q: Queryable, articleId: string, originalId: string, score: number): Promise<void> {
  await q.query(
    `UPDATE articles SET duplicate_of = $2, duplicate_kind = 'near', duplicate_score = $3
      WHERE id = $1 AND duplicate_of IS NULL AND id <> $2`,
    [articleId, originalId, score],
  );
}

export interface DuplicateInfo {
  /** This article's original, if it is a duplicate. */
  duplicateOf: { id: string; kind: string; score: number | null } | null;
  /** Articles that are duplicates of this one. */
  duplicates: { id: string; kind: string; score: number | null }[];
}

export async function duplicatesOf(q: Queryable, articleId: string): Promise<DuplicateInfo> {
  const self = await q.query<{ duplicate_of: string | null; duplicate_kind: string | null; duplicate_score: number | null }>(
    'SELECT duplicate_of, duplicate_kind, duplicate_score FROM articles WHERE id = $1',
    [articleId],
  );
  const rows = await q.query<{ id: string; duplicate_kind: string | null; duplicate_score: number | null }>(
    'SELECT id, duplicate_kind, duplicate_score FROM articles WHERE duplicate_of = $1 ORDER BY ingested_at, id',
    [articleId],
  );
  const s = self[0];
  return {
    duplicateOf: s?.duplicate_of ? { id: s.duplicate_of, kind: s.duplicate_kind ?? 'near', score: s.duplicate_score } : null,
    duplicates: rows.map((r) => ({ id: r.id, kind: r.duplicate_kind ?? 'near', score: r.duplicate_score })),
  };
}

/** Text and duplicate mark of the given articles, in the order of `ids`. */
export async function articleTexts(q: Queryable, ids: readonly string[]): Promise<{ id: string; text: string; duplicateOf: string | null }[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<{ id: string; text: string; duplicate_of: string | null }>(
    'SELECT id, text, duplicate_of FROM articles WHERE id = ANY($1::text[])',
    [[...ids]],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ id, text: r.text, duplicateOf: r.duplicate_of }] : [];
  });
}
