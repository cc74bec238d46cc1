import type { Command } from 'commander';
import type { Queryable } from '../../store/db.js';
import { getArticle } from '../../store/articles.js';
import { CliError } from '../errors.js';
import { printJson } from '../format.js';
import { addDbOption, addJsonOption, withStore, type DbOptions, type JsonOptions } from '../options.js';

/**
 * More about an article from other stages (`mentions`, `timexes`, `events`, `warnings`, …):
 * each adds one entry here. `load` gives the JSON value; `print` the lines shown without --json.
 */
export interface ArticleExtra {
  key: string;
  load(db: Queryable, articleId: string): Promise<unknown>;
  print?(value: unknown): string[];
}

export const articleExtras: ArticleExtra[] = [];

export function register(program: Command): void {
  const cmd = program
    .command('article')
    .description('show one article: metadata, origins, duplicates and its full cleaned text')
    .argument('<id>', 'article id (see chronik articles)');
  addDbOption(cmd);
  addJsonOption(cmd);
  cmd.action(async (id: string, opts: DbOptions & JsonOptions) => {
    const out = await withStore(opts, async (db) => {
      const a = await getArticle(db, id);
      if (!a) throw new CliError(`no article with id ${id}`);
      const extras: Record<string, unknown> = {};
      for (const x of articleExtras) extras[x.key] = await x.load(db, id);
      return { article: { ...a, ...extras }, extras };
    });
    if (opts.json) return printJson(out.article);
    const a = out.article;
    const lines = [
      a.title ?? '(untitled)',
      '',
      `id:          ${a.id}`,
      `published:   ${a.published ?? '-'}${a.publishedRaw ? `  (as written: ${a.publishedRaw})` : ''}`,
      `source:      ${a.source ?? '-'}${a.agency && a.agency !== a.source ? `  (agency ${a.agency})` : ''}`,
      `author:      ${a.author ?? '-'}`,
      `language:    ${a.language}`,
      `dateline:    ${a.dateline ?? '-'}`,
      `url:         ${a.url ?? '-'}`,
      `format:      ${a.format} (${a.encoding})`,
      `story:       ${a.storyId ?? '-'}`,
    ];
    if (a.duplicateOf) lines.push(`duplicate of ${a.duplicateOf} (${a.duplicateKind ?? 'exact'}${a.duplicateScore !== null ? `, ${a.duplicateScore.toFixed(2)}` : ''})`);
    lines.push(`origins:     ${a.origins.map((o) => o.origin).join('\n             ')}`);
    if (a.duplicates.length) {
      lines.push(`duplicates:  ${a.duplicates.map((d) => `${d.id} (${d.kind ?? 'exact'}, ${d.source ?? d.origin})`).join('\n             ')}`);
    }
    for (const x of articleExtras) {
      if (x.print) lines.push('', ...x.print(out.extras[x.key]));
    }
    lines.push('', a.text);
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
