import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { paths } from '../../src/paths.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { freshStore } from '../helpers/db.js';
import { openBrowser, screenshot, startWeb, type BrowserSession, type Server } from './harness.js';

// The sample corpus in a fresh embedded store, served on a random port, driven by chromium.
let store: Awaited<ReturnType<typeof freshStore>>;
let server: Server;
let browser: BrowserSession;
let articleCount = 0;

const count = async (sql: string): Promise<number> => {
  try {
    const [r] = await store.db.query<{ n: number }>(sql);
    return r?.n ?? 0;
  } catch {
    return 0; // the table does not exist (yet) in this build
  }
};

before(async () => {
  store = await freshStore('pglite');
  const summary = await ingest(store.db, [join(paths.examples, 'corpus')]);
  assert.equal(summary.failed, 0, JSON.stringify(summary.failures));
  articleCount = await count('SELECT count(*)::int AS n FROM articles');
  assert.ok(articleCount >= 15, `sample corpus ingested (${articleCount})`);
  server = await startWeb(store.db);
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await store?.drop();
});

const goto = async (path: string) => {
  const res = await browser.page.goto(server.url + path);
  assert.equal(res?.status(), 200, `${path} answers 200`);
  return browser.page;
};

const noProblems = (where: string) => {
  const seen = browser.problems.splice(0);
  assert.deepEqual(seen, [], `no console errors, page errors or dialogs on ${where}`);
};

test('overview shows totals, stories and a search box', async () => {
  const page = await goto('/');
  await screenshot(page, 'overview');
  const totals = await page.locator('.totals').innerText();
  assert.match(totals.replace(/\./g, ''), new RegExp(`Artikel\\s+${articleCount}\\b`));
  assert.equal(await page.locator('form[role=search] input[name=q]').count(), 2);
  const stories = await count('SELECT count(*)::int AS n FROM stories');
  if (stories > 0) assert.equal(await page.locator('ol.stories > li').count(), Math.min(stories, 50));
  noProblems('/');
});

