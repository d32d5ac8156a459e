/**
 * The rituals that follow the daily check-in, as the full tick (planner and dispatcher) runs them
 * on the example organization: the next working morning's reminder, the weekly check-in (brought
 * forward by a holiday or a declared leave), the managers' Monday digest, and the alert after
 * three working days of silence.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPlannerWorld, outboxRows, type PlannerWorld } from '../../helpers/planner-world.js';

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

/** Ticks at each instant in turn (the previous tick is the one before). */
async function ticks(...instants: string[]) {
  const summaries = [];
  for (const at of instants) summaries.push(await world.tick(at));
  return summaries;
}

/** Ticks at `at` with the previous tick two minutes before (a live server). */
async function tickAfterPause(at: string) {
  await world.setPreviousTick(new Date(new Date(at).getTime() - 2 * 60_000));
  return world.tick(at);
}

async function runsOf(ritual: string) {
  const refs = Object.fromEntries(Object.entries(world.people).map(([ref, id]) => [id, ref]));
  const rows = await world.prisma.ritualRun.findMany({ where: { ritual } });
  return rows
    .map((r) => ({ key: r.key, person: refs[r.personId ?? ''] ?? '?', scheduledFor: r.scheduledFor.toISOString() }))
    .sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor) || a.person.localeCompare(b.person));
}

describe('the next morning’s reminder', () => {
  it('reminds at 09:00 the next working morning, once, of a check-in delivered on its day and left unanswered', async () => {
    await world.setPreviousTick('2026-11-23T17:29:00+01:00');
    await ticks('2026-11-23T17:31:00+01:00', '2026-11-23T18:01:00+01:00');
    expect(await world.prisma.outboxMessage.count({ where: { kind: 'checkin.daily', status: 'SENT' } })).toBe(3);
    // Sarah fills her Monday elsewhere (the CLI): nothing to remind her of.
    await world.recordDay('sarah', '2026-11-23', [{ kind: 'WORKED', fraction: 1 }]);

    expect((await world.tick('2026-11-24T08:59:00+01:00')).planned).toEqual(NOTHING);
    const morning = await world.tick('2026-11-24T09:01:00+01:00');
    // Reminders for alice and julien; sarah's skipped; the silence alert looked at all three (1 day: no alert).
    expect(morning.planned).toEqual({ ...NOTHING, planned: 2, skipped: 4 });
    expect(morning.sent).toBe(2);
    expect(await runsOf('daily-reminder')).toEqual([
      { key: `daily-reminder:${alice}:2026-11-23`, person: 'alice', scheduledFor: '2026-11-24T08:00:00.000Z' },
      { key: `daily-reminder:${julien}:2026-11-23`, person: 'julien', scheduledFor: '2026-11-24T08:00:00.000Z' },
    ]);
    const reminders = await outboxRows(world, 'daily-reminder:');
    expect(reminders.map((r) => [r.recipient, r.status, r.sentAt])).toEqual(
      expect.arrayContaining([
        ['alice', 'SENT', '2026-11-24T08:01:00.000Z'],
        ['julien', 'SENT', '2026-11-24T08:01:00.000Z'],
      ]),
    );
    expect(reminders).toHaveLength(2);
    const reminderRow = await world.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `daily-reminder:${alice}:2026-11-23` } });
    const delivered = await world.prisma.webMessage.findUniqueOrThrow({ where: { outboxId: reminderRow.id } });
    expect((delivered.payload as { text: string }).text).toBe(
      'Petit rappel : comment s’est passée votre journée du lundi 23 novembre sur Refonte du SI paiements ?',
    );

    // Not again: later ticks, the same window looked at again, the next morning.
    await ticks('2026-11-24T09:02:00+01:00', '2026-11-24T09:15:00+01:00');
    await world.setPreviousTick('2026-11-24T08:59:00+01:00');
    expect((await world.tick('2026-11-24T09:01:00+01:00')).planned).toEqual({ ...NOTHING, already: 2, skipped: 4 });
    await tickAfterPause('2026-11-25T09:01:00+01:00');
    expect(await world.prisma.ritualRun.count({ where: { ritual: 'daily-reminder' } })).toBe(2);
    expect(await world.prisma.outboxMessage.count({ where: { kind: 'checkin.daily.reminder' } })).toBe(2);
  });

  it('reminds of Friday’s check-in on Monday morning, with the managers’ digest', async () => {
    await world.setPreviousTick('2026-11-27T17:29:00+01:00');
    await ticks('2026-11-27T17:31:00+01:00', '2026-11-27T18:01:00+01:00');
    expect((await tickAfterPause('2026-11-28T09:01:00+01:00')).planned).toEqual({ ...NOTHING, skipped: 6 }); // Saturday
    const monday = await tickAfterPause('2026-11-30T09:01:00+01:00');
    expect(monday.planned).toEqual({ ...NOTHING, planned: 4, skipped: 3 });
    expect((await runsOf('daily-reminder')).map((r) => r.key)).toEqual([
      `daily-reminder:${alice}:2026-11-27`,
      `daily-reminder:${julien}:2026-11-27`,
      `daily-reminder:${sarah}:2026-11-27`,
    ]);
    expect(await runsOf('digest')).toEqual([{ key: `digest:${world.people.marc}:2026-11-30`, person: 'marc', scheduledFor: '2026-11-30T08:00:00.000Z' }]);
  });
});

