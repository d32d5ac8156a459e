/**
 * A fresh, migrated database per scenario: a scratch database on the PostgreSQL server (dropped
 * afterwards), or the embedded database in a temporary DATA_DIR (removed afterwards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';
import { createScratchDatabase } from '../../test/helpers/scratch-postgres.js';

export type DbKind = 'pg' | 'embedded';

export const DEFAULT_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export function adminUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL;
}

export interface BenchDatabase {
  readonly kind: DbKind;
  /** What a child `rituel` process needs to open the same database (DATABASE_URL or DATA_DIR). */
  readonly env: Readonly<Record<string, string>>;
  /** Opens it in this process (migrated). Embedded: only one process at a time. */
  open(poolSize?: number): Promise<Database>;
  /** Drops the scratch database or removes the data directory. */
  dispose(): Promise<void>;
}

export async function createBenchDatabase(kind: DbKind, label: string): Promise<BenchDatabase> {
  if (kind === 'pg') {
    const scratch = await createScratchDatabase(adminUrl(), `rituel_bench_${label}`);
    return {
      kind,
      env: { DATABASE_URL: scratch.url },
      open: (poolSize = 10) => openDatabase({ databaseUrl: scratch.url, dataDir: null, poolSize }),
      dispose: () => scratch.drop(),
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), `rituel-bench-${label}-`));
  return {
    kind,
    env: { DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir }),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** The PostgreSQL server's version (SHOW server_version), or null when it cannot be reached. */
export async function postgresVersion(): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl() });
  try {
    await client.connect();
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
