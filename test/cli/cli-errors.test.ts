import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chronik, type Run } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'chronik-cli-errors-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Asserts a failed run: non-zero exit, nothing on stdout, exactly one `chronik: …` line on stderr. */
function assertOneLineError(r: Run, pattern: RegExp): void {
  assert.notEqual(r.code, 0, `expected failure, got stdout ${r.stdout}`);
  assert.equal(r.stdout, '');
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `stderr was: ${r.stderr}`);
  assert.match(lines[0] ?? '', /^chronik: /);
  assert.match(lines[0] ?? '', pattern);
}

test('argument-parser errors are one `chronik:` line on stderr with a non-zero exit', async () => {
  assertOneLineError(await chronik(['bogus']), /unknown command 'bogus'/);
  assertOneLineError(await chronik(['search', '--db', join(dir, 'none')]), /missing required argument 'query'/);
  assertOneLineError(await chronik(['export', '--db', join(dir, 'none')]), /--format/);
});

test('--help and --version still print on stdout and exit 0', async () => {
  const help = await chronik(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: chronik/);
  assert.equal(help.stderr, '');
  const version = await chronik(['--version']);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  const sub = await chronik(['articles', '--help']);
  assert.equal(sub.code, 0);
  assert.match(sub.stdout, /Usage: chronik articles/);
});

test('reading commands refuse a --db that holds no store, and do not create it', async () => {
  const missing = join(dir, 'typo', 'store');
  const runs = await Promise.all([
    ['articles'], ['article', 'tx'], ['entities'], ['timeline'], ['stories'], ['search', 'Gipfel'],
    ['export', '--format', 'csv'], ['serve', '--port', '0'],
  ].map((args) => chronik([...args, '--db', missing])));
  for (const r of runs) assertOneLineError(r, /^chronik: no store at .*typo\/store \(run chronik ingest PATH --db .*typo\/store first\)$/);
  assert.equal(existsSync(join(dir, 'typo')), false, 'no directory was created');

  const file = join(dir, 'notes.txt');
  writeFileSync(file, 'not a store');
  assertOneLineError(await chronik(['articles', '--db', file]), /^chronik: .*notes\.txt is a file, not a store directory$/);
  assertOneLineError(await chronik(['ingest', '-', '--db', file], { input: 'Titel\n\nText.\n' }), /is a file, not a store directory$/);
});

test('--from/--to of every command take TIMEX3 calendar values and refuse bad dates with one line', async () => {
  const db = join(dir, 'dated');
  const ing = await chronik(['ingest', '-', '--db', db, '--json'], { input: 'Gipfel vereinbart\n5. August 2025\n\nBeide Regierungen haben einen Gipfel in Abu Dhabi vereinbart.\n' });
  assert.equal(ing.code, 0, ing.stderr);
  for (const args of [['articles', '--from', '2025-13'], ['articles', '--to', '2025-02-30'], ['timeline', '--from', '2025-13'], ['timeline', '--to', '2025-Q5']]) {
    assertOneLineError(await chronik([...args, '--db', db]), /^chronik: --(from|to) must be a date \(YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www or YYYY-Qn\), got "/);
  }
  // --to covers the whole of its period: an article of 5 August is "up to 2025-08" and in 2025-W32.
  const upTo = JSON.parse((await chronik(['articles', '--to', '2025-08', '--json', '--db', db])).stdout) as unknown[];
  assert.equal(upTo.length, 1);
  const week = JSON.parse((await chronik(['articles', '--from', '2025-W32', '--to', '2025-W32', '--json', '--db', db])).stdout) as unknown[];
  assert.equal(week.length, 1);
  const before = JSON.parse((await chronik(['articles', '--to', '2025-Q2', '--json', '--db', db])).stdout) as unknown[];
  assert.equal(before.length, 0);
});
