/**
 * The planner ticking every 15 minutes through the DST weeks of the example's missions, in
 * Europe/Paris: exactly one daily check-in per consultant per working day, at 17:30 (18:00 for
 * julien) local time whichever the UTC offset, none on the weekend or a holiday of the mission's
 * region (spring 2027: Good Friday for julien in FR-67, Easter Monday for both).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dailyCheckInRitual } from '../../../src/rituals/daily-checkin/plan-daily-checkin.js';
import type { PlanSummary } from '../../../src/scheduler/plan-due-rituals.js';
import { createPlannerWorld, type PlannerWorld } from '../../helpers/planner-world.js';

const QUARTER = 15 * 60_000;
let world: PlannerWorld;

beforeAll(async () => {
  world = await createPlannerWorld();
});
afterAll(async () => {
  await world?.close();
});
beforeEach(async () => {
  await world.reset();
});

/** Runs the daily check-in's planner every 15 minutes from `from` to `to` (included); sums the outcomes. */
async function tickEveryQuarter(from: string, to: string): Promise<PlanSummary & { ticks: number }> {
  const total = { planned: 0, already: 0, skipped: 0, failed: 0, ticks: 0 };
  for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += QUARTER) {
    const summary = await world.plan(new Date(t), [dailyCheckInRitual]);
    total.planned += summary.planned;
    total.already += summary.already;
    total.skipped += summary.skipped;
    total.failed += summary.failed;
    total.ticks += 1;
  }
  return total;
}

/** [consultant, local date, scheduled instant] of every daily run, in order. */
async function dailyRuns(): Promise<[string, string, string][]> {
  const refs = Object.fromEntries(Object.entries(world.people).map(([ref, id]) => [id, ref]));
  const rows = await world.prisma.ritualRun.findMany({ where: { ritual: 'daily' }, orderBy: [{ scheduledFor: 'asc' }] });
  return rows.map((r) => [refs[r.personId ?? ''] ?? '?', r.localDate!.toISOString().slice(0, 10), r.scheduledFor.toISOString()]);
}

describe('ticking every 15 minutes through a DST week', () => {
  it('spring 2027 (clocks forward on Sunday 28 March): one check-in per consultant per working day', async () => {
    const total = await tickEveryQuarter('2027-03-26T12:00:00+01:00', '2027-03-31T23:45:00+02:00');
    // 11:00Z on Friday to 21:45Z on Wednesday (the local clock skips an hour): 5 days and 43 quarters, both ends included.
    expect(total.ticks).toBe(5 * 96 + 43 + 1);
    expect(total).toMatchObject({ planned: 5, already: 0, failed: 0, skipped: 7 });
    expect(await dailyRuns()).toEqual([
      ['alice', '2027-03-26', '2027-03-26T16:30:00.000Z'], // Good Friday: worked in FR, off in FR-67
      ['alice', '2027-03-30', '2027-03-30T15:30:00.000Z'], // Easter Monday off for both; CEST from here
      ['julien', '2027-03-30', '2027-03-30T16:00:00.000Z'],
      ['alice', '2027-03-31', '2027-03-31T15:30:00.000Z'],
      ['julien', '2027-03-31', '2027-03-31T16:00:00.000Z'],
    ]);
    expect(await world.prisma.checkIn.count({ where: { kind: 'DAILY' } })).toBe(5);
    expect(await world.prisma.outboxMessage.count({ where: { kind: 'checkin.daily' } })).toBe(5);
  });

  it('autumn 2026 (clocks back on Sunday 25 October): one check-in per consultant per working day', async () => {
    const total = await tickEveryQuarter('2026-10-23T12:00:00+02:00', '2026-10-27T23:45:00+01:00');
    // 10:00Z on Friday to 22:45Z on Tuesday (the local clock repeats an hour): 4 days and 51 quarters, both ends included.
    expect(total.ticks).toBe(4 * 96 + 51 + 1);
    // Alice's mission starts on 16 November: julien and sarah only.
    expect(total).toMatchObject({ planned: 6, already: 0, failed: 0, skipped: 4 });
    expect(await dailyRuns()).toEqual([
      ['sarah', '2026-10-23', '2026-10-23T15:30:00.000Z'],
      ['julien', '2026-10-23', '2026-10-23T16:00:00.000Z'],
      ['sarah', '2026-10-26', '2026-10-26T16:30:00.000Z'],
      ['julien', '2026-10-26', '2026-10-26T17:00:00.000Z'],
      ['sarah', '2026-10-27', '2026-10-27T16:30:00.000Z'],
      ['julien', '2026-10-27', '2026-10-27T17:00:00.000Z'],
    ]);
    expect(await world.prisma.checkIn.count({ where: { kind: 'DAILY' } })).toBe(6);
  });

  it('looks at a daily time inside the changing hour (02:30) exactly once on the change night', async () => {
    await world.prisma.person.updateMany({ where: { id: { in: [world.people.alice!, world.people.sarah!] } }, data: { dailyCheckinTime: '02:30' } });
    try {
      // Sunday: the occurrence is found once (and skipped: not a working day), in spring and in autumn.
      expect(await tickEveryQuarter('2027-03-28T00:00:00+01:00', '2027-03-28T05:00:00+02:00')).toEqual({ planned: 0, already: 0, skipped: 1, failed: 0, ticks: 17 });
      await world.reset();
      expect(await tickEveryQuarter('2026-10-25T00:00:00+02:00', '2026-10-25T05:00:00+01:00')).toEqual({ planned: 0, already: 0, skipped: 1, failed: 0, ticks: 25 });
      await world.reset();
      // A working day after the change: planned once at 02:30 CEST, delivered at the end of the quiet hours.
      expect(await tickEveryQuarter('2027-03-30T00:00:00+02:00', '2027-03-30T05:00:00+02:00')).toEqual({ planned: 1, already: 0, skipped: 0, failed: 0, ticks: 21 });
      expect(await dailyRuns()).toEqual([['alice', '2027-03-30', '2027-03-30T00:30:00.000Z']]);
      const row = await world.prisma.outboxMessage.findFirstOrThrow({ where: { recipientId: world.people.alice! } });
      expect(row.nextAttemptAt.toISOString()).toBe('2027-03-30T06:30:00.000Z');
    } finally {
      await world.prisma.person.updateMany({ where: { id: { in: [world.people.alice!, world.people.sarah!] } }, data: { dailyCheckinTime: null } });
    }
  });
});
