import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chronik } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'chronik-origins-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a file has one origin, its absolute path: re-ingesting it by a relative path is unchanged', async () => {
  const file = join(dir, 'waffenruhe.txt');
  writeFileSync(file, 'Waffenruhe gefordert\n2025-08-01\n\nDie Außenminister fordern in Genf eine sofortige Waffenruhe.\n');
  const db = join(dir, 'store');

  const first = await chronik(['ingest', file, '--db', db, '--json']);
  assert.equal(first.code, 0, first.stderr);
  assert.equal((JSON.parse(first.stdout) as { new: number }).new, 1);

  const rel = relative(process.cwd(), file);
  assert.ok(!rel.startsWith('/'), rel);
  const again = await chronik(['ingest', rel, '--db', db, '--json']);
  assert.equal(again.code, 0, again.stderr);
  const s = JSON.parse(again.stdout) as { new: number; duplicates: number; unchanged: number };
  assert.deepEqual([s.new, s.duplicates, s.unchanged], [0, 0, 1]);

  const list = JSON.parse((await chronik(['articles', '--json', '--db', db])).stdout) as { id: string; origin: string }[];
  assert.equal(list.length, 1);
  assert.equal(list[0]?.origin, file);
  const art = JSON.parse((await chronik(['article', list[0]?.id ?? '', '--json', '--db', db])).stdout) as { origins: { origin: string }[] };
  assert.deepEqual(art.origins.map((o) => o.origin), [file]);
});
