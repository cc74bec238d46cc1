/**
 * Entity canonicalisation on the sample corpus (examples/corpus) against eval/gold/entities.json:
 * ingests the corpus into an in-memory store, then for each gold entity checks that it was found,
 * is exactly one corpus entity (variants merged), and has the right type; how many corpus
 * entities match no gold entity; and how many of the gold roles written in German articles are the
 * role of one of the entity's mentions (in front of the name or as an apposition). Prints the
 * figures and writes eval/results/entities.json (not with CHRONIK_NO_WRITE set).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entitiesJson } from '../src/cli/commands/entities.js';
import { packageRoot, paths } from '../src/paths.js';
import { ingest } from '../src/pipeline/ingest.js';
import { openStore } from '../src/store/open.js';
import { writeResults } from './results-file.js';

interface GoldEntity { name: string; type: string; variants: string[]; roles?: string[] }

const gold = JSON.parse(readFileSync(join(packageRoot, 'eval', 'gold', 'entities.json'), 'utf8')) as GoldEntity[];
const db = await openStore('memory://');
const t0 = Date.now();
await ingest(db, [join(paths.examples, 'corpus')]);
const seconds = (Date.now() - t0) / 1000;
const ents = await entitiesJson(db);
// Roles as written with each entity's mentions (in front of the name or as an apposition).
const roleRows = await db.query<{ entity_id: string; role: string }>('SELECT DISTINCT entity_id, role FROM mentions WHERE role IS NOT NULL AND entity_id IS NOT NULL');
const germanText = (await db.query<{ t: string }>("SELECT coalesce(title, '') || ' ' || text AS t FROM articles WHERE language = 'de'")).map((r) => r.t).join('\n');
await db.close();
const rolesOf = new Map<string, Set<string>>();
for (const r of roleRows) rolesOf.set(r.entity_id, (rolesOf.get(r.entity_id) ?? new Set()).add(r.role));

const rows = gold.map((g) => {
  // Aliases are names with inflection removed (`Frankreich`), the gold lists surface forms
  // (`Frankreichs`): the gold's canonical name counts as one of its forms.
  const variants = new Set([g.name, ...g.variants]);
  const hits = ents.filter((e) => [e.name, ...e.aliases].some((a) => variants.has(a)));
  const best = hits.sort((a, b) => b.mentions - a.mentions)[0];
  // Gold roles written in the German articles (notes in brackets dropped): is each the role of a mention?
  const goldRoles = (g.roles ?? []).map((r) => r.replace(/\s*\(.*\)$/, '')).filter((r) => germanText.includes(r));
  const seenRoles = best ? rolesOf.get(best.id) ?? new Set<string>() : new Set<string>();
  return {
    name: g.name, type: g.type, found: hits.length > 0, entities: hits.length,
    roles: goldRoles.length, rolesFound: goldRoles.filter((r) => seenRoles.has(r)).length,
    missingRoles: goldRoles.filter((r) => !seenRoles.has(r)),
    typeOk: best?.type === (g.type === 'OTH' ? 'MISC' : g.type),
    got: hits.map((h) => `${h.name} [${h.type}${h.kbId ? ` ${h.kbId}` : ''}]`),
  };
});
const goldVariants = new Set(gold.flatMap((g) => [g.name, ...g.variants]));
const extra = ents.filter((e) => ![e.name, ...e.aliases].some((a) => goldVariants.has(a)));

const by = (type?: string) => {
  const rs = rows.filter((r) => !type || r.type === type);
  return {
    gold: rs.length,
    found: rs.filter((r) => r.found).length,
    exactlyOnce: rs.filter((r) => r.entities === 1).length,
    exactlyOnceRightType: rs.filter((r) => r.entities === 1 && r.typeOk).length,
  };
};
const result = {
  corpus: 'examples/corpus',
  gold: 'eval/gold/entities.json',
  ingestSeconds: seconds,
  overall: by(),
  PER: by('PER'), ORG: by('ORG'), LOC: by('LOC'), MISC: by('MISC'),
  roles: { gold: rows.reduce((n, r) => n + r.roles, 0), found: rows.reduce((n, r) => n + r.rolesFound, 0) },
  systemEntities: ents.length,
  systemEntitiesMatchingGold: ents.length - extra.length,
  notInGold: extra.map((e) => `${e.name} [${e.type}]`),
  problems: rows.filter((r) => r.entities !== 1 || !r.typeOk),
};
for (const k of ['overall', 'PER', 'ORG', 'LOC', 'MISC'] as const) {
  const r = result[k];
  console.log(`${k.padEnd(8)} gold ${String(r.gold).padStart(3)}  found ${String(r.found).padStart(3)}  exactly one entity ${String(r.exactlyOnce).padStart(3)}  …with right type ${String(r.exactlyOnceRightType).padStart(3)}`);
}
console.log(`system entities ${result.systemEntities}, of which match a gold entity ${result.systemEntitiesMatchingGold}`);
console.log(`roles    gold role forms in German articles ${result.roles.gold}, found as a mention's role ${result.roles.found}`);
for (const r of rows) if (r.missingRoles.length) console.log(`  role missing: ${r.name}: ${r.missingRoles.join(', ')}`);
for (const p of result.problems) console.log(`  problem: ${p.name} [${p.type}] → ${p.got.join(' | ') || 'not found'}`);
console.log(`  not in gold: ${result.notInGold.join(', ')}`);
writeResults('entities', result);
