import type { Context, Hono } from 'hono';
import type { Queryable } from '../store/db.js';
import { BadRequest } from './errors.js';
import type { SafeHtml } from './html.js';
import { badRequestPage } from './layout.js';
import { CSP_INLINE_STYLES } from './security.js';
import { articlePage, articlesPage } from './pages/article.js';
import { entitiesPage, entityPage } from './pages/entity.js';
import { overviewPage } from './pages/overview.js';
import { searchPage, searchParamsFrom } from './pages/search.js';
import { storiesPage, storyPage } from './pages/story.js';
import { eventPage, timelineFilterFrom, timelinePage } from './pages/timeline.js';

const send = (c: Context, body: SafeHtml, status: 200 | 400 | 404 = 200, headers: Record<string, string> = {}) =>
  c.html(body.toString(), status, { 'cache-control': 'no-store', ...headers });

const pageNo = (v: string | undefined): number | undefined => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** Reads a page's parameters; a bad one (BadRequest) answers 400 with a page saying what is wrong. */
async function withParams<P>(c: Context, read: () => P, render: (p: P) => Promise<Response>): Promise<Response> {
  let p: P;
  try {
    p = read();
  } catch (err) {
    if (err instanceof BadRequest) return send(c, badRequestPage(err.message), 400);
    throw err;
  }
  return render(p);
}

/** The HTML pages, each at a stable URL whose query string holds its filters. */
export function mountPages(app: Hono, db: Queryable): void {
  app.get('/', async (c) => send(c, await overviewPage(db)));
  app.get('/timeline', async (c) =>
    withParams(c, () => timelineFilterFrom((k) => c.req.query(k)), async (f) =>
      send(c, await timelinePage(db, f, c.req.query('event') || undefined), 200, { 'Content-Security-Policy': CSP_INLINE_STYLES }),
    ),
  );
  app.get('/events/:id', async (c) => {
    const r = await eventPage(db, c.req.param('id'));
    return send(c, r.body, r.status);
  });
  app.get('/stories', async (c) => send(c, await storiesPage(db, { page: pageNo(c.req.query('page')) })));
  app.get('/stories/:id', async (c) => {
    const r = await storyPage(db, c.req.param('id'));
    return send(c, r.body, r.status, { 'Content-Security-Policy': CSP_INLINE_STYLES });
  });
  app.get('/entities', async (c) =>
    send(c, await entitiesPage(db, { type: c.req.query('type') || undefined, q: c.req.query('q') || undefined, page: pageNo(c.req.query('page')) })),
  );
  app.get('/entities/:id', async (c) => {
    const r = await entityPage(db, c.req.param('id'));
    return send(c, r.body, r.status);
  });
  app.get('/articles', async (c) =>
    send(c, await articlesPage(db, { page: pageNo(c.req.query('page')), source: c.req.query('source') || undefined, storyId: c.req.query('story') || undefined })),
  );
  app.get('/articles/:id', async (c) => {
    const r = await articlePage(db, c.req.param('id'));
    return send(c, r.body, r.status);
  });
  app.get('/search', async (c) =>
    withParams(c, () => searchParamsFrom((k) => c.req.query(k)), async (p) => send(c, await searchPage(db, p))),
  );
}
