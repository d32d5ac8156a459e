/**
 * Calendar regions and organization selection.
 * March 2026: 22 working days in FR and FR-57 (Easter is 5 April).
 * April 2026: FR 21 working days (Easter Monday 6th); FR-57 20 (Good Friday 3rd as well).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.js';
import { isCodedError, type CodedError } from '../../../src/errors.js';
import { describeProblem } from '../../../src/i18n/problems.js';
import { computeKpis } from '../../../src/services/compute-kpis.js';
import { createTestDatabase } from '../../helpers/database.js';
import { Fixture, weekdays } from './fixtures.js';

let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
  const f = await Fixture.create(db.prisma, 'alsace');
  const client = await f.client('metz');

  const greta = await f.person('greta');
  const mGreta = await f.mission({
    ref: 'M-GRETA',
    consultantId: greta,
    clientId: client,
    start: '2026-03-16',
    region: 'FR-57',
    rates: [{ from: '2026-03-16', tjm: '800' }],
    purchaseOrders: [{ number: 'BDC-G', start: '2026-03-16', end: '2026-04-30', days: '30' }],
  });
  await f.days(mGreta, greta, weekdays('2026-03-16', '2026-03-31')); // 12 days
  await f.timesheet(mGreta, '2026-03', 'SUBMITTED');

  await f.person('hans'); // no mission: 'FR' calendar

  const ines = await f.person('ines');
  await f.mission({ ref: 'M-INES', consultantId: ines, clientId: client, start: '2026-04-08', region: 'FR-57', rates: [{ from: '2026-04-08', tjm: '700' }] });
});

afterAll(async () => {
  await db?.close();
});

describe('computeKpis: calendar regions', () => {
  it('uses the region of the mission for potential days, FR without a mission', async () => {
    const april = await computeKpis({ prisma: db.prisma, month: '2026-04' });
    const byRef = new Map(april.consultants.map((c) => [c.ref, c]));
    expect(byRef.get('greta')).toMatchObject({ potentialDays: 20, intercontratDays: 0, tace: 0 });
    expect(byRef.get('hans')).toMatchObject({ potentialDays: 21, intercontratDays: 21, intercontratRate: 1 });
    // Days before the mission follow the consultant's mission region too: 1, 2 and 7 April
    // (Good Friday 3rd and Easter Monday 6th are holidays in FR-57).
    expect(byRef.get('ines')).toMatchObject({ potentialDays: 20, intercontratDays: 3, intercontratRate: 3 / 20 });
    expect(april.overall).toMatchObject({ potentialDays: 61, intercontratRate: 24 / 61, tace: 0, taci: 0, revenue: '0.00', tjmRealise: null });
  });

  it('plans the remaining days of a purchase order with the mission region (April in FR-57: 20 days)', async () => {
    const march = await computeKpis({ prisma: db.prisma, month: '2026-03', organization: 'alsace' });
    expect(march.consultants.find((c) => c.ref === 'greta')).toMatchObject({
      potentialDays: 22,
      producedDays: 12,
      intercontratDays: 10, // 2–6 and 9–13 March
      revenue: '9600.00',
    });
    expect(march.purchaseOrders).toEqual([
      {
        mission: 'M-GRETA',
        number: 'BDC-G',
        start: '2026-03-16',
        end: '2026-04-30',
        daysOrdered: 30,
        consumed: 0,
        pending: 12, // the March CRA is only SUBMITTED
        remaining: 18,
        planned: 20,
        forecast: -2,
        consumedRatio: 0,
        flags: { reached80: false, reached100: false, forecastNegative: true },
      },
    ]);
  });
});

describe('computeKpis: errors', () => {
  it('refuses an invalid month', async () => {
    await expect(computeKpis({ prisma: db.prisma, month: '2026-13' })).rejects.toMatchObject({ code: 'INVALID_MONTH' });
  });

  it('refuses an unknown organization', async () => {
    await expect(computeKpis({ prisma: db.prisma, month: '2026-03', organization: 'nope' })).rejects.toMatchObject({
      code: 'ORGANIZATION_NOT_FOUND',
    });
  });

  it('asks for --org once several organizations exist, and names a worked day without a TJM', async () => {
    const beta = await Fixture.create(db.prisma, 'beta');
    await expect(computeKpis({ prisma: db.prisma, month: '2026-03' })).rejects.toMatchObject({
      code: 'ORGANIZATION_REQUIRED',
      message: expect.stringContaining('--org'),
      params: { organizations: expect.stringContaining('beta') },
    });
    const zoe = await beta.person('zoe');
    const mission = await beta.mission({ ref: 'M-ZOE', consultantId: zoe, clientId: await beta.client('x'), start: '2026-03-02' });
    await beta.days(mission, zoe, ['2026-03-02']);
    await expect(computeKpis({ prisma: db.prisma, month: '2026-03', organization: 'beta' })).rejects.toMatchObject({
      code: 'NO_RATE_FOR_DATE',
      message: expect.stringMatching(/M-ZOE.*2026-03-02/),
      params: { date: '2026-03-02', mission: 'M-ZOE' },
    });
    const error: unknown = await computeKpis({ prisma: db.prisma, month: '2026-03', organization: 'beta' }).catch((e: unknown) => e);
    expect(isCodedError(error)).toBe(true);
    expect(describeProblem('fr', error as CodedError)).toBe('Mission M-ZOE : Aucun TJM ne couvre le 2026-03-02.');
    expect(describeProblem('en', error as CodedError)).toBe('Mission M-ZOE: No TJM rate covers 2026-03-02.');
    // The other organization is unaffected.
    const alsace = await computeKpis({ prisma: db.prisma, month: '2026-03', organization: 'alsace' });
    expect(alsace.consultants.map((c) => c.ref)).toEqual(['greta', 'hans', 'ines']);
  });
});
