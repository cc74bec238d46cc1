import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chronikSync, ingestedStore } from '../helpers/cli.js';

// `chronik reevent` as a user runs it: after a one-batch ingest, merging again gives the same timeline.
const { run } = ingestedStore('chronik-reevent-', ['examples/corpus/dpa', 'examples/corpus/elbflorenz-bote']);

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
