import { spawn, spawnSync } from 'node:child_process';

/** What a CLI run left behind. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to stdin (default: nothing, stdin closed). */
  input?: string;
  /** The child's whole environment (default: CLI_ENV). */
  env?: NodeJS.ProcessEnv;
}

/** No server store from the caller's shell, no colour codes in the output. */
export const CLI_ENV: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', FORCE_COLOR: '0' };

/** Node arguments that run the CLI from source as a user would (`npx tsx src/cli/main.ts …`, without npx's start-up). */
export const CLI_ARGS = ['--import', 'tsx', 'src/cli/main.ts'];

/** Runs the CLI and collects its stdout, stderr and exit code. */
export function chronik(args: string[], opts: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], { env: opts.env ?? CLI_ENV });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/** `chronik` for tests that run step by step. */
export function chronikSync(args: string[], opts: RunOptions = {}): Run {
  const r = spawnSync(process.execPath, [...CLI_ARGS, ...args], { encoding: 'utf8', input: opts.input, env: opts.env ?? CLI_ENV });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
