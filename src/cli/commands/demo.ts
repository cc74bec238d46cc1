import { accessSync, constants, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { paths } from '../../paths.js';
import { countInputFiles } from '../../pipeline/estimate.js';
import { ingest } from '../../pipeline/ingest.js';
import type { Db } from '../../store/db.js';
import { articleStats, listArticles } from '../../store/articles.js';
import { CliError } from '../errors.js';
import { formatTable } from '../format.js';
import { openFromOptions, type DbOptions } from '../options.js';
import { storeDirHolder } from '../../store/dir-lock.js';
import { listStories } from '../../store/stories.js';
import { ARTICLE_COLUMNS } from './articles.js';
import { entitiesJson } from './entities.js';
import { timelineEntries } from './timeline.js';
import { summaryLine } from './ingest.js';
import { addServeOptions, serveUntilStopped, type ServeCliOptions } from './serve.js';

/**
 * What the demo prints after the articles; each stage (entities, stories, timeline) adds one
 * entry. `print` returns the lines to show (empty: the section is skipped).
 */
export interface DemoSection {
  title: string;
  print(db: Db): Promise<string[]>;
}

export const demoSections: DemoSection[] = [
  {
    title: 'Entities (most mentioned)',
    async print(db) {
      const all = await entitiesJson(db);
      const top = [...all].sort((a, b) => b.mentions - a.mentions).slice(0, 15);
      if (top.length === 0) return [];
      return [
        `${all.length} entities; top ${top.length}:`,
        formatTable(top, [
          { header: 'type', value: (e) => e.type },
          { header: 'name', value: (e) => e.name, max: 32 },
          { header: 'mentions', value: (e) => e.mentions, align: 'right' },
          { header: 'articles', value: (e) => e.articles, align: 'right' },
          { header: 'aliases', value: (e) => e.aliases.join(', '), max: 50 },
        ]),
      ];
    },
  },
  {
    title: 'Stories',
    async print(db) {
      const stories = await listStories(db);
      return stories.map((st) => `${st.from ?? '?'} … ${st.to ?? '?'}  ${String(st.articles.length).padStart(3)} articles  ${st.label}`);
    },
  },
  {
    title: 'Timeline (merged events, best attested)',
    async print(db) {
      const all = await timelineEntries(db, {});
      // The best-attested events, shown in date order; the full list is `chronik timeline`.
      const shown = new Set([...all].sort((a, b) => b.sources - a.sources).slice(0, 25));
      const events = all.filter((e) => shown.has(e));
      const more = all.length - events.length;
      const lines = events.map((e) => {
        const who = e.actors.join(', ') || '?';
        const whom = e.recipients.length ? ` → ${e.recipients.join(', ')}` : '';
        const date = `${e.date ?? 'undated'}${e.dateSource === 'publication' ? '*' : ''}`;
        return `${date.padEnd(12)} ${(e.mode ? `${e.type}/${e.mode}` : e.type).padEnd(18)} ${who}${whom}${e.place ? ` in ${e.place}` : ''}  (${e.sources} source${e.sources === 1 ? '' : 's'})`;
      });
      if (more > 0) lines.push(`… ${more} more events with fewer sources: see the timeline command below (* = publication date, no date in the text)`);
      return lines;
    },
  },
];

/**
 * Whether `name` is an executable on the user's PATH (else the hints say `npx chronik`, as after a
 * local npm install). npx and npm scripts add node_modules/.bin directories: those do not count.
 */
function commandOnPath(name: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => {
    if (!d || /node_modules[\\/]\.bin[\\/]?$/.test(d)) return false;
    try {
      accessSync(join(d, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export const DEFAULT_DEMO_DIR = './chronik-demo';
const MARKER = '.chronik-demo';

/** Makes `dir` an empty directory for a fresh store, refusing to wipe anything not made by the demo. */
function freshDemoDir(dir: string): void {
  if (existsSync(dir)) {
    const entries = readdirSync(dir);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new CliError(`${dir} exists and is not a Chronik demo store; choose another --db`);
    }
    const holder = storeDirHolder(dir);
    if (holder !== null) throw new CliError(`${dir} is in use by process ${holder} (a running demo?); stop it or choose another --db`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), 'Created by `chronik demo`; it deletes and recreates this directory.\n');
}

interface DemoOptions extends DbOptions, ServeCliOptions {
  serve: boolean;
  corpus?: string;
}

export function register(program: Command): void {
  const cmd = program
    .command('demo')
    .description(`ingest the bundled sample corpus into a fresh embedded store (default ${DEFAULT_DEMO_DIR}), show what was found, and serve it`)
    .option('--db <dir>', `store directory, recreated on each run (default ${DEFAULT_DEMO_DIR}); a postgres:// URL is used as it is`)
    .option('--no-serve', 'stop after printing, do not start the web server')
    .option('--corpus <dir>', 'ingest this directory instead of the bundled sample corpus');
  addServeOptions(cmd);
  cmd.action(async (opts: DemoOptions) => {
    const corpus = opts.corpus ?? join(paths.examples, 'corpus');
    if (!existsSync(corpus)) throw new CliError(`sample corpus not found at ${corpus}`);
    const target = opts.db ?? DEFAULT_DEMO_DIR;
    const server = /^postgres(ql)?:\/\//.test(target);
    if (!server) freshDemoDir(resolve(target));
    const files = await countInputFiles([corpus]);
    const out = (s = ''): boolean => process.stdout.write(`${s}\n`);
    const shownCorpus = relative(process.cwd(), corpus) || corpus;
    out(`Chronik demo: ingesting the sample corpus (${shownCorpus}, ${files} files) into ${server ? 'the server store' : 'a fresh embedded store at'} ${server ? target.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@') : resolve(target)}`);
    const db = await openFromOptions({ db: server ? target : resolve(target) }, { create: true });
    try {
      const summary = await ingest(db, [corpus], { log: (m) => process.stderr.write(`${m}\n`) });
      out(summaryLine(summary));
      for (const f of summary.failures) out(`  failed: ${f.origin}: ${f.reason}`);
      for (const e of summary.resolverErrors) process.stderr.write(`chronik: warning: ${e.resolver}: ${e.reason}\n`);

      const st = await articleStats(db);
      out();
      out(`Articles: ${st.articles} (${st.originals} originals, ${st.exactDuplicates} exact and ${st.nearDuplicates} near duplicates)`);
      out(`Languages: ${st.languages.map((l) => `${l.language} ${l.articles}`).join(', ')}`);
      out(`Sources (${st.sources.length}): ${st.sources.map((s) => `${s.source ?? 'unknown'} ${s.articles}`).join(', ')}`);
      out(`Published: ${st.firstPublished ?? '?'} … ${st.lastPublished ?? '?'}`);
      out();
      out(formatTable(await listArticles(db, { limit: 1000 }), ARTICLE_COLUMNS));
      for (const section of demoSections) {
        const lines = await section.print(db);
        if (lines.length === 0) continue;
        out();
        out(`${section.title}:`);
        for (const l of lines) out(l);
      }
      const dbArg = server ? '' : ` --db ${/[^\w./:@-]/.test(target) ? `'${target.replace(/'/g, `'\\''`)}'` : target}`;
      const cli = commandOnPath('chronik') ? 'chronik' : 'npx chronik';
      out();
      out(`Explore: ${cli} articles${dbArg} · ${cli} search "Gespräche"${dbArg} · ${cli} article ID${dbArg} · ${cli} timeline${dbArg}`);
      // An embedded store opens in one process at a time: the commands above wait for the server to stop.
      if (opts.serve && !server) out('(The server locks the store: stop it with Ctrl-C before running these, or run the demo with --no-serve.)');
      if (!opts.serve) return;
      if (server) {
        await serveUntilStopped(db, opts);
      } else {
        await serveUntilStopped(db, opts).catch(async (err: unknown) => {
          // The default port is taken: any free port will do for a demo.
          if (opts.port !== 8080 || !(err instanceof CliError) || !/EADDRINUSE/.test(err.message)) throw err;
          await serveUntilStopped(db, { ...opts, port: 0 });
        });
      }
    } finally {
      await db.close();
    }
  });
}
