import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreEmbeddedDatabase } from '../../../src/backup/embedded-backup.js';
import { openDatabase } from '../../../src/db/database.js';
import { isCodedError } from '../../../src/errors.js';
import { importExampleOrganization } from '../../helpers/example-org.js';
import { runRituel } from '../../helpers/cli.js';

// The embedded database only (PostgreSQL is backed up with pg_dump): runs whatever TEST_DATABASE_URL says.
const dir = mkdtempSync(join(tmpdir(), 'rituel-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function codeOf(work: Promise<unknown>): Promise<string | null> {
  return work.then(
    () => null,
    (error: unknown) => (isCodedError(error) ? error.code : String(error)),
  );
}

describe('rituel backup / restore (embedded database)', () => {
  it('round-trips the data, refuses to overwrite without --force, and refuses while a server holds the directory', { timeout: 120_000 }, async () => {
    const source = join(dir, 'source');
    const db = await openDatabase({ dataDir: source });
    await importExampleOrganization(db.prisma);
    const people = await db.prisma.person.count();
    await db.close();
    expect(people).toBeGreaterThan(5);

    const file = join(dir, 'backups', 'rituel.tar.gz');
    const backup = await runRituel(['backup', file], { DATA_DIR: source });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('sauvegardée');
    expect(statSync(file).size).toBeGreaterThan(1000);

    const target = join(dir, 'target');
    await restoreEmbeddedDatabase({ dataDir: target, file });
    const restored = await openDatabase({ dataDir: target });
    expect(await restored.prisma.person.count()).toBe(people);
    expect((await restored.prisma.person.findFirstOrThrow({ where: { ref: 'alice' } })).name).toBe('Alice Martin');
    // A change after the backup, to see the next restore put the backup back.
    await restored.prisma.person.updateMany({ where: { ref: 'alice' }, data: { name: 'Changed' } });
    await restored.close();

    expect(await codeOf(restoreEmbeddedDatabase({ dataDir: target, file }))).toBe('BACKUP_TARGET_NOT_EMPTY');
    expect(await codeOf(restoreEmbeddedDatabase({ dataDir: target, file: join(dir, 'missing.tar.gz'), force: true }))).toBe('BACKUP_FILE_UNREADABLE');
    // A file that is not a backup: refused, and the database in place is untouched.
    const junk = join(dir, 'junk.tar.gz');
    writeFileSync(junk, 'not a tarball');
    expect(await codeOf(restoreEmbeddedDatabase({ dataDir: target, file: junk, force: true }))).toBe('BACKUP_FILE_INVALID');
    const untouched = await openDatabase({ dataDir: target });
    expect((await untouched.prisma.person.findFirstOrThrow({ where: { ref: 'alice' } })).name).toBe('Changed');
    await untouched.close();

    // Another live process holds the directory (a running `rituel start`): refused, even with --force.
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(join(target, 'rituel.lock'), String(holder.pid));
      expect(await codeOf(restoreEmbeddedDatabase({ dataDir: target, file, force: true }))).toBe('BACKUP_DATABASE_IN_USE');
    } finally {
      holder.kill();
    }
    rmSync(join(target, 'rituel.lock'));

    await restoreEmbeddedDatabase({ dataDir: target, file, force: true });
    expect(existsSync(join(target, 'rituel.lock'))).toBe(false);
    const again = await openDatabase({ dataDir: target });
    expect((await again.prisma.person.findFirstOrThrow({ where: { ref: 'alice' } })).name).toBe('Alice Martin');
    await again.close();
  });
});
