import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { paths } from '../../src/paths.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { createApp } from '../../src/serve/app.js';
import { DRIVERS, freshStore } from '../helpers/db.js';

// The page queries are plain PostgreSQL: every page and JSON route over the sample corpus on
// both drivers (embedded PGlite and the server), without a browser.
for (const driver of DRIVERS) {
  describe(`pages on ${driver}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let app: ReturnType<typeof createApp>;
    const first = async (sql: string): Promise<string | null> => {
      try {
        return (await store.db.query<{ id: string }>(sql))[0]?.id ?? null;
      } catch {
        return null;
      }
    };

    before(async () => {
      store = await freshStore(driver);
      const s = await ingest(store.db, [join(paths.examples, 'corpus')]);
      assert.equal(s.failed, 0, JSON.stringify(s.failures));
      app = createApp(store.db);
    });
    after(async () => {
      await store?.drop();
    });

    test('every page and JSON route answers with content', async () => {
      const story = await first('SELECT id FROM stories ORDER BY seq LIMIT 1');
      const entity = await first("SELECT entity_id AS id FROM mentions WHERE entity_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
      const event = await first('SELECT id FROM events ORDER BY sources DESC, id LIMIT 1');
      const article = await first('SELECT id FROM articles ORDER BY seq LIMIT 1');
      assert.ok(article);
      const paths: [string, RegExp][] = [
        ['/', /Dossier/],
        ['/timeline', /Zeitleiste/],
        ['/entities', /Entitäten/],
        ['/articles', /Artikel/],
        ['/stories', /Stories/],
        [`/articles/${encodeURIComponent(article)}`, /class="text"/],
        ['/search?q=Gipfel&lang=de', /class="hits"/],
        ['/api/stories', /"items"/],
        ['/api/entities', /"items"/],
        ['/api/timeline', /"events"/],
        ['/api/search/facets?q=Gipfel', /"facets"/],
      ];
      if (story) paths.push([`/stories/${encodeURIComponent(story)}`, /class="articles groups"/], [`/api/stories/${encodeURIComponent(story)}`, /"groups"/]);
      if (entity) paths.push([`/entities/${encodeURIComponent(entity)}`, /Erwähnungen im Zeitverlauf/], [`/timeline?entity=${encodeURIComponent(entity)}`, /Zeitleiste/]);
      if (event) paths.push([`/events/${encodeURIComponent(event)}`, /Belege/], [`/api/events/${encodeURIComponent(event)}`, /"evidence"/]);
      for (const [path, expect] of paths) {
        const res = await app.request(path);
        assert.equal(res.status, 200, `${driver} ${path}`);
        assert.match(await res.text(), expect, `${driver} ${path}`);
      }
    });

    test('stories come newest activity first; search pages do not overlap', async () => {
      const stories = (await (await app.request('/api/stories')).json()) as { items: { to: string | null }[] };
      const ends = stories.items.map((s) => s.to ?? '');
      assert.deepEqual(ends, [...ends].sort().reverse(), 'ordered by last activity, newest first');
      type Page = { total: number; hits: { id: string }[] };
      const p1 = (await (await app.request('/api/search/facets?q=Putin&size=3&page=1')).json()) as Page;
      const p2 = (await (await app.request('/api/search/facets?q=Putin&size=3&page=2')).json()) as Page;
      assert.ok(p1.total > 3, `enough hits to page (${p1.total})`);
      assert.equal(p1.hits.length, 3);
      assert.equal(p2.total, p1.total);
      assert.ok(p2.hits.length >= 1);
      assert.equal(p1.hits.filter((h) => p2.hits.some((x) => x.id === h.id)).length, 0, 'pages are disjoint');
    });

    test('search facets count what they filter', async () => {
      const res = (await (await app.request('/api/search/facets?q=Gipfel')).json()) as {
        total: number;
        facets: { source: { value: string; count: number }[] };
      };
      assert.ok(res.total > 0);
      const top = res.facets.source[0];
      assert.ok(top, 'an outlet facet');
      const narrowed = (await (await app.request(`/api/search/facets?q=Gipfel&source=${encodeURIComponent(top.value)}`)).json()) as { total: number };
      assert.equal(narrowed.total, top.count);
    });
  });
}
