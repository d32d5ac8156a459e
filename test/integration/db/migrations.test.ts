import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.js';
import { applyMigrations, pendingMigrations, readMigrationList } from '../../../src/db/migrations.js';
import { createTestDatabase } from '../../helpers/database.js';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('migrations', () => {
  it('applies every committed migration on a new database, and none the second time', async () => {
    const committed = readMigrationList().migrationDirectories.map((m) => m.path);
    expect(committed.length).toBeGreaterThan(0);
    expect(db.migrationsApplied).toEqual(committed);
    expect(await applyMigrations(db.url)).toEqual([]);
    expect(await pendingMigrations(db.prisma)).toEqual([]);
    expect(await pendingMigrations(db.prisma, [...committed, '29990101000000_not_yet'])).toEqual(['29990101000000_not_yet']);
  });

  it('stores calendar dates as dates and money as decimals, without shifting', async () => {
    const org = await db.prisma.organization.create({ data: { slug: 'acme', name: 'Acme' } });
    const person = await db.prisma.person.create({
      data: { organizationId: org.id, ref: 'alice', name: 'Alice', roles: ['CONSULTANT'], cjm: '545.10' },
    });
    const stored = await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } });
    expect(stored.cjm?.toString()).toBe('545.1');
    const client = await db.prisma.client.create({ data: { organizationId: org.id, ref: 'c', name: 'C' } });
    const mission = await db.prisma.mission.create({
      data: {
        organizationId: org.id, ref: 'm', title: 'M', clientId: client.id, consultantId: person.id,
        managerId: person.id, startDate: new Date('2026-01-01T00:00:00Z'),
      },
    });
    const rows = await db.prisma.$queryRaw<{ d: string }[]>`SELECT "startDate"::text AS d FROM "Mission" WHERE id = ${mission.id}::uuid`;
    expect(rows[0]?.d).toBe('2026-01-01');
  });

  it('keeps the audit trail append-only', async () => {
    const org = await db.prisma.organization.findFirstOrThrow();
    const event = await db.prisma.auditEvent.create({
      data: { organizationId: org.id, entityType: 'Organization', entityId: org.id, action: 'test', channel: 'CLI' },
    });
    await expect(db.prisma.auditEvent.update({ where: { id: event.id }, data: { action: 'tampered' } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    expect((await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe('test');
  });
});
