import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { openSchemaEngine, SCHEMA_FILTER } from './schema-engine.js';

/** prisma/ at the package root (same depth from src/db and dist/db). */
export const PRISMA_DIR = fileURLToPath(new URL('../../prisma/', import.meta.url));
export const MIGRATIONS_DIR = join(PRISMA_DIR, 'migrations');
export const SCHEMA_PATH = join(PRISMA_DIR, 'schema.prisma');

export function readSchema(schemaPath: string = SCHEMA_PATH): { path: string; content: string } {
  return { path: 'schema.prisma', content: readFileSync(schemaPath, 'utf8') };
}

/** The migrations folder as the schema engine wants it (already read from disk). */
export function readMigrationList(dir: string = MIGRATIONS_DIR): MigrationList {
  const lockPath = join(dir, 'migration_lock.toml');
  const names = committedMigrationNames(dir);
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: readFileSync(join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/** Any constant: the advisory lock that serializes migrations across instances starting at once. */
const MIGRATION_LOCK_KEY = 727_073_690;

/**
 * Database objects Prisma's schema cannot describe. They are kept out of the migrations so that
 * the schema engine's comparisons never see them, and (re)created idempotently after migrating.
 */
const APPEND_ONLY_AUDIT_SQL = `
CREATE OR REPLACE FUNCTION "rituel_audit_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS "AuditEvent_append_only" ON "AuditEvent";
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "rituel_audit_append_only"();
`;

/**
 * Applies the committed migrations that the database has not seen yet, recording them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does, then the objects Prisma does not
 * manage (the append-only audit trigger). Instances starting together take turns on an advisory
 * lock. Returns the names of the migrations applied.
 */
export function applyMigrations(url: string): Promise<string[]> {
  return applyMigrationsFrom(url, MIGRATIONS_DIR, SCHEMA_PATH);
}

/** applyMigrations with another migrations folder and schema (tests of new migrations). */
export async function applyMigrationsFrom(url: string, migrationsDir: string, schemaPath: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const handle = await openSchemaEngine({ url, schema: readSchema(schemaPath) });
    let applied: string[];
    try {
      const result = await handle.engine.applyMigrations({
        migrationsList: readMigrationList(migrationsDir),
        filters: SCHEMA_FILTER,
      });
      applied = result.appliedMigrationNames;
    } finally {
      await handle.close();
    }
    await client.query(APPEND_ONLY_AUDIT_SQL);
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Names of the committed migrations, in order (folder names only: nothing else is read). */
export function committedMigrationNames(dir: string = MIGRATIONS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Which of the `committed` migrations (committedMigrationNames, read once by the caller) the
 * database has not applied: the readiness check runs this on every probe.
 */
export async function pendingMigrations(
  db: { $queryRawUnsafe<T>(sql: string): Promise<T> },
  committed: readonly string[] = committedMigrationNames(),
): Promise<string[]> {
  let applied: { migration_name: string }[] = [];
  try {
    applied = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
  } catch {
    return [...committed];
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return committed.filter((name) => !done.has(name));
}
