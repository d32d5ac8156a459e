/**
 * Whit Monday (2026-05-25) on two missions of May 2026 (FR), written straight through Prisma:
 * M-SOLIDARITY works it (journée de solidarité, whitMondayWorked), M-DEFAULT does not.
 * May 2026 (FR): 21 weekdays, 4 weekday holidays (1, 8, 14, 25) → 17 working days; 18 when
 * Whit Monday is worked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.js';
import { missionWorkingDaysOfMonth, toDateOnlyUTC } from '../../../src/domain/index.js';
import { CodedError } from '../../../src/errors.js';
import { describeProblem } from '../../../src/i18n/problems.js';
import { computeKpis } from '../../../src/services/compute-kpis.js';
import { getTimesheetView } from '../../../src/services/get-timesheet-view.js';
import { setDayEntry } from '../../../src/services/set-day-entry.js';
import { createTestDatabase } from '../../helpers/database.js';

const WHIT_MONDAY = '2026-05-25';

let db: Database;
let solidarity: string;
let normal: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const { prisma } = db;
  const org = await prisma.organization.create({ data: { slug: 'solidarite', name: 'Solidarité Conseil' } });
  const person = (ref: string, roles: ('CONSULTANT' | 'MANAGER')[]) =>
    prisma.person.create({ data: { organizationId: org.id, ref, name: ref, roles } });
  const manager = await person('manon', ['MANAGER']);
  const sam = await person('sam', ['CONSULTANT']);
  const nina = await person('nina', ['CONSULTANT']);
  const client = await prisma.client.create({ data: { organizationId: org.id, ref: 'banque', name: 'Banque' } });
  const mission = (ref: string, consultantId: string, whitMondayWorked: boolean) =>
    prisma.mission.create({
      data: {
        organizationId: org.id,
        ref,
        title: ref,
        clientId: client.id,
        consultantId,
        managerId: manager.id,
        startDate: toDateOnlyUTC('2026-04-01'),
        region: 'FR',
        whitMondayWorked,
        rates: { create: [{ validFrom: toDateOnlyUTC('2026-04-01'), tjm: '600' }] },
        purchaseOrders: {
          create: [{ number: `BDC-${ref}`, startDate: toDateOnlyUTC('2026-04-01'), endDate: toDateOnlyUTC('2026-05-31'), daysOrdered: '40' }],
        },
      },
    });
  solidarity = (await mission('M-SOLIDARITY', sam.id, true)).id;
  normal = (await mission('M-DEFAULT', nina.id, false)).id;
});

afterAll(async () => {
  await db?.close();
});

const set = (missionId: string, date: string, options: { kind?: 'WORKED' | 'CP'; override?: boolean; fraction?: string } = {}) =>
  setDayEntry({
    prisma: db.prisma,
    missionId,
    date,
    fraction: options.fraction ?? '1',
    kind: options.kind ?? 'WORKED',
    override: options.override ?? false,
    channel: 'CLI',
  });

describe('Whit Monday through setDayEntry and getTimesheetView', () => {
  it('a mission that works Whit Monday records it without override, and it is not flagged', async () => {
    expect(await set(solidarity, WHIT_MONDAY)).toEqual({
      date: WHIT_MONDAY,
      kind: 'WORKED',
      fraction: '1',
      changed: true,
      flaggedOverride: false,
    });
    const entry = await db.prisma.dayEntry.findUniqueOrThrow({
      where: { missionId_date_kind: { missionId: solidarity, date: toDateOnlyUTC(WHIT_MONDAY), kind: 'WORKED' } },
    });
    expect(entry.override).toBe(false);
    // an absence can be recorded on it too (it is an ordinary working day)
    await set(solidarity, WHIT_MONDAY, { fraction: '0.5' });
    expect((await set(solidarity, WHIT_MONDAY, { kind: 'CP', fraction: '0.5' })).changed).toBe(true);
    await set(solidarity, WHIT_MONDAY, { kind: 'CP', fraction: '0' });
    await set(solidarity, WHIT_MONDAY);
  });

  it('a mission that does not work it refuses work without override, and flags it with one', async () => {
    const error = await set(normal, WHIT_MONDAY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodedError);
    expect(error).toMatchObject({
      code: 'NON_WORKING_DAY',
      variant: 'holidayWork',
      params: { date: WHIT_MONDAY, holiday: 'Lundi de Pentecôte' },
      details: { problems: [expect.objectContaining({ code: 'NON_WORKING_DAY', date: WHIT_MONDAY })] },
    });
    await expect(set(normal, WHIT_MONDAY, { kind: 'CP' })).rejects.toMatchObject({ code: 'NON_WORKING_DAY', variant: 'holidayAbsence' });
    expect(await db.prisma.dayEntry.count({ where: { missionId: normal } })).toBe(0);
    expect((await set(normal, WHIT_MONDAY, { override: true })).flaggedOverride).toBe(true);
    await set(normal, WHIT_MONDAY, { fraction: '0', override: true });
  });

  it('the CRA of the mission that works it has Whit Monday as a working day, missing until filled', async () => {
    const others = missionWorkingDaysOfMonth('2026-05', { startDate: '2026-04-01', endDate: null }, 'FR');
    expect(others).toHaveLength(17);
    for (const date of others) await set(solidarity, date);
    const full = await getTimesheetView({ prisma: db.prisma, missionId: solidarity, month: '2026-05' });
    expect(full.whitMondayWorked).toBe(true);
    expect(full.days.find((d) => d.date === WHIT_MONDAY)).toMatchObject({ working: true, holiday: null, worked: 1, override: false, missing: false });
    expect(full.days.filter((d) => d.working)).toHaveLength(18);
    expect(full.totalWorked).toBe(18);
    expect(full.amount).toBe('10800.00');
    expect(full.complete).toBe(true);

    await set(solidarity, WHIT_MONDAY, { fraction: '0' });
    const missing = await getTimesheetView({ prisma: db.prisma, missionId: solidarity, month: '2026-05' });
    expect(missing.missingDays).toEqual([WHIT_MONDAY]);
    expect(missing.complete).toBe(false);
    expect(missing.days.find((d) => d.date === WHIT_MONDAY)).toMatchObject({ working: true, missing: true });
    await set(solidarity, WHIT_MONDAY);
  });

  it('the CRA of the other mission keeps Whit Monday as a holiday, never missing', async () => {
    for (const date of missionWorkingDaysOfMonth('2026-05', { startDate: '2026-04-01', endDate: null }, 'FR')) await set(normal, date);
    const view = await getTimesheetView({ prisma: db.prisma, missionId: normal, month: '2026-05' });
    expect(view.whitMondayWorked).toBe(false);
    expect(view.days.find((d) => d.date === WHIT_MONDAY)).toMatchObject({
      working: false,
      holiday: 'Lundi de Pentecôte',
      worked: 0,
      missing: false,
    });
    expect(view.days.filter((d) => d.working)).toHaveLength(17);
    expect(view.complete).toBe(true);
  });
});

describe('Whit Monday in the KPIs', () => {
  it('counts Whit Monday in the potential days of a consultant whose mission works it', async () => {
    const report = await computeKpis({ prisma: db.prisma, month: '2026-05', organization: 'solidarite' });
    const byRef = new Map(report.consultants.map((c) => [c.ref, c]));
    expect(byRef.get('sam')).toMatchObject({ potentialDays: 18, producedDays: 18, intercontratDays: 0, tace: 1 });
    expect(byRef.get('nina')).toMatchObject({ potentialDays: 17, producedDays: 17, intercontratDays: 0, tace: 1 });
    expect(report.overall.potentialDays).toBe(35);
  });

  it('plans Whit Monday in the purchase-order forecast of the mission that works it', async () => {
    // As of April 2026: planned = working days of May until the order ends (31 May).
    const report = await computeKpis({ prisma: db.prisma, month: '2026-04', organization: 'solidarite' });
    const planned = new Map(report.purchaseOrders.map((po) => [po.mission, po.planned]));
    expect(planned.get('M-SOLIDARITY')).toBe(18);
    expect(planned.get('M-DEFAULT')).toBe(17);
  });
});

describe('getTimesheetView warnings', () => {
  it('are problems with params, to localize (a worked day without a TJM)', async () => {
    const { prisma } = db;
    const org = await prisma.organization.create({ data: { slug: 'sans-tjm', name: 'Sans TJM' } });
    const manager = await prisma.person.create({ data: { organizationId: org.id, ref: 'm', name: 'M', roles: ['MANAGER'] } });
    const client = await prisma.client.create({ data: { organizationId: org.id, ref: 'c', name: 'C' } });
    const mission = await prisma.mission.create({
      data: {
        organizationId: org.id,
        ref: 'M-NORATE',
        title: 'No rate',
        clientId: client.id,
        consultantId: manager.id,
        managerId: manager.id,
        startDate: toDateOnlyUTC('2026-05-04'),
        whitMondayWorked: true,
      },
    });
    await set(mission.id, WHIT_MONDAY);
    const view = await getTimesheetView({ prisma, missionId: mission.id, month: '2026-05' });
    expect(view.amount).toBeNull();
    expect(view.warnings).toEqual([{ code: 'NO_RATE_FOR_DATE', message: 'No TJM rate covers 2026-05-25', params: { date: WHIT_MONDAY } }]);
    expect(view.warnings.map((w) => describeProblem('fr', w))).toEqual(['Aucun TJM ne couvre le 2026-05-25.']);
  });
});
