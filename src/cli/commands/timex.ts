import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { tagTimex } from '../../analyze/time/index.js';
import { normalizeDateText } from '../../normalize/dates.js';
import { listTimexes } from '../../store/timexes.js';
import type { TimeExpression } from '../../model/index.js';
import { CliError } from '../errors.js';
import { articleExtras } from './article.js';

interface TimexOptions {
  dct?: string;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The DCT as given (`2025-08-08`, or any publication-date shape the normalizer reads). */
export function parseDct(raw: string): string {
  const d = normalizeDateText(raw);
  if (!d) throw new CliError(`--dct: not a date: "${raw}" (use YYYY-MM-DD)`);
  return d.value;
}

/** One JSON Lines record per expression; offsets are UTF-16 code units into the input text. */
export function timexLines(text: string, dct: string | null): string[] {
  return tagTimex(text, dct).map((t) => {
    const rec: Record<string, string | number> = { start: t.start, end: t.end, text: t.text, type: t.type, value: t.value };
    if (t.mod) rec.mod = t.mod;
    return JSON.stringify(rec);
  });
}

// `chronik article ID` shows the stored time expressions too.
articleExtras.push({
  key: 'timexes',
  load: (db, id) => listTimexes(db, id),
  print: (value) => {
    const ts = value as TimeExpression[];
    if (!ts.length) return [];
    return ['time expressions:', ...ts.map((t) => `  ${t.start}-${t.end}  ${t.type.padEnd(8)} ${t.value}${t.mod ? ` (${t.mod})` : ''}  ${t.text}`)];
  },
});

export function register(program: Command): void {
  program
    .command('timex')
    .description('tag time expressions in plain text: JSON Lines {start, end, text, type, value} with UTF-16 offsets')
    .argument('[file]', 'input file, or - for standard input', '-')
    .option('--dct <date>', 'document creation time (publication date) to resolve relative expressions against')
    .action(async (file: string, opts: TimexOptions) => {
      const dct = opts.dct ? parseDct(opts.dct) : null;
      let input: string;
      try {
        input = file === '-' ? await readAll(process.stdin) : readFileSync(file, 'utf8');
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
      }
      // a byte-order mark is not text: offsets count from the first character after it
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
      const lines = timexLines(input, dct);
      if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
    });
}
