import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockStoreDir, storeDirHolder } from '../../src/store/dir-lock.js';

test('an embedded store directory is locked to one live process; stale locks are taken over', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronik-lock-'));
  try {
    const lock = join(dir, '.chronik.lock');
    // Another live process (our parent) holds it.
    writeFileSync(lock, `${process.ppid}\n`);
    assert.equal(storeDirHolder(dir), process.ppid);
    assert.throws(() => lockStoreDir(dir), /in use by process \d+/);
    // A lock left by a process that no longer exists is taken over, and released on close.
    writeFileSync(lock, '999999999\n');
    assert.equal(storeDirHolder(dir), null);
    const release = lockStoreDir(dir);
    assert.equal(readFileSync(lock, 'utf8').trim(), String(process.pid));
    release();
    assert.equal(existsSync(lock), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
