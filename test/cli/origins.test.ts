import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source as a user would (`npx tsx src/cli/main.ts …`, without npx's start-up). */
function chronik(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, DATABASE_URL: '', FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end('');
  });
}

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
