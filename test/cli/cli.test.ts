import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chronik, type Run } from '../helpers/cli.js';

let dir: string;
let db: string;
let ingestRun: Run;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chronik-cli-'));
  db = join(dir, 'store');
  const inputs = join(dir, 'in');
  await import('node:fs/promises').then((fs) => fs.mkdir(inputs));
  writeFileSync(join(inputs, 'gipfel.txt'), `Gipfel in Abu Dhabi vereinbart
5. August 2025
Von Jana Muster

Abu Dhabi - Nach den Gesprächen in Riad haben beide Regierungen einen Gipfel in Abu Dhabi vereinbart.
Das Treffen soll Mitte August stattfinden, sagte ein Sprecher.
`);
  writeFileSync(join(inputs, 'telefonat.txt'), `Präsidenten telefonieren zwei Stunden
2025-07-08

Washington - Die beiden Präsidenten haben am Dienstag lange miteinander telefoniert und ein Treffen in Aussicht gestellt.
`);
  writeFileSync(join(inputs, 'leer.txt'), '');
  ingestRun = await chronik(['ingest', inputs, '--db', db]);
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('ingest prints one summary line and the failures, exit code 2 when some inputs failed', () => {
  assert.equal(ingestRun.code, 2, ingestRun.stderr);
  const lines = ingestRun.stdout.trim().split('\n');
  assert.match(lines[0] ?? '', /^read 3, new 2, duplicates 0, unchanged 0, failed 1 \(/);
  assert.match(lines[1] ?? '', /failed: .*leer\.txt: /);
  // stderr may carry progress notes of corpus work; the error is its one `chronik:` line, last.
  const errLines = ingestRun.stderr.trim().split('\n');
  assert.equal(errLines.at(-1), 'chronik: 1 of 3 inputs failed');
  assert.equal(errLines.filter((l) => l.startsWith('chronik:')).length, 1);
});

test('articles --json prints one JSON array with the agreed fields', async () => {
  const r = await chronik(['articles', '--json', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
  assert.equal(rows.length, 2);
  assert.deepEqual(Object.keys(rows[0] ?? {}).sort(),
    ['author', 'duplicateOf', 'id', 'language', 'origin', 'published', 'source', 'storyId', 'title']);
  assert.deepEqual(rows.map((a) => a.published), ['2025-07-08', '2025-08-05']);
  assert.equal(rows[1]?.title, 'Gipfel in Abu Dhabi vereinbart');
  assert.equal(rows[1]?.language, 'de');

  const table = await chronik(['articles', '--db', db, '--limit', '1']);
  assert.equal(table.code, 0);
  assert.match(table.stdout, /^id\s+published/);
  assert.equal(table.stdout.trim().split('\n').length, 3);
});

test('article ID --json gives the full text; an unknown id is a one-line error', async () => {
  const list = JSON.parse((await chronik(['articles', '--json', '--db', db])).stdout) as { id: string; title: string }[];
  const id = list.find((a) => a.title.startsWith('Gipfel'))?.id ?? '';
  const r = await chronik(['article', id, '--json', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const a = JSON.parse(r.stdout) as { id: string; text: string; origins: { origin: string }[] };
  assert.equal(a.id, id);
  assert.match(a.text, /Gipfel in Abu Dhabi vereinbart\./);
  assert.equal(a.origins.length, 1);

  const missing = await chronik(['article', 'nope', '--db', db]);
  assert.equal(missing.code, 1);
  assert.equal(missing.stdout, '');
  assert.equal(missing.stderr, 'chronik: no article with id nope\n');
});

test('search --json ranks stemmed hits with snippets', async () => {
  const r = await chronik(['search', 'Gespräch', '--json', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const res = JSON.parse(r.stdout) as { total: number; hits: { title: string; snippet: string; highlights: [number, number][] }[] };
  assert.equal(res.total, 1);
  const hit = res.hits[0];
  assert.equal(hit?.title, 'Gipfel in Abu Dhabi vereinbart');
  const [s, e] = hit?.highlights[0] ?? [0, 0];
  assert.equal(hit?.snippet.slice(s, e), 'Gesprächen');
  // Matches in the title come with offsets into the title.
  const t = JSON.parse((await chronik(['search', 'Gipfel', '--json', '--db', db])).stdout) as { hits: { title: string; titleHighlights: [number, number][] }[] };
  const th = t.hits.find((h) => h.title === 'Gipfel in Abu Dhabi vereinbart');
  assert.deepEqual(th?.titleHighlights.map(([a, b]) => th.title.slice(a, b)), ['Gipfel']);
});

test('a second ingest changes nothing; stdin works', async () => {
  const r = await chronik(['ingest', join(dir, 'in', 'gipfel.txt'), '--db', db, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout) as { new: number; unchanged: number };
  assert.deepEqual([s.new, s.unchanged], [0, 1]);
  const piped = await chronik(['ingest', '-', '--db', db, '--json'], {
    input: 'Waffenruhe gefordert\n\nDie Außenminister fordern eine sofortige Waffenruhe und neue Gespräche in Genf.\n',
  });
  assert.equal(piped.code, 0, piped.stderr);
  assert.equal((JSON.parse(piped.stdout) as { new: number }).new, 1);
});

test('--help on every command, usage errors and bad stores exit non-zero with one line', async () => {
  const help = await chronik(['--help']);
  assert.equal(help.code, 0);
  for (const cmd of ['ingest', 'articles', 'article', 'search', 'serve', 'demo']) assert.match(help.stdout, new RegExp(`\\b${cmd}\\b`));
  // Bare `chronik` asks for the same help: on stdout, exit 0, nothing on stderr.
  const bare = await chronik([]);
  assert.equal(bare.code, 0, bare.stderr);
  assert.equal(bare.stdout, help.stdout);
  assert.equal(bare.stderr, '');
  const sub = await chronik(['search', '--help']);
  assert.equal(sub.code, 0);
  assert.match(sub.stdout, /--json/);
  assert.match(sub.stdout, /--db/);

  const unknown = await chronik(['frobnicate']);
  assert.notEqual(unknown.code, 0);
  assert.match(unknown.stderr, /unknown command/);

  const badLimit = await chronik(['articles', '--limit', 'many', '--db', db]);
  assert.notEqual(badLimit.code, 0);
  assert.match(badLimit.stderr, /--limit must be an integer/);

  const badDb = await chronik(['articles', '--db', 'postgres://nobody@127.0.0.1:1/none']);
  assert.equal(badDb.code, 1);
  assert.equal(badDb.stderr.trim().split('\n').length, 1);
  assert.match(badDb.stderr, /^chronik: cannot open store postgres:\/\/nobody@127\.0\.0\.1:1\/none: /);
});
