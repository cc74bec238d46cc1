import { cpus } from 'node:os';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { countInputFiles, inputOf } from '../../pipeline/estimate.js';
import { ingest, type IngestProgress, type IngestSummary } from '../../pipeline/ingest.js';
import { CliError } from '../errors.js';
import { printJson } from '../format.js';
import { addDbOption, addJsonOption, intOption, withStore, type DbOptions, type JsonOptions } from '../options.js';

interface IngestCliOptions extends DbOptions, JsonOptions {
  maxBytes?: number;
  batchSize?: number;
  workers?: number;
  progress?: boolean;
}

/** `read 20, new 15, duplicates 2, unchanged 0, failed 3` */
export function summaryLine(s: IngestSummary): string {
  return `read ${s.read}, new ${s.new}, duplicates ${s.duplicates}, unchanged ${s.unchanged}, failed ${s.failed}` +
    ` (${s.seconds.toFixed(1)} s)`;
}

/** A progress bar on stderr (files done, articles/s, ETA), only when stderr is a terminal. */
function progressBar(totalFiles: number): { update: (p: IngestProgress) => void; stop: () => void } {
  const bar = new SingleBar({
    format: ' {bar} {percentage}% | {value}/{total} files | {rate} articles/s | ETA {eta_formatted} | new {new}, dup {dup}, failed {failed}',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
    fps: 5,
  });
  const started = performance.now();
  let files = 0;
  let last = '';
  bar.start(Math.max(1, totalFiles), 0, { rate: '0', new: 0, dup: 0, failed: 0 });
  return {
    update(p) {
      const input = inputOf(p.origin);
      if (input !== last) {
        files++;
        last = input;
      }
      const secs = (performance.now() - started) / 1000;
      bar.update(Math.min(files, Math.max(1, totalFiles)), {
        rate: secs > 0 ? (p.read / secs).toFixed(0) : '0',
        new: p.new,
        dup: p.duplicates,
        failed: p.failed,
      });
    },
    stop: () => bar.stop(),
  };
}

export function register(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('read articles (files, directories, globs, .gz, feeds, URLs, - for stdin) into the store')
    .argument('<inputs...>', 'files, directories, globs, http(s) URLs of feeds or pages, or - for stdin')
    .option('--max-bytes <n>', 'refuse inputs larger than this many bytes (default 20 MB)', intOption('--max-bytes', 1))
    .option('--batch-size <n>', 'articles per store transaction', intOption('--batch-size', 1), 250)
    .option('--workers <n>', 'worker threads for analysis (default: one per spare core for large inputs)', intOption('--workers', 0))
    .option('--no-progress', 'no progress bar even on a terminal');
  addDbOption(cmd);
  addJsonOption(cmd);
  cmd.action(async (inputs: string[], opts: IngestCliOptions) => {
    const files = await countInputFiles(inputs);
    // Worker start-up (loading models) only pays off for larger inputs.
    const workers = opts.workers ?? (files >= 200 ? Math.max(1, Math.min(4, cpus().length - 1)) : 0);
    const bar = process.stderr.isTTY && opts.progress !== false ? progressBar(files) : null;
    const summary = await withStore(opts, async (db) => {
      try {
        return await ingest(db, inputs, {
          maxBytes: opts.maxBytes,
          batchSize: opts.batchSize,
          workers,
          onProgress: bar ? (p) => bar.update(p) : undefined,
          log: (m) => {
            if (!bar) process.stderr.write(`${m}\n`);
          },
        });
      } finally {
        bar?.stop();
      }
    }, { create: true });
    if (opts.json) printJson(summary);
    else {
      const out = [summaryLine(summary)];
      for (const f of summary.failures) out.push(`  failed: ${f.origin}: ${f.reason}`);
      process.stdout.write(`${out.join('\n')}\n`);
    }
    for (const e of summary.resolverErrors) process.stderr.write(`chronik: warning: ${e.resolver}: ${e.reason}\n`);
    if (summary.failed > 0) {
      throw new CliError(`${summary.failed} of ${summary.read} inputs failed`, 2);
    }
  });
}
