import { test, after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Article } from '../../src/model/index.js';
import type { Db } from '../../src/store/db.js';
import {
  articleStats, countArticles, getArticle, insertArticle, insertArticles, listArticles, parseHeadline,
  searchArticles, tsConfigFor,
} from '../../src/store/articles.js';
import { sortDateOf } from '../../src/store/sort-date.js';
import { DRIVERS, freshStore } from '../helpers/db.js';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

function article(id: string, text: string, extra: Partial<Article> = {}): Article {
  return {
    id,
    origin: `/corpus/${id}.txt`,
    url: null,
    format: 'text',
    rawHash: sha(`raw:${id}:${text}`),
    encoding: 'utf-8',
    title: null,
    published: null,
    publishedRaw: null,
    author: null,
    source: null,
    agency: null,
    dateline: null,
    language: 'de',
    text,
    contentHash: sha(text),
    ...extra,
  };
}

const GIPFEL = 'Die Außenminister kündigten am Donnerstag einen Gipfel in Riad an. Beide Seiten wollen verhandeln.';
const GESPRAECH = 'Nach einem langen Gespräch in Istanbul vereinbarten die Delegationen einen Gefangenenaustausch.';

for (const driver of DRIVERS) {
  describe(`${driver}: articles store`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    before(async () => {
      ({ db, drop } = await freshStore(driver));
    });
    after(async () => {
      await drop();
    });

    test('inserts an article with every field and its origin', async () => {
      const a = article('a1', GIPFEL, {
        title: 'Gipfel in Riad angekündigt', published: '2025-08-07', publishedRaw: '7. August 2025',
        author: 'Anna Beispiel', source: 'Nordkurier Test', agency: 'dpa', dateline: 'Berlin',
      });
      const out = await db.transaction((tx) => insertArticle(tx, a));
      assert.deepEqual(out, { id: 'a1', origin: a.origin, status: 'new', duplicateOf: null });
      const got = await getArticle(db, 'a1');
      assert.ok(got);
      assert.equal(got.title, 'Gipfel in Riad angekündigt');
      assert.equal(got.published, '2025-08-07');
      assert.equal(got.publishedRaw, '7. August 2025');
      assert.equal(got.agency, 'dpa');
      assert.equal(got.dateline, 'Berlin');
      assert.equal(got.text, GIPFEL);
      assert.equal(got.duplicateOf, null);
      assert.deepEqual(got.origins.map((o) => o.origin), [a.origin]);
      assert.equal(got.origins[0]?.rawHash, a.rawHash);
    });

    test('re-inserting the same article changes nothing', async () => {
      const a = article('a1', GIPFEL, { title: 'Gipfel in Riad angekündigt', published: '2025-08-07' });
      const before = await getArticle(db, 'a1');
      const n = await countArticles(db);
      const out = await db.transaction((tx) => insertArticles(tx, [a, a]));
      assert.deepEqual(out.map((o) => o.status), ['unchanged', 'unchanged']);
      assert.equal(await countArticles(db), n);
      assert.deepEqual(await getArticle(db, 'a1'), before);
    });

    test('the same article from another origin is a copy: one row, both origins', async () => {
      const copy = article('a1', GIPFEL, { origin: '/mirror/a1.txt', title: 'Gipfel in Riad angekündigt', published: '2025-08-07' });
      const out = await db.transaction((tx) => insertArticles(tx, [copy, copy]));
      assert.deepEqual(out.map((o) => [o.status, o.duplicateOf]), [['copy', 'a1'], ['unchanged', null]]);
      const got = await getArticle(db, 'a1');
      assert.deepEqual(got?.origins.map((o) => o.origin).sort(), ['/corpus/a1.txt', '/mirror/a1.txt']);
      const again = await db.transaction((tx) => insertArticle(tx, copy));
      assert.equal(again.status, 'unchanged');
    });

    test('exact duplicates are kept, marked, with both origins', async () => {
      const dup = article('a1-copy', GIPFEL, { origin: '/other/outlet.html', source: 'Zweites Blatt' });
      const out = await db.transaction((tx) => insertArticles(tx, [dup]));
      assert.deepEqual(out[0], { id: 'a1-copy', origin: '/other/outlet.html', status: 'duplicate', duplicateOf: 'a1' });
      const copy = await getArticle(db, 'a1-copy');
      assert.equal(copy?.duplicateOf, 'a1');
      assert.equal(copy?.duplicateKind, 'exact');
      const orig = await getArticle(db, 'a1');
      assert.deepEqual(orig?.origins.map((o) => o.origin).sort(), ['/corpus/a1.txt', '/mirror/a1.txt', '/other/outlet.html']);
      assert.deepEqual(orig?.duplicates.map((d) => d.id), ['a1-copy']);
      // A third copy in one batch with a new original: both point at their first-seen article.
      const res = await db.transaction((tx) => insertArticles(tx, [
        article('g1', GESPRAECH, { title: 'Gefangenenaustausch vereinbart', published: '2025-09' }),
        article('g1-copy', GESPRAECH),
        article('a1-copy2', GIPFEL),
      ]));
      assert.deepEqual(res.map((r) => [r.status, r.duplicateOf]), [['new', null], ['duplicate', 'g1'], ['duplicate', 'a1']]);
      const stats = await articleStats(db);
      assert.equal(stats.articles, 5);
      assert.equal(stats.originals, 2);
      assert.equal(stats.exactDuplicates, 3);
    });

    test('German search stems, ranks title matches first and highlights the snippet', async () => {
      await db.transaction((tx) => insertArticles(tx, [
        article('t1', 'Die Regierung äußerte sich nicht. Ein weiteres Gespräch sei nicht geplant.', {
          title: 'Regierung schweigt', published: '2025-08-01',
        }),
        article('t2', 'In Genf begannen am Montag die Verhandlungen der Delegationen.', {
          title: 'Gespräche in Genf begonnen', published: '2025-08-02',
        }),
        article('en1', 'The delegations negotiated for hours in Geneva on Monday.', {
          title: 'Talks in Geneva', language: 'en',
        }),
      ]));
      const r = await searchArticles(db, 'Gespräche');
      const ids = r.hits.map((h) => h.id);
      assert.ok(ids.includes('g1'), `Gespräche finds Gespräch: ${ids.join(',')}`);
      assert.ok(ids.includes('t1'));
      assert.equal(ids[0], 't2', 'title match ranks first');
      assert.equal(r.total, r.hits.length);
      const g = r.hits.find((h) => h.id === 't1');
      assert.ok(g);
      assert.ok(g.highlights.length > 0);
      const [s, e] = g.highlights[0] ?? [0, 0];
      assert.equal(g.snippet.slice(s, e), 'Gespräch');
      assert.ok(!/[\u0001\u0002]/.test(g.snippet));
      assert.deepEqual(g.titleHighlights, [], 'no match in its title');
      // A title-only hit still says what matched: offsets into its title.
      const t2 = r.hits.find((h) => h.id === 't2');
      assert.deepEqual(t2?.highlights, [], 'its body does not match');
      assert.deepEqual(t2?.titleHighlights.map(([s2, e2]) => t2.title?.slice(s2, e2)), ['Gespräche']);
      // English article, English stemming.
      const en = await searchArticles(db, 'negotiations');
      assert.deepEqual(en.hits.map((h) => h.id), ['en1']);
      // Websearch syntax: exclusion.
      const ex = await searchArticles(db, 'Gespräche -Genf');
      assert.ok(!ex.hits.some((h) => h.id === 't2'));
      assert.ok(ex.hits.some((h) => h.id === 't1'));
      assert.equal((await searchArticles(db, 'Quantenchromodynamik')).total, 0);
    });

    test('listing and search paginate', async () => {
      const total = await countArticles(db);
      const all = await listArticles(db, { limit: 100 });
      assert.equal(all.length, total);
      const page1 = await listArticles(db, { limit: 3, offset: 0 });
      const page2 = await listArticles(db, { limit: 3, offset: 3 });
      assert.equal(page1.length, 3);
      assert.deepEqual([...page1, ...page2].map((a) => a.id), all.slice(0, 6).map((a) => a.id));
      // Oldest first, undated last.
      const dated = all.filter((a) => a.published);
      assert.equal(dated[0]?.id, 't1');
      assert.equal(all.at(-1)?.published, null);
      assert.deepEqual(Object.keys(all[0] ?? {}).sort(),
        ['author', 'duplicateOf', 'id', 'language', 'origin', 'published', 'source', 'storyId', 'title'].sort());
      assert.equal((await listArticles(db, { limit: null })).length, total);
      assert.deepEqual((await listArticles(db, { from: '2025-08-02', to: '2025-08-07' })).map((a) => a.id).sort(), ['a1', 't2']);
      assert.deepEqual((await listArticles(db, { source: 'Nordkurier Test' })).map((a) => a.id), ['a1']);
      assert.equal(await countArticles(db, { from: '2025-09-01' }), 1);
      const originals = await listArticles(db, { originalsOnly: true });
      assert.ok(originals.every((a) => a.duplicateOf === null));
      assert.equal(await countArticles(db, { language: 'en' }), 1);
      const s1 = await searchArticles(db, 'Gespräch', { limit: 1 });
      const s2 = await searchArticles(db, 'Gespräch', { limit: 1, offset: 1 });
      assert.equal(s1.hits.length, 1);
      assert.equal(s2.hits.length, 1);
      assert.notEqual(s1.hits[0]?.id, s2.hits[0]?.id);
      assert.ok(s1.total >= 3);
      assert.equal(s2.total, s1.total);
      const past = await searchArticles(db, 'Gespräch', { limit: 5, offset: 100 });
      assert.equal(past.hits.length, 0);
      assert.equal(past.total, s1.total);
    });

    test('text with NUL bytes and very long texts are stored', async () => {
      const long = `Anfang \u0000 ${'Wort '.repeat(60_000)} Ende`;
      const out = await db.transaction((tx) => insertArticle(tx, article('long', long)));
      assert.equal(out.status, 'new');
      const got = await getArticle(db, 'long');
      assert.ok(got && !got.text.includes('\u0000'));
      assert.ok((got?.text.length ?? 0) > 300_000);
    });
  });
}

