import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { defaultNerModel, NER_MODEL_PATH } from '../../analyze/ner/index.js';
import { CliError } from '../errors.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Tags CoNLL-style input: one token per line (first column; further columns ignored), blank
 * lines between sentences. Prints `token<TAB>BIO-tag` with GermEval's labels (PER, LOC, ORG, OTH).
 */
export function tagConll(input: string): string {
  const model = defaultNerModel();
  if (!model) throw new CliError(`NER model not found at ${NER_MODEL_PATH} (run npm run train:ner)`);
  const out: string[] = [];
  let sentence: string[] = [];
  const flush = (): void => {
    if (sentence.length === 0) return;
    const tags = model.tag(sentence);
    sentence.forEach((tok, i) => out.push(`${tok}\t${tags[i]}`));
    out.push('');
    sentence = [];
  };
  for (const raw of input.split(/\r?\n/)) {
    const line = raw.trim();
    // GermEval comment lines (`#<TAB>url…`) and CoNLL document markers are not tokens.
    if (line === '' || line.startsWith('-DOCSTART-') || raw.startsWith('#\t')) { if (line === '') flush(); continue; }
    sentence.push(line.split(/[\t ]/)[0]!);
  }
  flush();
  return out.join('\n');
}

export function register(program: Command): void {
  program
    .command('ner')
    .description('tag tokens with the named-entity model (one token per line in, token TAB BIO-tag out)')
    .argument('[file]', 'input file, or - for standard input', '-')
    // CoNLL is the only format so far, hence the default; --conll stays accepted for scripts that name it.
    .option('--conll', 'CoNLL format in and out (the default)')
    .action(async (file: string) => {
      let input: string;
      try {
        input = file === '-' ? await readAll(process.stdin) : readFileSync(file, 'utf8');
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
      }
      const text = tagConll(input);
      process.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
    });
}
