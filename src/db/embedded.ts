import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { CodedError } from '../errors.js';
import { takeDataDirLock } from './data-dir-lock.js';

export interface EmbeddedDatabase {
  /** postgresql:// URL of the loopback socket serving the embedded database. */
  readonly url: string;
  readonly dataDir: string | null;
  stop(): Promise<void>;
}

/** PGlite is single-process: refuse to open a data directory another live process holds. */
function takeLock(dataDir: string): () => void {
  return takeDataDirLock(
    dataDir,
    (holder) =>
      new CodedError(
        'EMBEDDED_DB_IN_USE',
        `The embedded database in ${dataDir} is in use by process ${holder} (a running "rituel start"?). ` +
          'Stop it first, or set DATABASE_URL to use PostgreSQL.',
      ),
  );
}

/**
 * Starts PGlite (Postgres compiled to WebAssembly) persisted in `dataDir`, or in memory when
 * `dataDir` is null, and serves it on a loopback socket so the same pg driver adapter reaches it
 * as it reaches PostgreSQL.
 */
export async function startEmbeddedDatabase(dataDir: string | null): Promise<EmbeddedDatabase> {
  let release = (): void => undefined;
  let absolute: string | null = null;
  if (dataDir !== null) {
    absolute = resolve(dataDir);
    mkdirSync(absolute, { recursive: true });
    release = takeLock(absolute);
  }
  try {
    const db = await PGlite.create(absolute === null ? 'memory://' : join(absolute, 'pglite'));
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 64 });
    await server.start();
    const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
    let stopped = false;
    return {
      url,
      dataDir: absolute,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
