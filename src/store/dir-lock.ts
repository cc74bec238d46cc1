import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK = '.chronik.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process (other than this one) holding the store directory, or null. */
export function storeDirHolder(dir: string): number | null {
  let holder: number | null;
  try {
    holder = Number(readFileSync(join(dir, LOCK), 'utf8').trim()) || null;
  } catch {
    return null;
  }
  return holder !== null && holder !== process.pid && alive(holder) ? holder : null;
}

/**
 * Claims an embedded store directory for this process: PGlite is a single-process database, and
 * two processes writing one directory corrupt it. A lock left by a dead process is taken over.
 * Returns the release function.
 */
export function lockStoreDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK);
  const holder = storeDirHolder(dir);
  if (holder !== null) {
    throw new Error(
      `store ${dir} is in use by process ${holder} (an embedded store opens in one process at a time; use a PostgreSQL server for more)`,
    );
  }
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      if (Number(readFileSync(file, 'utf8').trim()) === process.pid) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
}
