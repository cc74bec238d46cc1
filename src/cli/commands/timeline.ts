import type { Command } from 'commander';
import { eventMentionsOf, listEvents, warningsOf, type ArticleEventMention, type TimelineEvent, type WarningInput } from '../../store/events.js';
import { DATE_SHAPES, dateBound } from '../dates.js';
import { CliError } from '../errors.js';
import { printJson } from '../format.js';
import { addDbOption, addJsonOption, withStore, type DbOptions, type JsonOptions } from '../options.js';
import { articleExtras } from './article.js';
import { PLOVER_TYPES } from '../../model/index.js';

export interface TimelineOptions extends DbOptions, JsonOptions {
  entity?: string;
  story?: string;
  type?: string;
  from?: string;
  to?: string;
}

/** The JSON shape of one timeline entry (the CLI contract). */
export interface TimelineEntry {
  id: string;
  type: string;
  mode: string | null;
  date: string | null;
  dateSource: 'text' | 'publication';
  status: string;
  actors: string[];
  recipients: string[];
  place: string | null;
  sources: number;
  /** `field: 'title'` marks a headline (of an article whose body is evidence too: the same source). */
  evidence: { articleId: string; sentence: string; field?: 'title' }[];
}

export function timelineEntry(e: TimelineEvent): TimelineEntry {
  return {
    id: e.id,
    type: e.type,
    mode: e.mode,
    date: e.dateValue,
    dateSource: e.dateSource,
    status: e.status,
    actors: e.actors,
    recipients: e.recipients,
    place: e.place,
    sources: e.sources,
    evidence: e.evidence.map((x) => ({ articleId: x.articleId, sentence: x.sentence, ...(x.field === 'title' ? { field: 'title' as const } : {}) })),
  };
}

/** `--from`/`--to` take any TIMEX3 calendar value (`2025`, `2025-08`, `2025-08-07`, `2025-W33`, `2025-Q3`). */
function bound(value: string | undefined, name: string, end: boolean): string | undefined {
  return value === undefined ? undefined : dateBound(value, name, end);
}

export async function timelineEntries(db: Parameters<typeof listEvents>[0], opts: TimelineOptions): Promise<TimelineEntry[]> {
  const type = opts.type?.toUpperCase();
  if (type && !(PLOVER_TYPES as readonly string[]).includes(type)) throw new CliError(`--type must be one of ${PLOVER_TYPES.join(', ')}, got "${opts.type}"`);
  const events = await listEvents(db, {
    entity: opts.entity,
    storyId: opts.story,
    type,
    from: bound(opts.from, '--from', false),
    to: bound(opts.to, '--to', true),
  });
  return events.map(timelineEntry);
}

function line(e: TimelineEntry): string {
  const who = [e.actors.join(', ') || '?', e.recipients.length ? ` → ${e.recipients.join(', ')}` : ''].join('');
  const when = `${e.date ?? 'undated'}${e.dateSource === 'publication' ? '*' : ''}`;
  const what = e.mode ? `${e.type}/${e.mode}` : e.type;
  const extra = [e.place ? `in ${e.place}` : null, e.status !== 'asserted' ? e.status : null, `${e.sources} source${e.sources === 1 ? '' : 's'}`].filter(Boolean).join(', ');
  const quote = (x: { sentence: string } | undefined): string => `„${x?.sentence.replace(/\s+/g, ' ') ?? ''}“`;
  // A body sentence first; a headline that reports the event too follows, marked as one.
  const headline = e.evidence.find((x) => x.field === 'title');
  return `${when.padEnd(12)} ${what.padEnd(22)} ${who}  (${extra})\n${' '.repeat(13)}${quote(e.evidence.find((x) => x.field !== 'title') ?? e.evidence[0])}${
    headline ? `\n${' '.repeat(13)}headline: ${quote(headline)}` : ''}`;
}

export function register(program: Command): void {
  const cmd = program
    .command('timeline')
    .description('merged political events in date order, with their evidence (* = date of publication, not of the event)')
    .option('--entity <name>', 'only events with this actor or recipient (canonical name or as written)')
    .option('--story <id>', 'only events reported in this story')
    .option('--type <T>', `only this PLOVER type (${PLOVER_TYPES.join(', ')})`)
    .option('--from <date>', `only events on or after this date (${DATE_SHAPES})`)
    .option('--to <date>', `only events on or before this date (${DATE_SHAPES})`);
  addDbOption(cmd);
  addJsonOption(cmd);
  cmd.action(async (opts: TimelineOptions) => {
    const rows = await withStore(opts, (db) => timelineEntries(db, opts));
    if (opts.json) return printJson(rows);
    process.stdout.write(rows.length === 0 ? 'No events. Add articles with: chronik ingest PATH\n' : `${rows.map(line).join('\n')}\n`);
  });
}

// `chronik article ID` shows the article's event mentions and consistency warnings.
articleExtras.push(
  {
    key: 'events',
    load: (db, id) => eventMentionsOf(db, id),
    print: (v) => {
      const ms = v as ArticleEventMention[];
      if (ms.length === 0) return [];
      return ['events:', ...ms.map((m) => `  ${m.field === 'title' ? '[headline] ' : ''}${m.type}${m.mode ? `/${m.mode}` : ''} ${m.actors.map((a) => a.name).join(', ') || '?'}${m.recipients.length ? ` → ${m.recipients.map((r) => r.name).join(', ')}` : ''} ${m.date.value ?? ''}${m.date.source === 'publication' ? '*' : ''} ${m.place ? `in ${m.place} ` : ''}(${m.status}) «${m.trigger.text}»`)];
    },
  },
  {
    key: 'warnings',
    load: (db, id) => warningsOf(db, id),
    print: (v) => {
      const ws = v as WarningInput[];
      return ws.length ? ['warnings:', ...ws.map((w) => `  ${w.kind}: ${w.message}`)] : [];
    },
  },
);
