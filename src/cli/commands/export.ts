import type { Command } from 'commander';
import { kb } from '../../kb/index.js';
import type { Queryable } from '../../store/db.js';
import { listEvents, type TimelineEvent } from '../../store/events.js';
import { CliError } from '../errors.js';
import { addDbOption, withStore, type DbOptions } from '../options.js';
import { timelineEntry } from './timeline.js';

interface ExportOptions extends DbOptions {
  format: string;
}

interface PloverActor {
  entity_text: string;
  identifier_id: string | null;
}

/** Wikidata id (else KB id) of each participant name, from the stored mentions. */
async function identifiers(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.query<{ name: string; kb_id: string | null }>(
    `SELECT DISTINCT p->>'name' AS name, p->>'kbId' AS kb_id FROM event_mentions m, jsonb_array_elements(m.actors || m.recipients) p
      WHERE p->>'kbId' IS NOT NULL`,
  );
  const out = new Map<string, string>();
  for (const r of rows) if (r.kb_id) out.set(r.name, kb().get(r.kb_id)?.wikidata ?? r.kb_id);
  return out;
}

async function links(db: Queryable, ids: readonly string[]): Promise<Map<string, string | null>> {
  const rows = await db.query<{ id: string; url: string | null }>('SELECT id, url FROM articles WHERE id = ANY($1::text[])', [[...ids]]);
  return new Map(rows.map((r) => [r.id, r.url]));
}

function ploverRecord(e: TimelineEvent, ids: Map<string, string>, urls: Map<string, string | null>): Record<string, unknown> {
  const who = (names: string[]): PloverActor[] => names.map((n) => ({ entity_text: n, identifier_id: ids.get(n) ?? null }));
  const first = e.evidence[0];
  return {
    id: e.id,
    date: e.dateValue,
    date_source: e.dateSource,
    event_type: e.type,
    mode: e.mode,
    status: e.status,
    actor: who(e.actors),
    recipient: who(e.recipients),
    event_loc: e.place,
    event_text: first?.sentence ?? null,
    link: first ? urls.get(first.articleId) ?? first.articleId : null,
    sources: e.sources,
    evidence: e.evidence.map((x) => ({ article_id: x.articleId, sentence: x.sentence, link: urls.get(x.articleId) ?? null, ...(x.field === 'title' ? { field: 'title' } : {}) })),
  };
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function register(program: Command): void {
  const cmd = program
    .command('export')
    .description('export merged events: plover (PLOVER-style JSON records), csv (one row per event), jsonl (timeline entries)')
    .requiredOption('--format <f>', 'plover | csv | jsonl');
  addDbOption(cmd);
  cmd.action(async (opts: ExportOptions) => {
    if (!['plover', 'csv', 'jsonl'].includes(opts.format)) throw new CliError(`--format must be plover, csv or jsonl, got "${opts.format}"`);
    const out = await withStore(opts, async (db) => {
      const events = await listEvents(db);
      if (opts.format === 'jsonl') return events.map((e) => JSON.stringify(timelineEntry(e))).join('\n') + (events.length ? '\n' : '');
      if (opts.format === 'csv') {
        const head = ['id', 'date', 'date_source', 'type', 'mode', 'status', 'actors', 'recipients', 'place', 'sources', 'mentions', 'first_article', 'first_sentence'];
        const rows = events.map((e) => [e.id, e.dateValue, e.dateSource, e.type, e.mode, e.status, e.actors.join('; '), e.recipients.join('; '),
          e.place, e.sources, e.evidence.length, e.evidence[0]?.articleId, e.evidence[0]?.sentence].map(csvCell).join(','));
        return [head.join(','), ...rows].join('\n') + '\n';
      }
      const ids = await identifiers(db);
      const urls = await links(db, [...new Set(events.flatMap((e) => e.evidence.map((x) => x.articleId)))]);
      return `${JSON.stringify(events.map((e) => ploverRecord(e, ids, urls)), null, 2)}\n`;
    });
    process.stdout.write(out);
  });
}
