import type { Command } from 'commander';
import { ingestDocuments } from '../../pipeline/documents.js';
import { startServer } from '../../serve/app.js';
import { setIngestDocuments } from '../../serve/write.js';
import type { Db } from '../../store/db.js';
import { addDbOption, intOption, openFromOptions, type DbOptions } from '../options.js';
import { CliError } from '../errors.js';

export interface ServeCliOptions extends DbOptions {
  port: number;
  host: string;
  allowWrite?: boolean;
  token?: string;
}

/** Adds --port, --host, --allow-write, --token. */
export function addServeOptions(cmd: Command): Command {
  return cmd
    .option('--port <n>', 'port to listen on (0: any free port)', intOption('--port', 0), 8080)
    .option('--host <host>', 'address to bind (use 0.0.0.0 to expose it on the network)', '127.0.0.1')
    .option('--allow-write', 'enable POST /api/ingest (needs --token or CHRONIK_TOKEN)')
    .option('--token <token>', 'bearer token required by write routes (default $CHRONIK_TOKEN)');
}

/** Serves `db` until SIGINT/SIGTERM, then closes server and store. */
export async function serveUntilStopped(db: Db, opts: ServeCliOptions): Promise<void> {
  const token = opts.token ?? process.env.CHRONIK_TOKEN;
  if (opts.allowWrite && !token) throw new CliError('--allow-write needs a token (--token or CHRONIK_TOKEN)');
  if (opts.allowWrite) setIngestDocuments((d, docs) => ingestDocuments(d, docs));
  let server;
  try {
    server = await startServer(db, { port: opts.port, host: opts.host, allowWrite: opts.allowWrite, token });
  } catch (err) {
    throw new CliError(`cannot listen on ${opts.host}:${opts.port}: ${err instanceof Error ? err.message : String(err)}`);
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    // Listen before announcing: until a listener exists, a signal takes the default action and
    // kills the process without closing the store.
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    process.stdout.write(`Chronik is serving ${db.location} at ${server.url}  (Ctrl-C to stop)\n`);
  });
  await server.close();
}

export function register(program: Command): void {
  const cmd = program.command('serve').description('serve the web UI and the JSON API (/api/…) over the store');
  addServeOptions(cmd);
  addDbOption(cmd);
  cmd.action(async (opts: ServeCliOptions) => {
    // Check the options before opening the store (an embedded store allows one process only).
    if (opts.allowWrite && !(opts.token ?? process.env.CHRONIK_TOKEN)) {
      throw new CliError('--allow-write needs a token (--token or CHRONIK_TOKEN)');
    }
    const db = await openFromOptions(opts);
    try {
      await serveUntilStopped(db, opts);
    } finally {
      await db.close();
    }
  });
}
