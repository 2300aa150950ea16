import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The file in a PGlite data folder that names the process using it. */
export const LOCK_FILE = 'runbook.lock';

/**
 * Takes a PGlite data folder for this process, or throws naming the process
 * that has it: PGlite is one process's database, and a second instance on
 * the same folder would see only its own writes and lose the other's.
 *
 * The lock is a file holding the pid, made whole or not at all (a hard link
 * to a file already written fails if a lock is there). A lock whose process
 * is gone, killed with kill -9 say, is stale and taken over. Returns how to
 * release the lock.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const mine = `${file}.${process.pid}`;
  writeFileSync(mine, `${process.pid}\n`);
  try {
    while (!tryLink(mine, file)) {
      const holder = readPid(file);
      if (holder !== null && holder !== process.pid && isRunning(holder))
        throw new Error(
          `The run database in ${dir} is in use by process ${holder}, another instance of the service. Only one instance may use a folder: ` +
            `stop that one, give each its own RUNBOOK_DATA, or share a PostgreSQL with DATABASE_URL. If process ${holder} is not the service, remove ${file}.`,
        );
      // Stale. Move it aside, and put it back if another instance took the folder meanwhile.
      const aside = `${file}.stale.${process.pid}`;
      try {
        renameSync(file, aside);
      } catch {
        continue;
      }
      if (readPid(aside) !== holder) tryLink(aside, file);
      rmSync(aside, { force: true });
    }
  } finally {
    rmSync(mine, { force: true });
  }
  return () => {
    if (readPid(file) === process.pid) rmSync(file, { force: true });
  };
}

function tryLink(existing: string, target: string): boolean {
  try {
    linkSync(existing, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readPid(file: string): number | null {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return /^\d{1,10}$/.test(text) ? Number(text) : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
