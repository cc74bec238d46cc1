import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_ARGS, chronikSync } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'chronik-demo-hints-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Where a local `npm install` leaves the user: chronik is not on PATH (npx puts node_modules/.bin there).
const env = { ...process.env, DATABASE_URL: '', FORCE_COLOR: '0', PATH: `${join(process.cwd(), 'node_modules', '.bin')}:/usr/bin:/bin` };

/** Runs the demo with the server on a free port until it serves, then stops it; returns its stdout. */
function demoUntilServing(store: string): Promise<{ stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_ARGS, 'demo', '--port', '0', '--db', store], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (/Chronik is serving/.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ stdout, code }) : reject(new Error(`demo exited ${code}: ${stderr}`))));
  });
}

test('the demo\'s Explore hints work as printed and say the server locks the store', async () => {
  const store = join(dir, 'demo');
  const { stdout } = await demoUntilServing(store);
  const explore = /^Explore: (.*)$/m.exec(stdout)?.[1];
  assert.ok(explore, stdout);
  const commands = explore.split(' · ');
  assert.ok(commands.length >= 3);
  for (const c of commands) assert.match(c, new RegExp(`^npx chronik \\w+.* --db ${store.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  assert.match(stdout, /stop it with Ctrl-C before running these, or run the demo with --no-serve/);

  // With the server stopped, a printed command runs as printed (minus npx's start-up).
  const articles = commands.find((c) => c.startsWith('npx chronik articles'));
  assert.ok(articles);
  const args = articles.split(' ').slice(2);
  const r = chronikSync(args, { env });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^id\s+published/);
});
