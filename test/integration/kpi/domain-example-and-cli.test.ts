/**
 * The DOMAIN.md examples at full size, through the service and the real `rituel kpi` command:
 * 50 consultants × 20 potential days (February 2026) = 1,000; 2 CP/RTT days each = 100;
 * 675 produced → TACE 675 / 900 = 75 %, TACI 67.5 %. TJM 650 €, CJM 545 € → 105 €/day, 16.2 %.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import type { Database } from '../../../src/db/database.js';
import { computeKpis, type KpiReport } from '../../../src/services/compute-kpis.js';
import { runRituel } from '../../helpers/cli.js';
import { createTestDatabase } from '../../helpers/database.js';
import { d, Fixture, weekdays } from './fixtures.js';

let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
  const f = await Fixture.create(db.prisma, 'esn50');
  const client = await f.client('bank');
  const managerId = (await db.prisma.person.findFirstOrThrow({ where: { ref: 'manager' } })).id;
  const refs = Array.from({ length: 50 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
  const people = await db.prisma.person.createManyAndReturn({
    data: refs.map((ref) => ({ organizationId: f.organizationId, ref, name: `Consultant ${ref}`, roles: ['CONSULTANT' as const], cjm: '545' })),
  });
  const missions = await db.prisma.mission.createManyAndReturn({
    data: people.map((p) => ({
      organizationId: f.organizationId,
      ref: `M-${p.ref}`,
      title: `Mission ${p.ref}`,
      clientId: client,
      consultantId: p.id,
      managerId,
      startDate: d('2026-01-01'),
    })),
  });
  await db.prisma.ratePeriod.createMany({ data: missions.map((m) => ({ missionId: m.id, validFrom: d('2026-01-01'), tjm: '650' })) });
  // Each consultant: CP on 2 Feb, RTT on 3 Feb, then 14 worked days (first 25) or 13 (last 25),
  // sick leave on the remaining working days (it stays in the TACE base).
  const rest = weekdays('2026-02-04', '2026-02-27'); // 18 days
  const entries = missions.flatMap((m, i) => {
    const worked = i < 25 ? 14 : 13;
    return [
      { date: '2026-02-02', kind: 'CP' as const },
      { date: '2026-02-03', kind: 'RTT' as const },
      ...rest.map((date, j) => ({ date, kind: j < worked ? ('WORKED' as const) : ('SICK' as const) })),
    ].map((e) => ({ missionId: m.id, personId: m.consultantId, date: d(e.date), kind: e.kind, fraction: '1', source: 'CLI' as const }));
  });
  await db.prisma.dayEntry.createMany({ data: entries });
  const first = missions[0]!;
  await db.prisma.purchaseOrder.create({
    data: { missionId: first.id, number: 'BDC-2026-01', startDate: d('2026-02-01'), endDate: d('2026-02-28'), daysOrdered: '14' },
  });
  await f.timesheet(first.id, '2026-02', 'APPROVED');
});

afterAll(async () => {
  await db?.close();
});

describe('computeKpis on the DOMAIN.md example', () => {
  it('gives TACE 75 %, TACI 67.5 % and the 105 €/day, 16.2 % margin', async () => {
    const report = await computeKpis({ prisma: db.prisma, month: '2026-02' });
    expect(report.overall).toEqual({
      consultants: 50,
      potentialDays: 1000,
      producedDays: 675,
      cpDays: 50,
      rttDays: 50,
      tace: 0.75,
      taci: 0.675,
      intercontratRate: 0,
      daysBilled: 675,
      revenue: '438750.00', // 675 × 650
      tjmRealise: '650.00',
      tjmVendu: '650.00',
    });
    expect(report.consultants[0]).toMatchObject({ ref: 'c01', producedDays: 14, sickDays: 4, tace: 14 / 18 });
    expect(report.consultants[49]).toMatchObject({ ref: 'c50', producedDays: 13, sickDays: 5, tace: 13 / 18 });
    for (const c of report.consultants) {
      expect(c.margin).toEqual({ cjm: '545.00', dailyMargin: '105.00', markupRate: 105 / 650, fragile: false });
    }
    expect(report.purchaseOrders).toEqual([
      {
        mission: 'M-c01',
        number: 'BDC-2026-01',
        start: '2026-02-01',
        end: '2026-02-28',
        daysOrdered: 14,
        consumed: 14,
        pending: 0,
        remaining: 0,
        planned: 0,
        forecast: 0,
        consumedRatio: 1,
        flags: { reached80: true, reached100: true, forecastNegative: false },
      },
    ]);
  });

  it('reads with a fixed number of queries (no query per consultant or per day)', async () => {
    let operations = 0;
    const counting = db.prisma.$extends({
      query: {
        $allOperations({ args, query }) {
          operations += 1;
          return query(args);
        },
      },
    });
    await computeKpis({ prisma: counting as unknown as Db, month: '2026-02' });
    expect(operations).toBeGreaterThan(0);
    expect(operations).toBeLessThanOrEqual(8);
  });
});

// Each DB-bound command runs in its own process and takes several seconds (start, migration check).
describe('rituel kpi', { timeout: 90_000 }, () => {
  it('prints the report as JSON, the same object as the service', async () => {
    const result = await runRituel(['kpi', '2026-02', '--json'], { DATABASE_URL: db.url });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const expected = await computeKpis({ prisma: db.prisma, month: '2026-02' });
    expect(JSON.parse(result.stdout) as KpiReport).toEqual(expected);
  });

  it('prints a readable table in French by default, percentages with one decimal', async () => {
    const result = await runRituel(['kpi', '2026-02', '--org', 'esn50'], { DATABASE_URL: db.url });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Indicateurs 2026-02 — organisation esn50');
    expect(out).toContain('TACE');
    const total = out.split('\n').find((line) => line.startsWith('Total (50 consultant(s))'));
    expect(total).toMatch(/1\s000\s+675\s+50\s+50\s+.*75,0\s%\s+67,5\s%\s+0,0\s%$/);
    expect(out).toMatch(/c01 \(Consultant c01\)\s+14\s+9\s100,00\s+650,00\s+650,00\s+545,00\s+105,00\s+16,2\s%/);
    expect(out).toMatch(/438\s750,00/);
    expect(out).toMatch(/M-c01\s+BDC-2026-01\s+2026-02-01 → 2026-02-28\s+14\s+14\s+0\s+0\s+0\s+0\s+100,0\s%\s+⚠ 100 % consommés/);
  });

  it('prints English with DEFAULT_LOCALE=en', async () => {
    const result = await runRituel(['kpi', '2026-02'], { DATABASE_URL: db.url, DEFAULT_LOCALE: 'en' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('KPIs 2026-02 — organization esn50');
    expect(result.stdout).toMatch(/Total \(50 consultant\(s\)\)\s+1,000\s+675\s+.*75\.0%\s+67\.5%\s+0\.0%/);
    expect(result.stdout).toContain('16.2%');
    expect(result.stdout).toContain('438,750.00');
  });

  it('refuses a bad month (exit 2) and asks for --org when several organizations exist (exit 1)', async () => {
    const bad = await runRituel(['kpi', '2026-2'], { DATABASE_URL: db.url });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('mois invalide « 2026-2 » : format attendu AAAA-MM');
    expect(bad.stdout).toBe('');

    await Fixture.create(db.prisma, 'other');
    const ambiguous = await runRituel(['kpi', '2026-02'], { DATABASE_URL: db.url });
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toBe('Plusieurs organisations existent (esn50, other) : ajoutez --org <slug>.\n');
    const english = await runRituel(['kpi', '2026-02'], { DATABASE_URL: db.url, DEFAULT_LOCALE: 'en' });
    expect(english.code).toBe(1);
    expect(english.stderr).toBe('Several organizations exist (esn50, other): add --org <slug>.\n');
    const unknown = await runRituel(['kpi', '2026-02', '--org', 'nope'], { DATABASE_URL: db.url });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('Organisation introuvable : « nope ».\n');
    const chosen = await runRituel(['kpi', '2026-02', '--org', 'other', '--json'], { DATABASE_URL: db.url });
    expect(chosen.code).toBe(0);
    expect(JSON.parse(chosen.stdout)).toMatchObject({ organization: 'other', consultants: [], purchaseOrders: [] });
  });
});
