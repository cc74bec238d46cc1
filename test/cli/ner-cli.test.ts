import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chronikSync } from '../helpers/cli.js';

const ner = (args: string[], input: string) => chronikSync(['ner', ...args], { input, env: { ...process.env, FORCE_COLOR: '0' } });

test('chronik ner reads CoNLL by default; --conll is still accepted and gives the same output', () => {
  const input = 'Gestern\nsprach\nEmmanuel\nMacron\nin\nBerlin\n.\n';
  const plain = ner([], input);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stderr, '');
  const rows = plain.stdout.trim().split('\n').map((l) => l.split('\t'));
  assert.deepEqual(rows.map((r) => r[0]), ['Gestern', 'sprach', 'Emmanuel', 'Macron', 'in', 'Berlin', '.']);
  assert.ok(rows.every((r) => /^(O|[BI]-(PER|LOC|ORG|OTH))$/.test(r[1] ?? '')), plain.stdout);
  assert.equal(rows[5]?.[1], 'B-LOC');
  const conll = ner(['--conll', '-'], input);
  assert.equal(conll.code, 0, conll.stderr);
  assert.equal(conll.stdout, plain.stdout);
});
