import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths, packageRoot } from '../../src/paths.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { entitiesJson, type EntityJson } from '../../src/cli/commands/entities.js';
import type { Db } from '../../src/store/db.js';
import { freshStore } from '../helpers/db.js';

interface GoldEntity { name: string; type: string; variants: string[] }

const corpus = join(paths.examples, 'corpus');
const goldFile = join(packageRoot, 'eval', 'gold', 'entities.json');
const ready = existsSync(corpus) && existsSync(goldFile);

let db: Db;
let drop: () => Promise<void>;
let ents: EntityJson[] = [];

before(async () => {
  if (!ready) return;
  ({ db, drop } = await freshStore('pglite'));
  await ingest(db, [corpus]);
  ents = await entitiesJson(db);
});
after(async () => {
  if (ready) await drop();
});

test('sample corpus: each person of the gold list is one entity, with its variants merged', { skip: !ready }, () => {
  const gold = (JSON.parse(readFileSync(goldFile, 'utf8')) as GoldEntity[]).filter((g) => g.type === 'PER');
  assert.ok(gold.length >= 10);
  const problems: string[] = [];
  for (const g of gold) {
    const variants = new Set(g.variants);
    const hits = ents.filter((e) => e.aliases.some((a) => variants.has(a)));
    if (hits.length !== 1) {
      problems.push(`${g.name}: ${hits.length} entities (${hits.map((h) => h.name).join(', ')})`);
      continue;
    }
    if (hits[0]!.type !== 'PER') problems.push(`${g.name}: type ${hits[0]!.type}`);
  }
  assert.deepEqual(problems, []);
});

test('sample corpus: no heading, boilerplate or role word became a person', { skip: !ready }, () => {
  const bad = ents.filter((e) => e.type === 'PER' && /^(Fazit|Warum|Empfehlungen|Details|Kremlchef|US-Präsident|Sprecher)\b/.test(e.name));
  assert.deepEqual(bad.map((e) => e.name), []);
  // Every person found (titles included) is one the team wrote into the corpus.
  const gold = (JSON.parse(readFileSync(goldFile, 'utf8')) as GoldEntity[]).filter((g) => g.type === 'PER');
  const forms = new Set(gold.flatMap((g) => [g.name, ...g.variants]));
  assert.deepEqual(ents.filter((e) => e.type === 'PER' && ![e.name, ...e.aliases].some((a) => forms.has(a))).map((e) => e.name), []);
});

test('sample corpus: a role written as an apposition in front of the name is its role', { skip: !ready }, async () => {
  // `Gastgeber war der Präsident der Vereinigten Arabischen Emirate, Mohammed bin Zayed.`
  const rows = await db.query<{ role: string | null }>("SELECT role FROM mentions WHERE text = 'Mohammed bin Zayed'");
  assert.ok(rows.length >= 2);
  assert.ok(rows.every((r) => r.role === 'Präsident der Vereinigten Arabischen Emirate'), JSON.stringify(rows));
});
