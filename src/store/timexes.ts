import type { TimeExpression, TimexType } from '../model/index.js';
import type { Queryable } from './db.js';

/** Storage of an article's time expressions (030_timexes.sql). */

/** Replaces the stored time expressions of one article (idempotent for re-analysis). */
export async function saveTimexes(tx: Queryable, articleId: string, timexes: readonly TimeExpression[]): Promise<void> {
  await tx.query('DELETE FROM timexes WHERE article_id = $1', [articleId]);
  let idx = 0;
  for (const t of timexes) {
    await tx.query(
      `INSERT INTO timexes (article_id, idx, span_start, span_end, text, type, value, mod, anchor, sentence)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [articleId, idx++, t.start, t.end, t.text, t.type, t.value, t.mod ?? null, t.anchor ?? null, t.sentence],
    );
  }
}

interface TimexRow {
  span_start: number;
  span_end: number;
  text: string;
  type: string;
  value: string;
  mod: string | null;
  anchor: string | null;
  sentence: number;
  [k: string]: unknown;
}

/** An article's time expressions in text order. */
export async function listTimexes(db: Queryable, articleId: string): Promise<TimeExpression[]> {
  const rows = await db.query<TimexRow>(
    'SELECT span_start, span_end, text, type, value, mod, anchor, sentence FROM timexes WHERE article_id = $1 ORDER BY idx',
    [articleId],
  );
  return rows.map((r) => {
    const t: TimeExpression = {
      start: Number(r.span_start), end: Number(r.span_end), text: r.text, type: r.type as TimexType, value: r.value,
      sentence: Number(r.sentence),
    };
    if (r.mod) t.mod = r.mod;
    if (r.anchor) t.anchor = r.anchor;
    return t;
  });
}
