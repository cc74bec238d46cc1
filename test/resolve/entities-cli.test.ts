import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chronik } from '../helpers/cli.js';

let dir: string;
let db: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chronik-entities-'));
  db = join(dir, 'store');
  const file = join(dir, 'telefonat.txt');
  writeFileSync(file, `Trump und Putin telefonieren, Selenskyj wartet
8. Juli 2025

Washington - US-Präsident Donald Trump hat am Dienstag mit Kremlchef Wladimir Putin telefoniert. Kreml-Sprecher Dmitri Peskow sprach von einem sachlichen Gespräch. Putins Berater Juri Uschakow sagte, ein Treffen sei möglich. Der Kreml erklärte, man sei gesprächsbereit. Peskov nannte keinen Termin.
`);
  const r = await chronik(['ingest', file, '--db', db]);
  assert.equal(r.code, 0, r.stderr);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('chronik entities --json: one document, each person once with roles and seen aliases', async () => {
  const r = await chronik(['entities', '--json', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const ents = JSON.parse(r.stdout) as { id: string; name: string; type: string; kbId: string | null; roles: { role: string; of: string; start?: string; end?: string }[]; aliases: string[]; mentions: number; articles: number }[];
  const names = ents.filter((e) => e.type === 'PER').map((e) => e.name).sort();
  // Selenskyj is named in the title only: titles are analysed for entities too.
  assert.deepEqual(names, ['Dmitri Peskow', 'Donald Trump', 'Juri Uschakow', 'Wladimir Putin', 'Wolodymyr Selenskyj']);
  const putin = ents.find((e) => e.name === 'Wladimir Putin')!;
  assert.deepEqual(new Set(putin.aliases), new Set(['Wladimir Putin', 'Putin'])); // `Putins` counts as `Putin`
  assert.equal(putin.kbId, 'wladimir-putin');
  assert.equal(putin.articles, 1);
  assert.equal(putin.mentions, 3, 'the title counts: Putin (title), Wladimir Putin, Putins (body)');
  assert.ok(putin.roles.some((x) => x.role === 'head_of_state' && x.of === 'RU' && x.start === '2012-05-07' && !x.end));
  const peskow = ents.find((e) => e.name === 'Dmitri Peskow')!;
  assert.deepEqual(new Set(peskow.aliases), new Set(['Dmitri Peskow', 'Peskov']));
  const per = await chronik(['entities', '--json', '--type', 'per', '--db', db]);
  assert.ok((JSON.parse(per.stdout) as { type: string }[]).every((e) => e.type === 'PER'));
  const bad = await chronik(['entities', '--type', 'XYZ', '--db', db]);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--type/);
  const table = await chronik(['entities', '--db', db]);
  assert.equal(table.code, 0);
  assert.match(table.stdout, /Wladimir Putin/);
});

test('chronik article ID --json lists mentions with offsets, entity ids, roles and metonyms', async () => {
  const list = JSON.parse((await chronik(['articles', '--json', '--db', db])).stdout) as { id: string }[];
  const r = await chronik(['article', list[0]!.id, '--json', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const a = JSON.parse(r.stdout) as { title: string; text: string; mentions: { field: 'title' | 'body'; start: number; end: number; text: string; entityId: string | null; role: string | null; metonym: boolean; standsFor: string | null }[] };
  assert.ok(a.mentions.length >= 8);
  // Offsets into the body text, or into the title for headline mentions.
  for (const m of a.mentions) assert.equal((m.field === 'title' ? a.title : a.text).slice(m.start, m.end), m.text);
  assert.deepEqual(a.mentions.filter((m) => m.field === 'title').map((m) => [m.text, m.start, m.entityId]), [
    ['Trump', 0, 'kb:donald-trump'], ['Putin', 10, 'kb:wladimir-putin'], ['Selenskyj', 30, 'kb:wolodymyr-selenskyj'],
  ]);
  const trump = a.mentions.find((m) => m.text === 'Donald Trump')!;
  assert.equal(trump.entityId, 'kb:donald-trump');
  assert.equal(trump.role, 'US-Präsident');
  const kreml = a.mentions.find((m) => m.text === 'Kreml')!;
  assert.equal(kreml.metonym, true);
  assert.equal(kreml.standsFor, 'kb:RU');
});
