/**
 * KPIs of February 2026 for one ESN, every figure computed by hand.
 * February 2026 (FR): Sunday 1st to Saturday 28th, no public holiday → 20 working days
 * (2–6, 9–13, 16–20, 23–27). March 2026 (FR): 22 working days (2–6, 9–13, 16–20, 23–27, 30–31).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.js';
import { computeKpis, type ConsultantKpis, type KpiReport } from '../../../src/services/compute-kpis.js';
import { createTestDatabase } from '../../helpers/database.js';
import { Fixture, weekdays } from './fixtures.js';

let db: Database;
let report: KpiReport;

function consultant(ref: string): ConsultantKpis {
  const found = report.consultants.find((c) => c.ref === ref);
  if (!found) throw new Error(`no consultant ${ref} in the report`);
  return found;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const f = await Fixture.create(db.prisma, 'acme');
  const c1 = await f.client('c1');
  const c2 = await f.client('c2');
  await f.person('claire', { roles: ['CLIENT_CONTACT'], clientId: c1 });

  // Alice: whole month on a régie mission, TJM 600 until Tuesday 10 Feb, 650 from Wednesday 11.
  // 15 worked days, 2 CP, 1 sick, 1 training, 1 other absence = 20.
  const alice = await f.person('alice', { cjm: '545' });
  const mAlice = await f.mission({
    ref: 'M-ALICE',
    consultantId: alice,
    clientId: c1,
    start: '2025-12-01',
    rates: [
      { from: '2025-12-01', to: '2026-02-10', tjm: '600' },
      { from: '2026-02-11', tjm: '650' },
    ],
    purchaseOrders: [
      { number: 'BDC-A0', start: '2025-12-01', end: '2026-01-04', days: '20' }, // ended before February
      { number: 'BDC-A1', start: '2026-01-05', end: '2026-03-31', days: '40' },
      { number: 'BDC-A2', start: '2026-04-01', end: '2026-06-30', days: '60' }, // starts after February
    ],
  });
  await f.days(mAlice, alice, ['2026-01-02', ...weekdays('2026-01-05', '2026-01-16')]); // 1 + 10 days
  await f.timesheet(mAlice, '2026-01', 'INVOICED');
  await f.days(mAlice, alice, weekdays('2026-02-02', '2026-02-20')); // 15 days
  await f.days(mAlice, alice, ['2026-02-23', '2026-02-24'], 'CP');
  await f.days(mAlice, alice, ['2026-02-25'], 'SICK');
  await f.days(mAlice, alice, ['2026-02-26'], 'TRAINING');
  await f.days(mAlice, alice, ['2026-02-27'], 'OTHER');
  await f.timesheet(mAlice, '2026-02', 'PENDING_CLIENT');
  await f.days(mAlice, alice, ['2026-03-02']); // after the month: counts nowhere in February

  // Bruno: mission starting Wednesday 11 Feb (intercontrat before: 2–6, 9, 10 = 7 days).
  // Worked 11–13, 16–20, 23–25 (11 days) + 0.5 on the 27th; RTT on the 26th; 0.5 CP on the 27th.
  const bruno = await f.person('bruno');
  const mBruno = await f.mission({
    ref: 'M-BRUNO',
    consultantId: bruno,
    clientId: c2,
    start: '2026-02-11',
    cjm: '500',
    rates: [{ from: '2026-02-11', tjm: '700' }],
    purchaseOrders: [{ number: 'BDC-B', start: '2026-02-11', end: '2026-03-13', days: '14' }],
  });
  await f.days(mBruno, bruno, weekdays('2026-02-11', '2026-02-25'));
  await f.days(mBruno, bruno, ['2026-02-26'], 'RTT');
  await f.days(mBruno, bruno, ['2026-02-27'], 'WORKED', '0.5');
  await f.days(mBruno, bruno, ['2026-02-27'], 'CP', '0.5');
  await f.timesheet(mBruno, '2026-02', 'APPROVED');

  // Chloé: régie mission ending Friday 20 Feb (TJM 650 below her CJM 700: fragile margin),
  // then a fixed-price mission from Thursday 26 → intercontrat 23, 24, 25 = 3 days.
  const chloe = await f.person('chloe', { cjm: '700' });
  const mChloe = await f.mission({
    ref: 'M-CHLOE',
    consultantId: chloe,
    clientId: c1,
    start: '2026-01-15',
    end: '2026-02-20',
    rates: [{ from: '2026-01-15', tjm: '650' }],
    purchaseOrders: [{ number: 'BDC-C', start: '2026-02-01', end: '2026-02-28', days: '15' }],
  });
  await f.days(mChloe, chloe, weekdays('2026-02-02', '2026-02-20')); // 15 days
  await f.timesheet(mChloe, '2026-02', 'INVOICED');
  const mChloeForfait = await f.mission({ ref: 'M-CHLOE-FORFAIT', consultantId: chloe, clientId: c2, start: '2026-02-26', billingMode: 'FORFAIT' });
  await f.days(mChloeForfait, chloe, ['2026-02-26', '2026-02-27']); // worked, but not billed per day

  // Dan: no mission at all.
  await f.person('dan');

  // Not consultants of the KPIs: an inactive consultant (with work) and the manager.
  const old = await f.person('old', { active: false });
  const mOld = await f.mission({ ref: 'M-OLD', consultantId: old, clientId: c2, start: '2026-01-01', rates: [{ from: '2026-01-01', tjm: '400' }] });
  await f.days(mOld, old, weekdays('2026-02-02', '2026-02-06'));

  report = await computeKpis({ prisma: db.prisma, month: '2026-02' });
});

afterAll(async () => {
  await db?.close();
});

describe('computeKpis: consultants', () => {
  it('lists the active consultants of the organization, by ref', () => {
    expect(report.month).toBe('2026-02');
    expect(report.organization).toBe('acme');
    expect(report.consultants.map((c) => c.ref)).toEqual(['alice', 'bruno', 'chloe', 'dan']);
  });

  it('alice: 20 potential days, 2 CP, 15 worked → TACE 15/18; TJM change mid-month splits the revenue', () => {
    expect(consultant('alice')).toEqual({
      ref: 'alice',
      name: 'Alice',
      potentialDays: 20,
      producedDays: 15,
      cpDays: 2,
      rttDays: 0,
      sickDays: 1,
      trainingDays: 1,
      otherAbsenceDays: 1,
      intercontratDays: 0,
      tace: 15 / 18, // sick, training and other stay in the base: 20 − 2
      taci: 15 / 20,
      intercontratRate: 0,
      daysBilled: 15,
      revenue: '9400.00', // 7 days × 600 (2–6, 9, 10) + 8 days × 650 (11–13, 16–20)
      tjmRealise: '626.67', // 9400 / 15
      tjmVendu: '626.67',
      margin: { cjm: '545.00', dailyMargin: '81.67', markupRate: expect.any(Number), fragile: false },
    });
    expect(consultant('alice').margin?.markupRate).toBeCloseTo(81.67 / 626.67, 12);
  });

  it('bruno: mission starting mid-month → 7 intercontrat days, half days, mission CJM', () => {
    expect(consultant('bruno')).toEqual({
      ref: 'bruno',
      name: 'Bruno',
      potentialDays: 20,
      producedDays: 11.5,
      cpDays: 0.5,
      rttDays: 1,
      sickDays: 0,
      trainingDays: 0,
      otherAbsenceDays: 0,
      intercontratDays: 7,
      tace: 11.5 / 18.5, // 20 − 0.5 CP − 1 RTT
      taci: 11.5 / 20,
      intercontratRate: 7 / 20,
      daysBilled: 11.5,
      revenue: '8050.00', // 11.5 × 700
      tjmRealise: '700.00',
      tjmVendu: '700.00',
      margin: { cjm: '500.00', dailyMargin: '200.00', markupRate: expect.any(Number), fragile: false },
    });
    expect(consultant('bruno').margin?.markupRate).toBeCloseTo(200 / 700, 12);
  });

  it('chloé: mission ending mid-month, fixed-price work not produced, TJM below CJM → fragile margin', () => {
    expect(consultant('chloe')).toMatchObject({
      potentialDays: 20,
      producedDays: 15, // the 2 days on the fixed-price mission are not billed per day
      cpDays: 0,
      rttDays: 0,
      intercontratDays: 3, // 23, 24, 25: after the régie mission ends (20th, included), before the fixed-price one
      tace: 0.75,
      taci: 0.75,
      intercontratRate: 3 / 20,
      daysBilled: 15,
      revenue: '9750.00',
      tjmRealise: '650.00',
      tjmVendu: '650.00',
      margin: { cjm: '700.00', dailyMargin: '-50.00', fragile: true },
    });
    expect(consultant('chloe').margin?.markupRate).toBeCloseTo(-50 / 650, 12);
  });

  it('dan: no mission → whole month in intercontrat, no revenue, no TJM, no margin', () => {
    expect(consultant('dan')).toEqual({
      ref: 'dan',
      name: 'Dan',
      potentialDays: 20,
      producedDays: 0,
      cpDays: 0,
      rttDays: 0,
      sickDays: 0,
      trainingDays: 0,
      otherAbsenceDays: 0,
      intercontratDays: 20,
      tace: 0,
      taci: 0,
      intercontratRate: 1,
      daysBilled: 0,
      revenue: '0.00',
      tjmRealise: null,
      tjmVendu: null,
      margin: null,
    });
  });

  it('overall: sums of days, ratios on the sums', () => {
    expect(report.overall).toEqual({
      consultants: 4,
      potentialDays: 80,
      producedDays: 41.5, // 15 + 11.5 + 15 + 0
      cpDays: 2.5,
      rttDays: 1,
      tace: 41.5 / 76.5, // 80 − 2.5 − 1
      taci: 41.5 / 80,
      intercontratRate: 30 / 80, // 0 + 7 + 3 + 20
      daysBilled: 41.5,
      revenue: '27200.00', // 9400 + 8050 + 9750
      tjmRealise: '655.42', // 27200 / 41.5 = 655.4216…
      tjmVendu: '655.42',
    });
  });
});

describe('computeKpis: purchase orders', () => {
  it('lists only the orders active during the month, by mission', () => {
    expect(report.purchaseOrders.map((po) => `${po.mission}/${po.number}`)).toEqual(['M-ALICE/BDC-A1', 'M-BRUNO/BDC-B', 'M-CHLOE/BDC-C']);
  });

  it('consumed = days of approved or invoiced CRAs, pending = the others, up to the end of the month', () => {
    // January (INVOICED): 5–9 and 12–16 Jan = 10 days; 2 Jan is before the order.
    // February (PENDING_CLIENT): 15 days pending. 2 March is after the month.
    // Planned: 22 working days in March, until the order ends on 31 March.
    expect(report.purchaseOrders[0]).toEqual({
      mission: 'M-ALICE',
      number: 'BDC-A1',
      start: '2026-01-05',
      end: '2026-03-31',
      daysOrdered: 40,
      consumed: 10,
      pending: 15,
      remaining: 15,
      planned: 22,
      forecast: -7,
      consumedRatio: 0.25,
      flags: { reached80: false, reached100: false, forecastNegative: true },
    });
  });

  it('flags 80 % consumed (11.5 / 14) and a forecast below zero', () => {
    // Planned: 2–6 and 9–13 March = 10 working days until the order ends on the 13th.
    expect(report.purchaseOrders[1]).toEqual({
      mission: 'M-BRUNO',
      number: 'BDC-B',
      start: '2026-02-11',
      end: '2026-03-13',
      daysOrdered: 14,
      consumed: 11.5,
      pending: 0,
      remaining: 2.5,
      planned: 10,
      forecast: -7.5,
      consumedRatio: 11.5 / 14,
      flags: { reached80: true, reached100: false, forecastNegative: true },
    });
  });

  it('flags 100 % consumed exactly, with a forecast of exactly zero that is not negative', () => {
    expect(report.purchaseOrders[2]).toEqual({
      mission: 'M-CHLOE',
      number: 'BDC-C',
      start: '2026-02-01',
      end: '2026-02-28',
      daysOrdered: 15,
      consumed: 15,
      pending: 0,
      remaining: 0,
      planned: 0,
      forecast: 0,
      consumedRatio: 1,
      flags: { reached80: true, reached100: true, forecastNegative: false },
    });
  });

  it('moves days from pending to consumed when the CRA is approved', async () => {
    const mission = await db.prisma.mission.findFirstOrThrow({ where: { ref: 'M-ALICE' } });
    await db.prisma.timesheet.update({ where: { missionId_month: { missionId: mission.id, month: '2026-02' } }, data: { status: 'APPROVED' } });
    try {
      const after = await computeKpis({ prisma: db.prisma, month: '2026-02', organization: 'acme' });
      expect(after.purchaseOrders[0]).toMatchObject({ consumed: 25, pending: 0, remaining: 15, forecast: -7, consumedRatio: 25 / 40 });
      expect(after.purchaseOrders[0]?.flags).toEqual({ reached80: false, reached100: false, forecastNegative: true });
      // The activity figures do not depend on the CRA status.
      expect(after.consultants).toEqual(report.consultants);
    } finally {
      await db.prisma.timesheet.update({ where: { missionId_month: { missionId: mission.id, month: '2026-02' } }, data: { status: 'PENDING_CLIENT' } });
    }
  });

  it('computes March as of the end of March: the 2 March day is pending, February consumed once approved', async () => {
    const march = await computeKpis({ prisma: db.prisma, month: '2026-03' });
    const a1 = march.purchaseOrders.find((po) => po.number === 'BDC-A1');
    // Jan 10 consumed; Feb 15 (PENDING_CLIENT) + 2 Mar (no CRA) pending; nothing planned after March.
    expect(a1).toMatchObject({ consumed: 10, pending: 16, remaining: 14, planned: 0, forecast: 14 });
    expect(march.purchaseOrders.map((po) => po.number)).toEqual(['BDC-A1', 'BDC-B']);
  });
});
