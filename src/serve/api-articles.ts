import type { Context, Hono } from 'hono';
import { dateBoundParam } from './date-params.js';
import { BadRequest } from './errors.js';
import type { Queryable } from '../store/db.js';
import { countArticles, getArticle, listArticles, searchArticles, type ArticleFilter } from '../store/articles.js';

function intParam(c: Context, name: string, dflt: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new BadRequest(`${name} must be a non-negative integer`);
  return Math.min(n, max);
}

function filterFrom(c: Context): ArticleFilter {
  return {
    language: c.req.query('lang') || c.req.query('language') || undefined,
    source: c.req.query('source') || undefined,
    storyId: c.req.query('story') || undefined,
    originalsOnly: c.req.query('originals') === '1' || c.req.query('originals') === 'true',
    from: dateBoundParam(c.req.query('from'), 'from', false),
    to: dateBoundParam(c.req.query('to'), 'to', true),
  };
}

const ORDERS = ['published', 'published-desc', 'ingested'] as const;

/**
 * The article API: `GET /api/articles` (array of the same objects as `chronik articles --json`,
 * newest first, total in X-Total-Count), `GET /api/articles/:id`, `GET /api/search?q=`.
 */
export function mountArticlesApi(app: Hono, db: Queryable): void {
  app.get('/api/articles', async (c) => {
    const filter = filterFrom(c);
    const order = c.req.query('order') ?? 'published-desc';
    if (!(ORDERS as readonly string[]).includes(order)) throw new BadRequest(`order must be one of ${ORDERS.join(', ')}`);
    const [rows, total] = await Promise.all([
      listArticles(db, {
        ...filter,
        order: order as (typeof ORDERS)[number],
        limit: intParam(c, 'limit', 100, 1000),
        offset: intParam(c, 'offset', 0, 1e9),
      }),
      countArticles(db, filter),
    ]);
    c.header('X-Total-Count', String(total));
    return c.json(rows);
  });

  app.get('/api/articles/:id', async (c) => {
    const a = await getArticle(db, c.req.param('id'));
    return a ? c.json(a) : c.json({ error: 'article not found' }, 404);
  });

  app.get('/api/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (!q) throw new BadRequest('q (the search query) is required');
    return c.json(
      await searchArticles(db, q, {
        ...filterFrom(c),
        limit: intParam(c, 'limit', 20, 200),
        offset: intParam(c, 'offset', 0, 1e9),
      }),
    );
  });
}
