import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Db } from '../store/db.js';
import { mountArticlesApi } from './api-articles.js';
import { BadRequest } from './errors.js';
import { unknownPathPage } from './layout.js';
import { mountExtensions, mountSecurity, type ExtensionOptions } from './extensions.js';

export type AppOptions = ExtensionOptions;

/**
 * The HTTP app: the article API (here) plus everything src/serve/extensions.ts mounts (pages,
 * more API routes, assets). Read-only unless the extensions are told to allow writes.
 */
export function createApp(db: Db, opts: AppOptions = {}): Hono {
  const app = new Hono();
  mountSecurity(app);
  app.onError((err, c) => {
    if (err instanceof BadRequest) return c.json({ error: err.message }, 400);
    process.stderr.write(`chronik serve: ${c.req.method} ${c.req.path}: ${err.message.split('\n')[0]}\n`);
    return c.json({ error: 'internal error' }, 500);
  });
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json({ error: `no such API route: ${c.req.path}` }, 404)
      : c.html(unknownPathPage(c.req.path).toString(), 404, { 'cache-control': 'no-store' }),
  );
  mountArticlesApi(app, db);
  mountExtensions(app, db, opts);
  return app;
}

export interface ServerOptions extends AppOptions {
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves the app; resolves once listening (port 0 picks a free port). */
export function startServer(db: Db, opts: ServerOptions = {}): Promise<RunningServer> {
  const app = createApp(db, opts);
  const host = opts.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port ?? 8080, hostname: host }, (info) => {
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${info.port}/`,
        port: info.port,
        close: () => new Promise<void>((res) => server.close(() => res())),
      });
    });
    server.once('error', reject);
  });
}
