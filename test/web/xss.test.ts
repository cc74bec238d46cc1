import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ingest } from '../../src/pipeline/ingest.js';
import { freshStore } from '../helpers/db.js';
import { openBrowser, screenshot, startWeb, type BrowserSession, type Server } from './harness.js';

// Hostile article: markup in title, body and metadata must show as text and never run.
const SCRIPT = '<script>window.__xss = "script"</script>';
const IMG = '"><img src=x onerror="window.__xss=\'img\'">';
const SVG = "<svg onload=\"window.__xss='svg'\"></svg>";
const TITLE = `Gipfeltreffen ${SCRIPT} ${IMG}`;
const BODY = [
  `Berlin - Die Außenminister trafen sich am Montag zu Gesprächen über eine Waffenruhe ${SCRIPT}.`,
  `Ein Sprecher sagte, die Gespräche seien ${IMG} konstruktiv gewesen ${SVG}.`,
  `Javascript-Link: <a href="javascript:window.__xss='href'">klick</a> und ' onmouseover='window.__xss=1' x='.`,
].join('\n\n');

let dir: string;
let store: Awaited<ReturnType<typeof freshStore>>;
let server: Server;
let browser: BrowserSession;
let articleId: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chronik-xss-'));
  writeFileSync(
    join(dir, 'hostile.jsonl'),
    `${JSON.stringify({ title: TITLE, text: BODY, url: 'https://example.org/hostile', published: '2025-08-07', source: `Böse ${IMG} Zeitung`, language: 'de' })}\n`,
  );
  writeFileSync(join(dir, 'hostile.txt'), `${TITLE}\n\n8. August 2025\n\n${BODY}\n`);
  store = await freshStore('pglite');
  const summary = await ingest(store.db, [dir]);
  assert.equal(summary.failed, 0, JSON.stringify(summary.failures));
  const rows = await store.db.query<{ id: string }>("SELECT id FROM articles WHERE text LIKE '%<script>%' ORDER BY id");
  assert.ok(rows.length >= 1, 'the hostile article is stored with its markup as text');
  articleId = (rows[0] as { id: string }).id;
  server = await startWeb(store.db);
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await store?.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function assertInert(path: string, expectText: string[]): Promise<void> {
  const { page, problems } = browser;
  await page.goto(server.url + path);
  await page.waitForLoadState('load');
  const flag = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null);
  assert.equal(flag, null, `payload executed on ${path}`);
  assert.deepEqual(problems.filter((p) => p.startsWith('dialog') || p.startsWith('pageerror')), [], `problems on ${path}`);
  // No element from the payloads made it into the DOM.
  assert.equal(await page.locator('main img, main svg[onload], main script, main a[href^="javascript:"]').count(), 0, `injected element on ${path}`);
  const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  for (const t of expectText) assert.ok(text.includes(t), `${path} shows ${JSON.stringify(t)} as text`);
}

test('the article page shows the payloads as text and runs none of them', async () => {
  await assertInert(`/articles/${encodeURIComponent(articleId)}`, ['<script>window.__xss = "script"</script>', '<img src=x onerror=']);
  await screenshot(browser.page, 'xss-article');
});

test('overview, article list and search show hostile titles escaped', async () => {
  await assertInert('/', ['Gipfeltreffen <script>']);
  await assertInert('/articles', ['Gipfeltreffen <script>']);
  await assertInert('/search?q=Waffenruhe', ['Gipfeltreffen <script>']);
  // The snippet keeps its highlight marks but nothing else of the markup.
  assert.ok((await browser.page.locator('.snippet mark').count()) >= 1, 'search snippet highlights the match');
  await assertInert(`/search?q=${encodeURIComponent('Gespräche')}&source=${encodeURIComponent(`Böse ${IMG} Zeitung`)}`, []);
});

test('every response carries a CSP that forbids inline script', async () => {
  const res = await fetch(`${server.url}/articles/${encodeURIComponent(articleId)}`);
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  const body = await res.text();
  assert.ok(!body.includes('<script>window'), 'raw payload never appears unescaped in the HTML');
  assert.doesNotMatch(body, /<[^>]*\son(error|load|mouseover|click)=/i);
});
