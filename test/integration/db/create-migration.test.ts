import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createMigration } from '../../../src/db/create-migration.js';
import { startEmbeddedDatabase } from '../../../src/db/embedded.js';
import { MIGRATIONS_DIR, SCHEMA_PATH, applyMigrationsFrom } from '../../../src/db/migrations.js';

const work = mkdtempSync(join(tmpdir(), 'rituel-migration-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('creating migrations offline', () => {
  it('finds nothing to write: the committed migrations match prisma/schema.prisma', async () => {
    const copy = join(work, 'committed');
    cpSync(MIGRATIONS_DIR, copy, { recursive: true });
    expect(await createMigration({ name: 'drift_check', migrationsDir: copy })).toBeNull();
  });

  it('writes the SQL of a schema change, which then applies on a new database', async () => {
    const migrations = join(work, 'changed');
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    const schemaPath = join(work, 'schema.prisma');
    writeFileSync(
      schemaPath,
      `${readFileSync(SCHEMA_PATH, 'utf8')}\nmodel Holiday {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n`,
    );
    const file = await createMigration({ name: 'add_holiday', schemaPath, migrationsDir: migrations, now: new Date('2099-01-01T00:00:00Z') });
    expect(file).toBe(join(migrations, '20990101000000_add_holiday', 'migration.sql'));
    expect(existsSync(file!)).toBe(true);
    const sql = readFileSync(file!, 'utf8');
    expect(sql).toContain('CREATE TABLE "Holiday"');
    expect(sql).not.toContain('CREATE TABLE "Mission"');

    const db = await startEmbeddedDatabase(null);
    try {
      const applied = await applyMigrationsFrom(db.url, migrations, schemaPath);
      expect(applied.at(-1)).toBe('20990101000000_add_holiday');
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query(`INSERT INTO "Holiday" (name) VALUES ('Noël')`);
      expect((await client.query('SELECT name FROM "Holiday"')).rows).toEqual([{ name: 'Noël' }]);
      await client.end();
    } finally {
      await db.stop();
    }
  });
});
