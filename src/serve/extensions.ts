import type { Hono } from 'hono';
import type { Db } from '../store/db.js';
import { mountApi } from './api.js';
import { mountAssets } from './assets.js';
import { mountPages } from './routes-pages.js';
import { securityHeaders } from './security.js';
import { mountWrite, type WriteOptions } from './write.js';

export type ExtensionOptions = WriteOptions;

/**
 * Everything src/serve adds to the app besides the article API: security headers, assets, the
 * JSON routes the pages need, the HTML pages, and (only with --allow-write and a token) ingest.
 * Call it before registering other routes so the security headers cover every response.
 */
export function mountSecurity(app: Hono): void {
  app.use('*', securityHeaders);
}

export function mountExtensions(app: Hono, db: Db, opts: ExtensionOptions = {}): void {
  mountAssets(app);
  mountApi(app, db);
  if (opts.allowWrite) mountWrite(app, db, opts);
  mountPages(app, db);
}