test('sortDateOf gives the first day each precision covers', () => {
  assert.equal(sortDateOf('2025-08-07'), '2025-08-07');
  assert.equal(sortDateOf('2025-08-07T14:32'), '2025-08-07');
  assert.equal(sortDateOf('2025-08'), '2025-08-01');
  assert.equal(sortDateOf('2025'), '2025-01-01');
  assert.equal(sortDateOf('2025-W33'), '2025-08-11');
  assert.equal(sortDateOf('2026-W01'), '2025-12-29');
  assert.equal(sortDateOf('2025-Q3'), '2025-07-01');
  assert.equal(sortDateOf('2025-H2'), '2025-07-01');
  assert.equal(sortDateOf('2025-SU'), '2025-06-01');
  assert.equal(sortDateOf('2025-02-30'), null);
  assert.equal(sortDateOf('P3D'), null);
  assert.equal(sortDateOf(null), null);
});

test('text-search configuration per language', () => {
  assert.equal(tsConfigFor('de'), 'german');
  assert.equal(tsConfigFor('en'), 'english');
  assert.equal(tsConfigFor('ru'), 'russian');
  assert.equal(tsConfigFor('uk'), 'simple');
  assert.equal(tsConfigFor('und'), 'simple');
});

test('parseHeadline turns markers into offsets', () => {
  assert.deepEqual(parseHeadline('ein \u0001Gespräch\u0002 und \u0001mehr\u0002'), {
    snippet: 'ein Gespräch und mehr',
    highlights: [[4, 12], [17, 21]],
  });
});