describe('the weekly check-in', () => {
  it('goes out on Friday at 16:00 (sarah: Thursday 15:00), once per mission and week, and rolls the week’s open daily check-ins in', async () => {
    await world.setPreviousTick('2026-11-23T17:29:00+01:00');
    await world.tick('2026-11-23T17:31:00+01:00'); // Monday: alice's and sarah's daily check-ins

    expect((await tickAfterPause('2026-11-26T15:01:00+01:00')).planned).toEqual({ ...NOTHING, planned: 1 });
    // Thursday 16:00: alice and julien could still be asked on Friday.
    expect((await tickAfterPause('2026-11-26T16:01:00+01:00')).planned).toEqual({ ...NOTHING, skipped: 2 });
    const sarahsMonday = await world.prisma.checkIn.findFirstOrThrow({ where: { missionId: sarah, kind: 'DAILY' } });
    expect(sarahsMonday.status).toBe('EXPIRED');
    expect(await world.prisma.outboxMessage.count({ where: { dedupeKey: `daily:${sarah}:2026-11-23:rolled-over` } })).toBe(1);
    expect((await world.prisma.checkIn.findFirstOrThrow({ where: { missionId: alice, kind: 'DAILY' } })).status).toBe('PENDING');

    const friday = await tickAfterPause('2026-11-27T16:01:00+01:00');
    expect(friday.planned).toEqual({ ...NOTHING, planned: 2 });
    expect(friday.sent).toBe(3); // two weekly questions and alice's rolled-over Monday
    expect(await runsOf('weekly')).toEqual([
      { key: `weekly:${sarah}:2026-11-23`, person: 'sarah', scheduledFor: '2026-11-26T14:00:00.000Z' },
      { key: `weekly:${alice}:2026-11-23`, person: 'alice', scheduledFor: '2026-11-27T15:00:00.000Z' },
      { key: `weekly:${julien}:2026-11-23`, person: 'julien', scheduledFor: '2026-11-27T15:00:00.000Z' },
    ]);
    expect(await world.prisma.checkIn.count({ where: { kind: 'WEEKLY', date: new Date('2026-11-23T00:00:00Z') } })).toBe(3);
    expect((await world.prisma.checkIn.findFirstOrThrow({ where: { missionId: alice, kind: 'DAILY' } })).status).toBe('EXPIRED');
    expect((await outboxRows(world, 'weekly:')).map((r) => [r.recipient, r.status])).toEqual(
      expect.arrayContaining([
        ['alice', 'SENT'],
        ['julien', 'SENT'],
        ['sarah', 'SENT'],
      ]),
    );

    // The same window again: nothing more.
    await world.setPreviousTick('2026-11-27T15:59:00+01:00');
    expect((await world.tick('2026-11-27T16:01:00+01:00')).planned).toEqual({ ...NOTHING, already: 2 });
    expect(await world.prisma.outboxMessage.count({ where: { kind: 'checkin.weekly' } })).toBe(3);
  });

  it('is brought forward to Thursday when Friday is a holiday (Christmas 2026)', async () => {
    expect((await tickAfterPause('2026-12-24T15:01:00+01:00')).planned).toEqual({ ...NOTHING, planned: 1 });
    expect((await tickAfterPause('2026-12-24T16:01:00+01:00')).planned).toEqual({ ...NOTHING, planned: 2 });
    expect((await tickAfterPause('2026-12-25T16:01:00+01:00')).planned).toEqual({ ...NOTHING, skipped: 2 });
    expect(await runsOf('weekly')).toEqual([
      { key: `weekly:${sarah}:2026-12-21`, person: 'sarah', scheduledFor: '2026-12-24T14:00:00.000Z' },
      { key: `weekly:${alice}:2026-12-21`, person: 'alice', scheduledFor: '2026-12-24T15:00:00.000Z' },
      { key: `weekly:${julien}:2026-12-21`, person: 'julien', scheduledFor: '2026-12-24T15:00:00.000Z' },
    ]);
  });

  it('is brought forward to the last day before a declared leave (Good Friday too, for julien in FR-67)', async () => {
    await world.recordDay('alice', '2026-11-26', [{ kind: 'CP', fraction: 1 }]);
    await world.recordDay('alice', '2026-11-27', [{ kind: 'CP', fraction: 1 }]);
    await world.recordDay('julien', '2026-11-27', [{ kind: 'RTT', fraction: 1 }]);
    await world.recordDay('sarah', '2026-11-26', [{ kind: 'CP', fraction: 1 }]);
    expect((await tickAfterPause('2026-11-25T15:01:00+01:00')).planned).toEqual({ ...NOTHING, planned: 1 }); // sarah, Wednesday
    expect((await tickAfterPause('2026-11-25T16:01:00+01:00')).planned).toEqual({ ...NOTHING, planned: 1, skipped: 1 }); // alice, Wednesday
    expect((await tickAfterPause('2026-11-26T15:01:00+01:00')).planned).toEqual({ ...NOTHING, skipped: 1 }); // sarah on leave
    expect((await tickAfterPause('2026-11-26T16:01:00+01:00')).planned).toEqual({ ...NOTHING, planned: 1, skipped: 1 }); // julien, Thursday
    expect((await tickAfterPause('2026-11-27T16:01:00+01:00')).planned).toEqual({ ...NOTHING, skipped: 2 });
    expect((await runsOf('weekly')).map((r) => [r.person, r.scheduledFor])).toEqual([
      ['sarah', '2026-11-25T14:00:00.000Z'],
      ['alice', '2026-11-25T15:00:00.000Z'],
      ['julien', '2026-11-26T15:00:00.000Z'],
    ]);

    await world.reset();
    expect((await tickAfterPause('2027-03-25T16:01:00+01:00')).planned).toEqual({ ...NOTHING, planned: 1, skipped: 1 });
    expect((await tickAfterPause('2027-03-26T16:01:00+01:00')).planned).toEqual({ ...NOTHING, planned: 1, skipped: 1 });
    expect((await runsOf('weekly')).map((r) => [r.person, r.scheduledFor])).toEqual([
      ['julien', '2027-03-25T15:00:00.000Z'],
      ['alice', '2027-03-26T15:00:00.000Z'],
    ]);
  });
});

