/**
 * Backup and restore of the embedded database (PGlite): `rituel backup <file>` writes its data
 * directory as a gzipped tarball (PGlite's dumpDataDir), `rituel restore <file>` loads one into
 * DATA_DIR (loadDataDir). Both need the database to themselves: they refuse while a live process
 * (a running `rituel start`) holds DATA_DIR's lock file, and take that lock meanwhile. Restore
 * refuses to overwrite an existing database unless `force`. PostgreSQL has its own tools
 * (pg_dump / pg_restore, point-in-time recovery): see docs/deploy.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { takeDataDirLock } from '../db/data-dir-lock.js';
import { CodedError } from '../errors.js';

const PGLITE_DIR = 'pglite';

/** Takes DATA_DIR's lock (the same file the server takes), or refuses while a live process holds it. */
function lockDataDir(dataDir: string): () => void {
  return takeDataDirLock(
    dataDir,
    (holder) =>
      new CodedError('BACKUP_DATABASE_IN_USE', `The embedded database in ${dataDir} is in use by process ${holder}: stop it first.`, undefined, {
        params: { dir: dataDir, pid: holder },
      }),
  );
}

function hasDatabase(dataDir: string): boolean {
  const dir = join(dataDir, PGLITE_DIR);
  return existsSync(dir) && readdirSync(dir).length > 0;
}

export async function backupEmbeddedDatabase(options: { dataDir: string; file: string }): Promise<{ file: string; bytes: number }> {
  const dataDir = resolve(options.dataDir);
  if (!hasDatabase(dataDir)) {
    throw new CodedError('BACKUP_NO_DATABASE', `No embedded database in ${dataDir}.`, undefined, { params: { dir: dataDir } });
  }
  const release = lockDataDir(dataDir);
  try {
    const db = await PGlite.create(join(dataDir, PGLITE_DIR));
    try {
      const dump = await db.dumpDataDir('gzip');
      const bytes = Buffer.from(await dump.arrayBuffer());
      const file = resolve(options.file);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes);
      return { file, bytes: bytes.length };
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}

export async function restoreEmbeddedDatabase(options: { dataDir: string; file: string; force?: boolean }): Promise<{ dataDir: string }> {
  const dataDir = resolve(options.dataDir);
  let archive: Buffer;
  try {
    archive = readFileSync(resolve(options.file));
  } catch {
    throw new CodedError('BACKUP_FILE_UNREADABLE', `Cannot read the backup file ${options.file}.`, undefined, { params: { file: options.file } });
  }
  const release = lockDataDir(dataDir);
  try {
    const replacing = hasDatabase(dataDir);
    if (replacing && options.force !== true) {
      throw new CodedError('BACKUP_TARGET_NOT_EMPTY', `${dataDir} already holds a database: add --force to replace it.`, undefined, {
        params: { dir: dataDir },
      });
    }
    // Loaded beside the current database first: a broken archive leaves the current one untouched.
    const staging = join(dataDir, `${PGLITE_DIR}.restoring`);
    rmSync(staging, { recursive: true, force: true });
    try {
      const db = await PGlite.create(staging, { loadDataDir: new Blob([archive]) });
      await db.query('SELECT 1');
      await db.close();
    } catch {
      rmSync(staging, { recursive: true, force: true });
      throw new CodedError('BACKUP_FILE_INVALID', `${options.file} is not a backup of an embedded database.`, undefined, { params: { file: options.file } });
    }
    const current = join(dataDir, PGLITE_DIR);
    const previous = join(dataDir, `${PGLITE_DIR}.previous`);
    rmSync(previous, { recursive: true, force: true });
    if (existsSync(current)) renameSync(current, previous);
    renameSync(staging, current);
    rmSync(previous, { recursive: true, force: true });
    return { dataDir };
  } finally {
    release();
  }
}
