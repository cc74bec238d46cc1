import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';

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

/** One CLI run against a store: exit code (1 when killed), stdout, stderr. */
export interface StoreRun {
  code: number;
  out: string;
  err: string;
}

/**
 * An embedded store in a fresh temporary folder that `chronik ingest <inputs>` fills before the
 * file's tests and that is removed after them; `run` runs the CLI against it as a user would.
 */
export function ingestedStore(prefix: string, inputs: string[]): { run: (...args: string[]) => StoreRun; dir: () => string } {
  let dir = '';
  const run = (...args: string[]): StoreRun => {
    const r = chronikSync([...args, '--db', dir], { env: process.env });
    return { code: r.code ?? 1, out: r.stdout, err: r.stderr };
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    const r = run('ingest', ...inputs);
    assert.equal(r.code, 0, r.err);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  return { run, dir: () => dir };
}