describe('the managers’ digest', () => {
  it('goes to each manager once, on Monday at 09:00, however often the clock ticks', async () => {
    const start = new Date('2026-11-30T08:00:00+01:00').getTime();
    const planned = [];
    for (let t = start; t <= start + 2 * 3_600_000; t += 15 * 60_000) planned.push((await world.tick(new Date(t))).planned.planned);
    expect(planned).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(await runsOf('digest')).toEqual([{ key: `digest:${world.people.marc}:2026-11-30`, person: 'marc', scheduledFor: '2026-11-30T08:00:00.000Z' }]);
    const rows = await outboxRows(world, 'digest:');
    expect(rows.map((r) => [r.recipient, r.status, r.sentAt])).toEqual([['marc', 'SENT', '2026-11-30T08:00:00.000Z']]);
    // Not on the other days of the week.
    for (const day of ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']) await tickAfterPause(`${day}T09:01:00+01:00`);
    expect(await world.prisma.ritualRun.count({ where: { ritual: 'digest' } })).toBe(1);
  });

  it('goes to a second manager separately, in their language', async () => {
    const org = await world.prisma.person.findUniqueOrThrow({ where: { id: world.people.marc }, select: { organizationId: true } });
    const nadia = await world.prisma.person.create({
      data: { organizationId: org.organizationId, ref: 'nadia', name: 'Nadia Benali', roles: ['MANAGER'], locale: 'en' },
    });
    await world.prisma.mission.update({ where: { id: sarah }, data: { managerId: nadia.id } });
    try {
      expect((await tickAfterPause('2026-12-07T09:01:00+01:00')).planned).toMatchObject({ planned: 2 });
      await world.setPreviousTick('2026-12-07T08:59:00+01:00');
      expect((await world.tick('2026-12-07T09:01:00+01:00')).planned).toMatchObject({ planned: 0, already: 2 });
      const rows = await world.prisma.outboxMessage.findMany({ where: { kind: 'digest.weekly' }, select: { recipientId: true, dedupeKey: true, payload: true } });
      expect(rows.map((r) => r.dedupeKey).sort()).toEqual([`digest:${nadia.id}:2026-12-07`, `digest:${world.people.marc}:2026-12-07`].sort());
      const text = (id: string) => (rows.find((r) => r.recipientId === id)!.payload as { text: string }).text;
      expect(text(nadia.id)).toMatch(/^Your team from Monday 30 November to Sunday 6 December/);
      expect(text(world.people.marc!)).toMatch(/^Votre équipe du lundi 30 novembre au dimanche 6 décembre/);
    } finally {
      await world.prisma.mission.update({ where: { id: sarah }, data: { managerId: world.people.marc! } });
      await world.prisma.person.update({ where: { id: nadia.id }, data: { active: false } });
    }
  });

  it('on a holiday Monday (Easter Monday 2027) is planned at 09:00 and delivered on Tuesday at 08:30', async () => {
    expect((await tickAfterPause('2027-03-29T09:01:00+02:00')).planned).toMatchObject({ planned: 1 });
    expect((await outboxRows(world, 'digest:')).map((r) => [r.recipient, r.nextAttemptAt, r.status])).toEqual([
      ['marc', '2027-03-30T06:30:00.000Z', 'PENDING'],
    ]);
  });
});

describe('the silence alert', () => {
  const evening = (day: string) => [`${day}T17:31:00+01:00`, `${day}T18:01:00+01:00`];

  it('tells the manager after three working days of delivered, unanswered check-ins, once per streak', async () => {
    await world.setPreviousTick('2026-11-23T17:29:00+01:00');
    await ticks(...evening('2026-11-23'), '2026-11-24T09:01:00+01:00', ...evening('2026-11-24'), '2026-11-25T09:01:00+01:00', '2026-11-25T17:31:00+01:00');
    await world.recordDay('sarah', '2026-11-25', [{ kind: 'WORKED', fraction: 1 }]); // sarah answers on Wednesday
    await world.tick('2026-11-25T18:01:00+01:00');
    expect(await world.prisma.alert.count()).toBe(0);

    const thursday = await world.tick('2026-11-26T09:01:00+01:00');
    // Reminders of Wednesday for alice and julien, and their alerts; sarah: nothing.
    expect(thursday.planned).toEqual({ ...NOTHING, planned: 4, skipped: 2 });
    const alerts = await world.prisma.alert.findMany();
    const byKey = Object.fromEntries(alerts.map((a) => [a.dedupeKey, [a.kind, a.missionId, a.subjectId, a.recipientId, a.status, a.data]]));
    expect(byKey).toEqual({
      [`silent:${alice}:2026-11-23`]: ['MISSING_CHECKINS', alice, world.people.alice, world.people.marc, 'OPEN', { mission: 'Refonte du SI paiements', since: '2026-11-23', days: 3 }],
      [`silent:${julien}:2026-11-23`]: ['MISSING_CHECKINS', julien, world.people.julien, world.people.marc, 'OPEN', { mission: 'Migration du datalake sinistres', since: '2026-11-23', days: 3 }],
    });
    const messages = await outboxRows(world, 'alert:');
    expect(messages.map((m) => [m.key, m.recipient, m.status]).sort()).toEqual(
      alerts.map((a) => [`alert:${a.id}:${world.people.marc}`, 'marc', 'SENT']).sort(),
    );

    // Thursday goes unanswered too: on Friday the streak is the same one (since Monday), no new alert.
    await ticks('2026-11-26T15:01:00+01:00', '2026-11-26T16:01:00+01:00', ...evening('2026-11-26'));
    const friday = await world.tick('2026-11-27T09:01:00+01:00');
    expect(friday.planned).toEqual({ ...NOTHING, planned: 3, already: 2, skipped: 1 });
    expect(await world.prisma.alert.count()).toBe(2);

    // Alice and sarah fill Thursday, then stay silent on Friday, Monday and Tuesday: a new streak each, a new alert each.
    await world.recordDay('alice', '2026-11-26', [{ kind: 'WORKED', fraction: 1 }]);
    await world.recordDay('sarah', '2026-11-26', [{ kind: 'WORKED', fraction: 1 }]);
    await ticks('2026-11-27T16:01:00+01:00', ...evening('2026-11-27'), '2026-11-30T09:01:00+01:00', ...evening('2026-11-30'));
    await ticks('2026-12-01T09:01:00+01:00', ...evening('2026-12-01'));
    expect(await world.prisma.alert.count()).toBe(2);
    await world.tick('2026-12-02T09:01:00+01:00');
    const after = await world.prisma.alert.findMany({ select: { dedupeKey: true, data: true } });
    expect(after.map((a) => a.dedupeKey).sort()).toEqual(
      [`silent:${alice}:2026-11-23`, `silent:${alice}:2026-11-27`, `silent:${julien}:2026-11-23`, `silent:${sarah}:2026-11-27`].sort(),
    );
    expect(after.find((a) => a.dedupeKey === `silent:${alice}:2026-11-27`)!.data).toEqual({ mission: 'Refonte du SI paiements', since: '2026-11-27', days: 3 });
    expect(after.find((a) => a.dedupeKey === `silent:${sarah}:2026-11-27`)!.data).toEqual({ mission: 'Audit de performance des API de paiement', since: '2026-11-27', days: 3 });
  });

  it('does not count check-ins that were never delivered', async () => {
    // Planned on three evenings, but never dispatched (no dispatcher ran): nobody was asked.
    await world.setPreviousTick('2026-11-23T17:29:00+01:00');
    await world.plan('2026-11-23T18:01:00+01:00');
    await world.setPreviousTick('2026-11-24T17:29:00+01:00');
    await world.plan('2026-11-24T18:01:00+01:00');
    await world.setPreviousTick('2026-11-25T17:29:00+01:00');
    await world.plan('2026-11-25T18:01:00+01:00');
    expect(await world.prisma.checkIn.count({ where: { kind: 'DAILY' } })).toBe(9);
    expect((await tickAfterPause('2026-11-26T09:01:00+01:00')).planned).toMatchObject({ planned: 0 });
    expect(await world.prisma.alert.count()).toBe(0);
  });
});
