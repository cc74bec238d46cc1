import { timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import type { Db } from '../store/db.js';

export interface WriteOptions {
  /** Mount write routes at all (the server is read-only otherwise). */
  allowWrite?: boolean;
  /** Bearer token every write request must carry. Write routes refuse to mount without one. */
  token?: string;
}

/** Runs an ingest of JSON documents; injected so this module does not depend on the pipeline's shape. */
export type IngestDocuments = (db: Db, docs: IngestDocument[]) => Promise<unknown>;

export interface IngestDocument {
  text: string;
  title?: string;
  url?: string;
  published?: string;
  source?: string;
  author?: string;
  language?: string;
}

let ingestDocuments: IngestDocuments | null = null;

/** The pipeline registers how documents are ingested (kept out of src/serve's imports). */
export function setIngestDocuments(fn: IngestDocuments): void {
  ingestDocuments = fn;
}

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function mountWrite(app: Hono, db: Db, opts: WriteOptions): void {
  const token = opts.token;
  if (!token) throw new Error('--allow-write needs a token (--token or CHRONIK_TOKEN)');
  app.post('/api/ingest', async (c) => {
    const auth = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(auth);
    if (!m || !tokenMatches(m[1] as string, token)) return c.json({ error: 'missing or wrong bearer token' }, 401);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'body must be JSON: {"documents": [{"text": …}]}' }, 400);
    }
    const docs = (body as { documents?: unknown }).documents;
    if (!Array.isArray(docs) || docs.length === 0 || !docs.every((d) => d && typeof (d as IngestDocument).text === 'string')) {
      return c.json({ error: 'body must be JSON: {"documents": [{"text": …}]}' }, 400);
    }
    if (!ingestDocuments) return c.json({ error: 'ingest is not available in this build' }, 501);
    return c.json(await ingestDocuments(db, docs as IngestDocument[]));
  });
}
