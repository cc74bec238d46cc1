import type { Context, Hono } from 'hono';
import type { Queryable } from '../store/db.js';
import { openapi } from './openapi.js';
import { searchParamsFrom } from './pages/search.js';
import { timelineFilterFrom } from './pages/timeline.js';
import { getEntity, listEntities } from './queries/entities.js';
import { eventTypes, getEvent, timeline, TIMELINE_LIMIT } from './queries/events.js';
import { search } from './queries/search.js';
import { getStory, listStories } from './queries/stories.js';
import { timexSpan } from './timex-range.js';

const int = (v: string | undefined, dflt: number, max: number): number => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : dflt;
};

const notFound = (c: Context, what: string) => c.json({ error: `${what} not found` }, 404);

/** JSON routes the pages need; the pages call the same query functions. */
export function mountApi(app: Hono, db: Queryable): void {
  app.get('/api/openapi.json', (c) => c.json(openapi));

  app.get('/api/stories', async (c) =>
    c.json(await listStories(db, { limit: int(c.req.query('limit'), 50, 500), offset: int(c.req.query('offset'), 0, 1e9) })),
  );
  app.get('/api/stories/:id', async (c) => {
    const s = await getStory(db, c.req.param('id'));
    return s ? c.json(s) : notFound(c, 'story');
  });

  app.get('/api/entities', async (c) =>
    c.json(
      await listEntities(db, {
        type: c.req.query('type') || undefined,
        q: c.req.query('q') || undefined,
        limit: int(c.req.query('limit'), 100, 1000),
        offset: int(c.req.query('offset'), 0, 1e9),
      }),
    ),
  );
  app.get('/api/entities/:id', async (c) => {
    const e = await getEntity(db, c.req.param('id'));
    return e ? c.json(e) : notFound(c, 'entity');
  });

  app.get('/api/timeline', async (c) => {
    const limit = int(c.req.query('limit'), TIMELINE_LIMIT, 20000) || TIMELINE_LIMIT;
    const found = await timeline(db, { ...timelineFilterFrom((k) => c.req.query(k)), limit: limit + 1 });
    const events = found.slice(0, limit);
    return c.json({
      truncated: found.length > limit,
      events: events.map((e) => {
        const span = timexSpan(e.date);
        return { ...e, start: span?.start ?? null, end: span?.end ?? null, point: span?.point ?? null };
      }),
      types: await eventTypes(db),
    });
  });
  app.get('/api/events/:id', async (c) => {
    const e = await getEvent(db, c.req.param('id'));
    return e ? c.json(e) : notFound(c, 'event');
  });

  // Search with facets and pagination, the query behind the search page.
  app.get('/api/search/facets', async (c) => c.json(await search(db, searchParamsFrom((k) => c.req.query(k)))));
}
