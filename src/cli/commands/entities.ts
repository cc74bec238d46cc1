import type { Command } from 'commander';
import { kb, type KbRole } from '../../kb/index.js';
import type { Queryable } from '../../store/db.js';
import { listEntities, listMentions, type EntitySummary } from '../../store/entities.js';
import { CliError } from '../errors.js';
import { printJson, printTable, type Column } from '../format.js';
import { addDbOption, addJsonOption, withStore, type DbOptions, type JsonOptions } from '../options.js';
import { articleExtras } from './article.js';

interface EntitiesOptions extends DbOptions, JsonOptions {
  type?: string;
}

/** One entity as `chronik entities --json` prints it. */
export interface EntityJson extends EntitySummary {
  /** Dated roles from the knowledge base (empty for entities without a KB entry). */
  roles: KbRole[];
}

const TYPES = ['PER', 'LOC', 'ORG', 'MISC'];

export async function entitiesJson(db: Queryable, type?: string): Promise<EntityJson[]> {
  const rows = await listEntities(db, { type });
  return rows.map((e) => ({ ...e, roles: e.kbId ? kb().get(e.kbId)?.roles ?? [] : [] }));
}

const roleText = (r: KbRole): string => `${r.role}@${r.of} ${r.start ?? '?'}–${r.end ?? ''}`;

const COLUMNS: Column<EntityJson>[] = [
  { header: 'type', value: (e) => e.type },
  { header: 'name', value: (e) => e.name, max: 32 },
  { header: 'mentions', value: (e) => e.mentions, align: 'right' },
  { header: 'articles', value: (e) => e.articles, align: 'right' },
  { header: 'kb', value: (e) => e.kbId, max: 24 },
  { header: 'aliases', value: (e) => e.aliases.join(', '), max: 50 },
  { header: 'roles', value: (e) => e.roles.map(roleText).join('; '), max: 60 },
];

export function register(program: Command): void {
  const cmd = program
    .command('entities')
    .description('list the corpus entities: canonical name, type, KB id, roles, aliases seen, counts')
    .option('--type <type>', 'only PER, LOC, ORG or MISC');
  addDbOption(cmd);
  addJsonOption(cmd);
  cmd.action(async (opts: EntitiesOptions) => {
    const type = opts.type?.toUpperCase();
    if (type && !TYPES.includes(type)) throw new CliError(`--type must be one of ${TYPES.join(', ')}, got "${opts.type}"`);
    const rows = await withStore(opts, (db) => entitiesJson(db, type));
    if (opts.json) printJson(rows);
    else printTable(rows, COLUMNS, 'No entities. Add articles with: chronik ingest PATH');
  });
}

// `chronik article ID --json` lists the article's mentions with offsets and entity ids; `field`
// says whether the offsets are into `text` (body) or `title`.
articleExtras.push({
  key: 'mentions',
  load: async (db, id) =>
    (await listMentions(db, id)).map((m) => ({
      field: m.field, start: m.start, end: m.end, text: m.text, normalized: m.normalized, type: m.type, sentence: m.sentence,
      entityId: m.entityId, kbId: m.kbId ?? null, role: m.role ?? null, metonym: m.metonym ?? false,
      standsFor: m.standsFor,
    })),
  print: (value) => {
    const ms = value as { text: string; type: string; entityId: string | null; start: number }[];
    return ms.length ? [`mentions: ${ms.map((m) => `${m.text} [${m.type}${m.entityId ? ` → ${m.entityId}` : ''}]`).join(', ')}`] : [];
  },
});