test('keyboard: the skip link moves focus to the content', async () => {
  const page = await goto('/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
  await page.keyboard.press('Enter');
  assert.ok(page.url().endsWith('#main'));
});

test('overview → story → event evidence → article → entity', async (t) => {
  if ((await count('SELECT count(*)::int AS n FROM stories')) === 0) return t.skip('no stories in this build yet');
  let page = await goto('/');
  const storyLink = page.locator('ol.stories > li a').first();
  const label = (await storyLink.innerText()).trim();
  await storyLink.click();
  await page.waitForURL(/\/stories\//);
  assert.equal((await page.locator('h1').innerText()).trim(), label);
  assert.ok((await page.locator('ul.groups > li').count()) >= 1, 'story lists its articles');
  if ((await page.locator('#timeline').count()) > 0) await page.waitForSelector('#timeline[data-ready]');
  await screenshot(page, 'story');
  noProblems('story');

  if ((await page.locator('ol.events a').count()) === 0) return t.skip('no events in this build yet');
  await page.locator('ol.events a').first().click();
  await page.waitForURL(/\/events\//);
  assert.ok((await page.locator('.evidence blockquote').count()) >= 1, 'event shows evidence sentences');
  assert.ok((await page.locator('.evidence .chips li').count()) >= 1, 'event lists outlets');
  await page.locator('.evidence .sentences li a').first().click();
  await page.waitForURL(/\/articles\//);
  assert.ok((await page.locator('.text p').count()) >= 1);
  noProblems('article via evidence');

  const ent = page.locator('.text a.ent').first();
  if ((await ent.count()) === 0) return t.skip('no linked entity mentions in this build yet');
  const name = await ent.getAttribute('title');
  await ent.click();
  await page.waitForURL(/\/entities\//);
  page = browser.page;
  assert.ok(name?.startsWith((await page.locator('h1').innerText()).trim()), `entity page for ${name}`);
  await screenshot(page, 'entity');
  noProblems('entity');
});

test('timeline draws events on an axis and opens their evidence on click', async (t) => {
  const page = await goto('/timeline');
  const events = await count('SELECT count(*)::int AS n FROM events');
  if (events === 0) {
    assert.match(await page.locator('main').innerText(), /chronik (ingest|demo)|Keine Ereignisse/);
    await screenshot(page, 'timeline');
    return t.skip('no events in this build yet');
  }
  await page.waitForSelector('#timeline[data-ready]');
  await screenshot(page, 'timeline');
  const drawn = Number(await page.locator('#timeline').getAttribute('data-ready'));
  assert.ok(drawn >= 1, 'timeline drew items');
  // Month- or year-precision dates are drawn as ranges, day dates as points.
  const api = (await (await fetch(`${server.url}/api/timeline`)).json()) as { events: { date: string | null; point: boolean | null }[] };
  const ranges = api.events.filter((e) => e.point === false).length;
  const points = api.events.filter((e) => e.point === true).length;
  assert.equal(drawn, ranges + points, 'every dated event is drawn');
  // The axis opens on where most events are; "show all" (keyboard-reachable button) fits them all.
  await page.locator('#tl-fit').focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.vis-item.vis-range').count(), ranges, 'imprecise dates drawn as ranges');
  assert.equal(await page.locator('.vis-item.vis-box').count(), points, 'day dates drawn as points');
  for (const e of api.events.filter((x) => x.point === false)) assert.match(e.date ?? '', /^\d{4}(-\d{2}|-W\d{2}|-Q\d|-H\d)?$/);
  await page.locator('.vis-item .vis-item-content').first().click();
  await page.waitForSelector('#evidence-panel blockquote');
  assert.match(page.url(), /[?&]event=/, 'selection is kept in the URL');
  // Without a mouse: the chronological list under the axis leads to the same evidence.
  await page.locator('ol.events a').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/events\//);
  assert.ok((await page.locator('.evidence blockquote').count()) >= 1);
  noProblems('/timeline');
});

test('article page shows cleaned text and metadata', async () => {
  const [a] = await store.db.query<{ id: string; title: string | null }>(
    'SELECT id, title FROM articles WHERE title IS NOT NULL AND duplicate_of IS NULL ORDER BY seq LIMIT 1',
  );
  assert.ok(a);
  const page = await goto(`/articles/${encodeURIComponent(a.id)}`);
  assert.equal((await page.locator('h1').innerText()).trim(), a.title);
  assert.ok((await page.locator('.text p').count()) >= 1);
  await screenshot(page, 'article');
  noProblems('article');
});

test('an article with a consistency warning shows it', async (t) => {
  const rows = await store.db.query<{ id: string; message: string }>('SELECT article_id AS id, message FROM article_warnings ORDER BY article_id, idx LIMIT 1').catch(() => []);
  const w = rows[0];
  if (!w) return t.skip('no consistency warnings in the sample corpus with this build');
  const page = await goto(`/articles/${encodeURIComponent(w.id)}`);
  assert.ok((await page.locator('.warnings').innerText()).includes(w.message));
  await screenshot(page, 'article-warning');
  noProblems('article with warning');
});

test('search from the header, then narrow by a facet', async () => {
  const page = await goto('/');
  await page.locator('#q').fill('Waffenruhe');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?q=Waffenruhe/);
  const total = await page.locator('ol.hits > li').count();
  assert.ok(total >= 1, 'search finds articles');
  assert.ok((await page.locator('.snippet mark').count()) >= 1, 'snippets are highlighted');
  // Outlet facet: every remaining hit is from that outlet.
  const facet = page.locator('section.facet', { has: page.locator('h3', { hasText: 'Quelle' }) }).locator('a:not(.clear)').first();
  const outlet = (await facet.innerText()).trim();
  await facet.click();
  await page.waitForURL(/[?&]source=/);
  const narrowed = await page.locator('ol.hits > li').count();
  assert.ok(narrowed >= 1 && narrowed <= total, `facet narrows ${total} → ${narrowed}`);
  for (const meta of await page.locator('ol.hits > li .meta').allInnerTexts()) assert.ok(meta.startsWith(outlet), `${meta} is from ${outlet}`);
  assert.equal(await page.locator('.facet a[aria-current]').count(), 1, 'the chosen facet is marked');
  assert.equal(await page.locator('#q3').inputValue(), 'Waffenruhe', 'query kept');
  // Date range (keyboard: fill and press Enter): hits outside it disappear, the outlet filter stays.
  await page.goto(`${server.url}/search?q=Waffenruhe`);
  await page.locator('.dates input[name=from]').fill('2025-08');
  await page.locator('.dates input[name=to]').fill('2025-08');
  await page.locator('.dates input[name=to]').press('Enter');
  await page.waitForURL(/from=2025-08/);
  const dates = (await page.locator('ol.hits > li .meta').allInnerTexts()).map((m) => /\d{4}-\d{2}(-\d{2})?/.exec(m)?.[0] ?? 'none');
  for (const d of dates) assert.ok(d.startsWith('2025-08'), `hit dated ${d} lies in 2025-08`);
  await screenshot(page, 'search');
  noProblems('search');
});

test('entities page lists entities or says how to get them', async () => {
  const page = await goto('/entities');
  const n = await count('SELECT count(*)::int AS n FROM entities');
  if (n > 0) assert.ok((await page.locator('table.list tbody tr').count()) >= 1);
  else assert.match(await page.locator('main').innerText(), /chronik ingest/);
  await screenshot(page, 'entities');
  noProblems('entities');
});
