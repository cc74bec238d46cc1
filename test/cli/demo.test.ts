import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chronikSync } from '../helpers/cli.js';

const run = (args: string[]) => chronikSync(args, { env: { ...process.env, DATABASE_URL: '' } });

test('demo ingests the sample corpus into a fresh store, prints what it found, and refuses foreign directories', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronik-demo-'));
  try {
    const store = join(dir, 'demo');
    const r = run(['demo', '--no-serve', '--db', store]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /into a fresh embedded store at /);
    const summary = /read (\d+), new (\d+), duplicates (\d+), unchanged (\d+), failed (\d+)/.exec(r.stdout);
    assert.ok(summary, r.stdout);
    assert.ok(Number(summary[2]) >= 15, 'at least 15 sample articles stored');
    assert.equal(summary[5], '0', 'the sample corpus ingests without failures');
    assert.match(r.stdout, /^Articles: \d+ \(\d+ originals/m);
    assert.match(r.stdout, /^Languages: .*de \d+/m);
    assert.ok(existsSync(join(store, '.chronik-demo')));

    const foreign = join(dir, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'keep me');
    const refused = run(['demo', '--no-serve', '--db', foreign]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^chronik: .*is not a Chronik demo store/);
    assert.ok(existsSync(join(foreign, 'notes.txt')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
