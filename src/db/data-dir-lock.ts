/**
 * DATA_DIR's lock file (rituel.lock, holding the pid of its owner): PGlite is single-process, so
 * the server and the backup / restore commands take it, and refuse while another live process
 * holds it. A lock left by a dead process is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'rituel.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of another live process holding the lock, or null (no lock, unreadable, or stale). */
function lockHolder(lockPath: string): number | null {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch {
    return null;
  }
  const holder = Number.parseInt(text, 10);
  return Number.isInteger(holder) && holder !== process.pid && isAlive(holder) ? holder : null;
}

/** Takes the lock of `dataDir` (created if needed) and returns its release; throws `inUse(pid)` while another live process holds it. */
export function takeDataDirLock(dataDir: string, inUse: (holder: number) => Error): () => void {
  const lockPath = join(dataDir, LOCK_FILE);
  const holder = lockHolder(lockPath);
  if (holder !== null) throw inUse(holder);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(lockPath, String(process.pid));
  return () => rmSync(lockPath, { force: true });
}
