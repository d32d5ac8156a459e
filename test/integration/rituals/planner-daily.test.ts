/**
 * The daily check-in as the planner runs it, on the example organization and a real database:
 * 17:30 Paris (18:00 for julien) on the working days of each mission's calendar, inside its
 * window, not for a filled day, a day of leave or a submitted month; catch-up after missed ticks
 * (within the window only, delivered after the quiet hours); never twice for the same day.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toDateOnlyUTC } from '../../../src/domain/index.js';
import { createPlannerWorld, dailyCheckIns, outboxRows, type PlannerWorld } from '../../helpers/planner-world.js';

let world: PlannerWorld;
let alice: string, julien: string, sarah: string;

beforeAll(async () => {
  world = await createPlannerWorld();
  ({ alice, julien, sarah } = world.missions as Record<'alice' | 'julien' | 'sarah', string>);
});
afterAll(async () => {
  await world?.close();
});
beforeEach(async () => {
  await world.reset();
});

const NOTHING = { planned: 0, already: 0, skipped: 0, failed: 0 };

async function runs(ritual = 'daily') {
  const refs = Object.fromEntries(Object.entries(world.people).map(([ref, id]) => [id, ref]));
  const rows = await world.prisma.ritualRun.findMany({ where: { ritual } });
  return rows
    .map((r) => ({ key: r.key, localDate: r.localDate?.toISOString().slice(0, 10), scheduledFor: r.scheduledFor.toISOString(), person: refs[r.personId ?? ''] }))
    .sort((x, y) => x.scheduledFor.localeCompare(y.scheduledFor) || String(x.person).localeCompare(String(y.person)));
}

describe('on a working day', () => {
  it('plans one check-in per consultant at 17:30 Paris (julien at 18:00) and delivers it at once', async () => {
    await world.setPreviousTick('2026-11-23T17:29:00+01:00');
    const first = await world.tick('2026-11-23T17:31:00+01:00');
    expect(first.planned).toEqual({ ...NOTHING, planned: 2 });
    expect(first.sent).toBe(2);
    expect(await dailyCheckIns(world)).toEqual([['alice', '2026-11-23'], ['sarah', '2026-11-23']]);

    const second = await world.tick('2026-11-23T18:01:00+01:00');
    expect(second.planned).toEqual({ ...NOTHING, planned: 1 });
    expect(second.sent).toBe(1);

    expect(await runs()).toEqual([
      { key: `daily:${alice}:2026-11-23`, localDate: '2026-11-23', scheduledFor: '2026-11-23T16:30:00.000Z', person: 'alice' },
      { key: `daily:${sarah}:2026-11-23`, localDate: '2026-11-23', scheduledFor: '2026-11-23T16:30:00.000Z', person: 'sarah' },
      { key: `daily:${julien}:2026-11-23`, localDate: '2026-11-23', scheduledFor: '2026-11-23T17:00:00.000Z', person: 'julien' },
    ]);
    expect(await outboxRows(world, 'daily:')).toEqual(
      [
        { key: `daily:${alice}:2026-11-23`, recipient: 'alice', nextAttemptAt: '2026-11-23T16:31:00.000Z', status: 'SENT', sentAt: '2026-11-23T16:31:00.000Z' },
        { key: `daily:${julien}:2026-11-23`, recipient: 'julien', nextAttemptAt: '2026-11-23T17:01:00.000Z', status: 'SENT', sentAt: '2026-11-23T17:01:00.000Z' },
        { key: `daily:${sarah}:2026-11-23`, recipient: 'sarah', nextAttemptAt: '2026-11-23T16:31:00.000Z', status: 'SENT', sentAt: '2026-11-23T16:31:00.000Z' },
      ].sort((a, b) => a.key.localeCompare(b.key)),
    );
    // Each in the consultant's language, on the web chat.
    const texts = Object.fromEntries(
      (await world.prisma.webMessage.findMany({ select: { personId: true, payload: true } })).map((m) => [m.personId, (m.payload as { text: string }).text]),
    );
    expect(Object.keys(texts).sort()).toEqual([world.people.alice, world.people.julien, world.people.sarah].sort());
    expect(texts[world.people.alice!]).toBe('Comment s’est passée votre journée du lundi 23 novembre sur Refonte du SI paiements ?');
    expect(texts[world.people.sarah!]).toBe('How was Monday 23 November on Audit de performance des API de paiement?');
  });

  it('asks exactly once when the clock ticks every minute through the evening', async () => {
    const start = new Date('2026-11-23T17:20:00+01:00').getTime();
    let planned = 0;
    for (let minute = 0; minute <= 50; minute += 1) planned += (await world.tick(new Date(start + minute * 60_000))).planned.planned;
    expect(planned).toBe(3);
    expect(await dailyCheckIns(world)).toEqual([['alice', '2026-11-23'], ['julien', '2026-11-23'], ['sarah', '2026-11-23']]);
    expect(await world.prisma.outboxMessage.count()).toBe(3);
    expect(await world.prisma.webMessage.count()).toBe(3);
  });
});

describe('days without a check-in', () => {
  it('asks nobody on a weekend', async () => {
    await world.setPreviousTick('2026-11-28T17:00:00+01:00');
    expect((await world.tick('2026-11-28T18:01:00+01:00')).planned).toEqual({ ...NOTHING, skipped: 3 });
    await world.setPreviousTick('2026-11-29T17:00:00+01:00');
    expect((await world.tick('2026-11-29T18:01:00+01:00')).planned).toEqual({ ...NOTHING, skipped: 3 });
    expect(await world.prisma.checkIn.count()).toBe(0);
    expect(await world.prisma.ritualRun.count()).toBe(0);
    expect(await world.prisma.outboxMessage.count()).toBe(0);
  });

  it('asks nobody on Christmas, a holiday in every region', async () => {
    await world.setPreviousTick('2026-12-25T17:00:00+01:00');
    expect((await world.tick('2026-12-25T18:01:00+01:00')).planned).toEqual({ ...NOTHING, skipped: 3 });
    expect(await world.prisma.checkIn.count()).toBe(0);
  });

  it('follows the region of the mission: Good Friday 2027 is off for julien (FR-67), worked for alice (FR)', async () => {
    await world.setPreviousTick('2027-03-26T17:00:00+01:00');
    expect((await world.tick('2027-03-26T18:01:00+01:00')).planned).toEqual({ ...NOTHING, planned: 1, skipped: 1 });
    expect(await dailyCheckIns(world)).toEqual([['alice', '2027-03-26']]);
  });

  it('does not ask about a day already filled or a full day of leave; a half day left open is still asked', async () => {
    await world.recordDay('alice', '2026-11-24', [{ kind: 'WORKED', fraction: '0.5' }, { kind: 'CP', fraction: '0.5' }]);
    await world.recordDay('julien', '2026-11-24', [{ kind: 'CP', fraction: 1 }]);
    await world.recordDay('sarah', '2026-11-24', [{ kind: 'WORKED', fraction: '0.75' }]);
    await world.setPreviousTick('2026-11-24T17:00:00+01:00');
    expect((await world.tick('2026-11-24T18:01:00+01:00')).planned).toEqual({ ...NOTHING, planned: 1, skipped: 2 });
    expect(await dailyCheckIns(world)).toEqual([['sarah', '2026-11-24']]);

    await world.recordDay('alice', '2026-11-25', [{ kind: 'CP', fraction: '0.5' }]);
    await world.setPreviousTick('2026-11-25T17:00:00+01:00');
    expect((await world.tick('2026-11-25T18:01:00+01:00')).planned).toEqual({ ...NOTHING, planned: 3 });
  });

  it('does not ask about a month whose CRA is submitted', async () => {
    await world.prisma.timesheet.create({ data: { missionId: alice, month: '2026-11', status: 'SUBMITTED' } });
    await world.prisma.timesheet.create({ data: { missionId: sarah, month: '2026-11', status: 'DISPUTED' } });
    await world.setPreviousTick('2026-11-25T17:29:00+01:00');
    expect((await world.tick('2026-11-25T17:31:00+01:00')).planned).toEqual({ ...NOTHING, planned: 1, skipped: 1 });
    expect(await dailyCheckIns(world)).toEqual([['sarah', '2026-11-25']]);
  });

  it('asks only inside the mission window', async () => {
    // Before alice's mission (starts Monday 16 November 2026): julien and sarah only.
    await world.setPreviousTick('2026-11-13T17:00:00+01:00');
    expect((await world.tick('2026-11-13T18:01:00+01:00')).planned).toEqual({ ...NOTHING, planned: 2 });
    await world.setPreviousTick('2026-11-16T17:29:00+01:00');
    expect((await world.tick('2026-11-16T17:31:00+01:00')).planned).toEqual({ ...NOTHING, planned: 2 });
    expect(await dailyCheckIns(world)).toEqual([
      ['julien', '2026-11-13'],
      ['sarah', '2026-11-13'],
      ['alice', '2026-11-16'],
      ['sarah', '2026-11-16'],
    ]);

    // Sarah's mission ends on Friday 26 February 2027: asked that day, not the Monday after.
    await world.setPreviousTick('2027-02-26T17:29:00+01:00');
    expect((await world.tick('2027-02-26T17:31:00+01:00')).planned).toEqual({ ...NOTHING, planned: 2 });
    await world.setPreviousTick('2027-03-01T17:29:00+01:00');
    expect((await world.tick('2027-03-01T17:31:00+01:00')).planned).toEqual({ ...NOTHING, planned: 1, skipped: 1 });
    expect((await dailyCheckIns(world)).filter(([, date]) => date >= '2027-01-01')).toEqual([
      ['alice', '2027-02-26'],
      ['sarah', '2027-02-26'],
      ['alice', '2027-03-01'],
    ]);
  });

  it('does not ask the day before a mission that starts the next day', async () => {
    const original = await world.prisma.mission.findUniqueOrThrow({ where: { id: alice }, select: { startDate: true } });
    await world.prisma.mission.update({ where: { id: alice }, data: { startDate: toDateOnlyUTC('2026-11-17') } });
    try {
      await world.setPreviousTick('2026-11-16T17:29:00+01:00');
      expect((await world.tick('2026-11-16T17:31:00+01:00')).planned).toEqual({ ...NOTHING, planned: 1, skipped: 1 });
      await world.setPreviousTick('2026-11-17T17:29:00+01:00');
      expect((await world.tick('2026-11-17T17:31:00+01:00')).planned).toEqual({ ...NOTHING, planned: 2 });
      expect((await dailyCheckIns(world)).filter(([ref]) => ref === 'alice')).toEqual([['alice', '2026-11-17']]);
    } finally {
      await world.prisma.mission.update({ where: { id: alice }, data: { startDate: original.startDate } });
    }
  });
});

describe('catching up missed ticks', () => {
  it('plans the 17:30 and 18:00 check-ins at 19:45 but delivers them the next working morning at 08:30', async () => {
    await world.setPreviousTick('2026-11-23T17:00:00+01:00');
    const late = await world.tick('2026-11-23T19:45:00+01:00');
    expect(late.planned).toEqual({ ...NOTHING, planned: 3 });
    expect(late.sent).toBe(0);
    expect((await runs()).map((r) => r.scheduledFor)).toEqual(['2026-11-23T16:30:00.000Z', '2026-11-23T16:30:00.000Z', '2026-11-23T17:00:00.000Z']);
    const rows = await outboxRows(world, 'daily:');
    expect(Object.fromEntries(rows.map((r) => [r.recipient, [r.nextAttemptAt, r.status]]))).toEqual({
      alice: ['2026-11-24T07:30:00.000Z', 'PENDING'],
      julien: ['2026-11-24T07:30:00.000Z', 'PENDING'],
      sarah: ['2026-11-24T07:30:00.000Z', 'PENDING'],
    });
    expect(await world.prisma.webMessage.count()).toBe(0);

    expect((await world.tick('2026-11-24T08:29:00+01:00')).sent).toBe(0);
    expect((await world.tick('2026-11-24T08:31:00+01:00')).sent).toBe(3);
    expect(await world.prisma.webMessage.count()).toBe(3);
    // Delivered the next morning, not on its day: no reminder for it at 09:00.
    const morning = await world.tick('2026-11-24T09:01:00+01:00');
    expect(morning.planned.planned).toBe(0);
    expect(await world.prisma.ritualRun.count({ where: { ritual: 'daily-reminder' } })).toBe(0);
  });

  it('defers a Friday evening catch-up to Monday 08:30, or to Tuesday for someone on leave on Monday', async () => {
    await world.recordDay('julien', '2026-11-30', [{ kind: 'CP', fraction: 1 }]);
    await world.setPreviousTick('2026-11-27T17:00:00+01:00');
    expect((await world.tick('2026-11-27T19:45:00+01:00')).planned).toEqual({ ...NOTHING, planned: 3 });
    const rows = await outboxRows(world, 'daily:');
    expect(Object.fromEntries(rows.map((r) => [r.recipient, r.nextAttemptAt]))).toEqual({
      alice: '2026-11-30T07:30:00.000Z',
      sarah: '2026-11-30T07:30:00.000Z',
      julien: '2026-12-01T07:30:00.000Z',
    });
  });

  it('does not catch up what is older than the catch-up window (180 minutes)', async () => {
    await world.setPreviousTick('2026-11-23T12:00:00+01:00');
    expect((await world.tick('2026-11-23T20:31:00+01:00')).planned).toEqual({ ...NOTHING, planned: 1 });
    expect(await dailyCheckIns(world)).toEqual([['julien', '2026-11-23']]);
    // Later ticks do not bring the missed ones back.
    expect((await world.tick('2026-11-23T20:32:00+01:00')).planned).toEqual(NOTHING);
    expect(await world.prisma.checkIn.count()).toBe(1);
  });

  it('without a previous tick, looks back exactly 180 minutes (an occurrence exactly 180 minutes back is out)', async () => {
    expect((await world.tick('2026-11-23T20:29:00+01:00')).planned).toEqual({ ...NOTHING, planned: 3 });
    await world.reset();
    expect((await world.tick('2026-11-23T20:30:00+01:00')).planned).toEqual({ ...NOTHING, planned: 1 });
    expect(await dailyCheckIns(world)).toEqual([['julien', '2026-11-23']]);
  });
});

describe('never twice', () => {
  it('plans once when the same window is looked at twice', async () => {
    await world.setPreviousTick('2026-11-23T17:00:00+01:00');
    expect(await world.plan('2026-11-23T18:01:00+01:00')).toEqual({ ...NOTHING, planned: 3 });
    await world.setPreviousTick('2026-11-23T17:00:00+01:00');
    expect(await world.plan('2026-11-23T18:01:00+01:00')).toEqual({ ...NOTHING, already: 3 });
    expect(await world.prisma.ritualRun.count()).toBe(3);
    expect(await world.prisma.checkIn.count()).toBe(3);
    expect(await world.prisma.outboxMessage.count()).toBe(3);
  });

  it('plans once when two planners run the same window at the same time', async () => {
    await world.setPreviousTick('2026-11-23T17:00:00+01:00');
    const [a, b] = await Promise.all([world.plan('2026-11-23T18:01:00+01:00'), world.plan('2026-11-23T18:01:00+01:00')]);
    expect(a.planned + b.planned).toBe(3);
    expect(a.already + b.already).toBe(3);
    expect(a.failed + b.failed).toBe(0);
    expect(await world.prisma.ritualRun.count()).toBe(3);
    expect(await world.prisma.checkIn.count()).toBe(3);
    expect(await world.prisma.outboxMessage.count()).toBe(3);
    expect((await world.tick('2026-11-23T18:02:00+01:00')).sent).toBe(3);
    expect(await world.prisma.webMessage.count()).toBe(3);
  });
});
