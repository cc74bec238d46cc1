import type { Command } from 'commander';
import { searchArticles } from '../../store/articles.js';
import { printJson } from '../format.js';
import { addDbOption, addJsonOption, intOption, withStore, type DbOptions, type JsonOptions } from '../options.js';

interface SearchOptions extends DbOptions, JsonOptions {
  limit: number;
  offset: number;
  lang?: string;
}

/** Marks the matched words of a snippet or title: bold on a terminal, «…» otherwise. */
function marked(text: string, highlights: readonly [number, number][], tty: boolean): string {
  let out = '';
  let at = 0;
  for (const [s, e] of highlights) {
    out += text.slice(at, s) + (tty ? `\u001b[1m${text.slice(s, e)}\u001b[0m` : `«${text.slice(s, e)}»`);
    at = e;
  }
  return (out + text.slice(at)).replace(/\s+/g, ' ').trim();
}

export function register(program: Command): void {
  const cmd = program
    .command('search')
    .description('full-text search, ranked, with snippets (words, "a phrase", -exclude, or)')
    .argument('<query...>', 'search words (stemmed in each article\'s language)')
    .option('--limit <n>', 'hits per page', intOption('--limit', 1), 20)
    .option('--offset <n>', 'skip this many hits', intOption('--offset', 0), 0)
    .option('--lang <code>', 'only articles in this language');
  addDbOption(cmd);
  addJsonOption(cmd);
  cmd.action(async (words: string[], opts: SearchOptions) => {
    const query = words.join(' ');
    const res = await withStore(opts, (db) =>
      searchArticles(db, query, { limit: opts.limit, offset: opts.offset, language: opts.lang }),
    );
    if (opts.json) return printJson(res);
    const tty = Boolean(process.stdout.isTTY);
    const lines = [`${res.total} hit${res.total === 1 ? '' : 's'} for "${query}"${res.total > res.hits.length ? ` (showing ${res.offset + 1}–${res.offset + res.hits.length})` : ''}`];
    res.hits.forEach((h, i) => {
      lines.push('', `${res.offset + i + 1}. ${h.title === null ? '(untitled)' : marked(h.title, h.titleHighlights, tty)}  [${h.rank.toFixed(3)}]`);
      lines.push(`   ${h.id} · ${h.published ?? 'undated'} · ${h.source ?? '-'} · ${h.language}${h.duplicateOf ? ` · duplicate of ${h.duplicateOf}` : ''}`);
      lines.push(`   ${marked(h.snippet, h.highlights, tty)}`);
    });
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
