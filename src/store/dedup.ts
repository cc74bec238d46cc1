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

/** Which of `ids` already have a signature. */
export async function signedAmong(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await q.query<{ article_id: string }>('SELECT article_id FROM dedup_signatures WHERE article_id = ANY($1::text[])', [[...ids]]);
  return new Set(rows.map((r) => r.article_id));
}

/** Every stored article sharing a band key with any of the given band lists (one query for a whole batch). */
export async function findCandidatesMany(q: Queryable, bandLists: readonly (readonly number[])[]): Promise<StoredCandidate[]> {
  const bandIdx: number[] = [];
  const hashes: number[] = [];
  const seen = new Set<string>();
  for (const bands of bandLists) {
    bands.forEach((h, i) => {
      const k = `${i}:${h}`;
      if (seen.has(k)) return;
      seen.add(k);
      bandIdx.push(i);
      hashes.push(h);
    });
  }
  if (hashes.length === 0) return [];
  const rows = await q.query<{ article_id: string; signature: string; original: string }>(
    `SELECT s.article_id, s.signature, COALESCE(a.duplicate_of, a.id) AS original
       FROM (SELECT DISTINCT b.article_id
               FROM dedup_bands b
               JOIN unnest($1::int[], $2::int[]) AS k(band, hash) ON b.band = k.band AND b.hash = k.hash) c
       JOIN dedup_signatures s ON s.article_id = c.article_id
       JOIN articles a ON a.id = c.article_id
      ORDER BY s.seq`,
    [bandIdx, hashes],
  );
  return rows.map((r) => ({ articleId: r.article_id, signature: decodeSignature(r.signature), originalId: r.original }));
}

/** Stores many signatures and their band keys in two statements. */
export async function saveSignatures(q: Queryable, rows: readonly { articleId: string; sig: Uint32Array; words: number; bands: readonly number[] }[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO dedup_signatures (article_id, signature, words)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) ON CONFLICT (article_id) DO NOTHING`,
    [rows.map((r) => r.articleId), rows.map((r) => encodeSignature(r.sig)), rows.map((r) => r.words)],
  );
  const ids: string[] = [];
  const bandIdx: number[] = [];
  const hashes: number[] = [];
  for (const r of rows) {
    r.bands.forEach((h, i) => {
      ids.push(r.articleId);
      bandIdx.push(i);
      hashes.push(h);
    });
  }
  await q.query(
    `INSERT INTO dedup_bands (band, hash, article_id) SELECT * FROM unnest($1::int[], $2::int[], $3::text[]) ON CONFLICT DO NOTHING`,
    [bandIdx, hashes, ids],
  );
}

/** Marks many near-duplicates in one statement (exact duplicates stay exact). */
export async function markNearDuplicates(q: Queryable, rows: readonly { articleId: string; originalId: string; score: number }[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `UPDATE articles a SET duplicate_of = u.original, duplicate_kind = 'near', duplicate_score = u.score
       FROM unnest($1::text[], $2::text[], $3::real[]) AS u(id, original, score)
      WHERE a.id = u.id AND a.duplicate_of IS NULL AND a.id <> u.original`,
    [rows.map((r) => r.articleId), rows.map((r) => r.originalId), rows.map((r) => r.score)],
  );
}
