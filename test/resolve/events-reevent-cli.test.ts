import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chronikSync } from '../helpers/cli.js';

// `chronik reevent` as a user runs it: after a one-batch ingest, merging again gives the same timeline.
let dir = '';
const run = (...args: string[]): { code: number; out: string; err: string } => {
  const r = chronikSync([...args, '--db', dir], { env: process.env });
  return { code: r.code ?? 1, out: r.stdout, err: r.stderr };
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'chronik-reevent-'));
  const r = run('ingest', 'examples/corpus/dpa', 'examples/corpus/elbflorenz-bote');
  assert.equal(r.code, 0, r.err);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('reevent --json merges every mention again; the timeline stays the same', () => {
  const before = JSON.parse(run('timeline', '--json').out) as { id: string; evidence: unknown[] }[];
  assert.ok(before.length > 0);
  const r = run('reevent', '--json');
  assert.equal(r.code, 0, r.err);
  const counts = JSON.parse(r.out) as { mentions: number; events: number };
  assert.equal(counts.events, before.length);
  assert.ok(counts.mentions >= before.reduce((n, e) => n + e.evidence.length, 0));
  assert.deepEqual(JSON.parse(run('timeline', '--json').out), before);
  assert.match(run('reevent').out, /^\d+ event mentions in \d+ events\n$/);
  assert.match(chronikSync(['--help'], { env: process.env }).stdout, /reevent/);
});
