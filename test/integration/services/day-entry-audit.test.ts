import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.js';
import { toDateOnlyUTC } from '../../../src/domain/index.js';
import { CodedError } from '../../../src/errors.js';
import { findMission } from '../../../src/services/find-mission.js';
import { setDayEntry } from '../../../src/services/set-day-entry.js';
import { createTestDatabase } from '../../helpers/database.js';
import { importExampleOrganization } from '../../helpers/example-org.js';

let db: Database;
let missionId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  await importExampleOrganization(db.prisma);
  missionId = (await findMission({ prisma: db.prisma, ref: 'alice-banque-nord' })).id;
});
afterAll(async () => {
  await db?.close();
});

const auditOfDays = () =>
  db.prisma.auditEvent.findMany({ where: { action: 'days.set' }, orderBy: { id: 'asc' } });

describe('setDayEntry', () => {
  it('writes the entry and its audit row together, and nothing for a no-op', async () => {
    const result = await setDayEntry({ prisma: db.prisma, missionId, date: '2026-11-24', fraction: '0.5', kind: 'WORKED', channel: 'CLI' });
    expect(result).toEqual({ date: '2026-11-24', kind: 'WORKED', fraction: '0.5', changed: true, flaggedOverride: false });
    const entry = await db.prisma.dayEntry.findUniqueOrThrow({
      where: { missionId_date_kind: { missionId, date: toDateOnlyUTC('2026-11-24'), kind: 'WORKED' } },
    });
    expect(entry.fraction.toString()).toBe('0.5');
    expect(entry.source).toBe('CLI');
    const audit = await auditOfDays();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: 'DayEntry', channel: 'CLI', data: { date: '2026-11-24', kind: 'WORKED', from: '0', to: '0.5' } });

    const again = await setDayEntry({ prisma: db.prisma, missionId, date: '2026-11-24', fraction: 0.5, kind: 'WORKED', channel: 'CLI' });
    expect(again.changed).toBe(false);
    expect(await auditOfDays()).toHaveLength(1);
  });

  it('removes an entry with 0, audited', async () => {
    await setDayEntry({ prisma: db.prisma, missionId, date: '2026-11-24', fraction: '0', kind: 'WORKED', channel: 'CLI' });
    expect(await db.prisma.dayEntry.count({ where: { missionId, date: toDateOnlyUTC('2026-11-24') } })).toBe(0);
    const audit = await auditOfDays();
    expect(audit).toHaveLength(2);
    expect(audit[1]?.data).toMatchObject({ from: '0.5', to: '0' });
  });

  it('refuses to change the days of an approved CRA and changes nothing', async () => {
    await db.prisma.timesheet.create({ data: { missionId, month: '2026-12', status: 'APPROVED', version: 1 } });
    const before = await db.prisma.dayEntry.count();
    const error = await setDayEntry({ prisma: db.prisma, missionId, date: '2026-12-01', fraction: '1', kind: 'WORKED', channel: 'CLI' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).code).toBe('CRA_LOCKED');
    expect(await db.prisma.dayEntry.count()).toBe(before);
    expect(await auditOfDays()).toHaveLength(2);
  });

  it('refuses more than one day in all on a date across missions and absences', async () => {
    await setDayEntry({ prisma: db.prisma, missionId, date: '2026-11-25', fraction: '1', kind: 'CP', channel: 'CLI' });
    await expect(
      setDayEntry({ prisma: db.prisma, missionId, date: '2026-11-25', fraction: '0.5', kind: 'WORKED', channel: 'CLI' }),
    ).rejects.toMatchObject({ code: 'DAY_OVERBOOKED' });
    expect(await db.prisma.dayEntry.count({ where: { missionId, date: toDateOnlyUTC('2026-11-25') } })).toBe(1);
  });
});
