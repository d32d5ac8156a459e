/**
 * A whole month of rituals (December 2026) through the Slack adapter, end to end over HTTP: the
 * scheduler's ticks at the moments that matter (each working day's morning, the weekly check-ins,
 * the evening check-ins, the month's close, follow-up days in January), delivered through the
 * Slack messenger to the fake Slack while it answers 429 (Retry-After), 500 and once too slowly
 * (the post landed, the answer came after the timeout). Every answer is a correctly signed POST to
 * the Bolt HTTP receiver: the daily check-ins of the three consultants by their buttons (Alice:
 * "Matin seulement" twice with the afternoon's absence picked in the select that follows, a day of
 * CP through the absence select, a day left unanswered and filled in her weekly form), the CRA
 * submitted by Alice and approved by Claire by their buttons. At the end, every message reached
 * Slack exactly once, the days are what was clicked, the CRA is APPROVED with its audit row from
 * Slack, and nothing failed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDateOnlyUTC, toDateOnlyUTC, workingDaysBetween, type IsoDate } from '../../../src/domain/index.js';
import { CRA_ACTIONS } from '../../../src/rituals/cra/cra-actions.js';
import { DAILY_ACTIONS } from '../../../src/rituals/daily-checkin/daily-checkin-messages.js';
import { dailyCheckInKey, dailyReminderKey } from '../../../src/rituals/daily-checkin/keys.js';
import type { TickSummary } from '../../../src/scheduler/run-tick.js';
import {
  blockActionPayload,
  postToSlackEndpoint,
  SLACK_USERS,
  slackElement,
  startSlackWorld,
  until,
  viewSubmissionPayload,
  type SlackWorld,
} from './slack-world.js';

let world: SlackWorld;
const summaries: TickSummary[] = [];

beforeAll(async () => {
  world = await startSlackWorld({ mode: 'http', start: '2026-11-30 20:00' });
});

afterAll(async () => {
  await world?.close();
});

const CONSULTANTS = [
  { ref: 'alice', mission: 'alice-banque-nord', user: SLACK_USERS.alice },
  { ref: 'julien', mission: 'julien-assurances-rhin', user: SLACK_USERS.julien },
  { ref: 'sarah', mission: 'sarah-banque-nord', user: SLACK_USERS.sarah },
] as const;

/** What Alice answers, by day (every other working day: a full day); the unanswered one is filled in her weekly form. */
const ALICE_ANSWERS: Record<string, { a: 'half-am'; otherHalf: 'RTT' | 'TRAINING' } | { absence: 'CP' } | 'unanswered'> = {
  '2026-12-03': { a: 'half-am', otherHalf: 'RTT' },
  '2026-12-08': { absence: 'CP' },
  '2026-12-10': { a: 'half-am', otherHalf: 'TRAINING' },
  '2026-12-16': 'unanswered',
};

async function tick(local: string): Promise<TickSummary> {
  const summary = await world.tick(local);
  summaries.push(summary);
  expect(summary.failed, `failures at ${local}`).toBe(0);
  return summary;
}

async function missionId(ref: string): Promise<string> {
  return (await world.prisma.mission.findFirstOrThrow({ where: { ref } })).id;
}

/** The Slack message the outbox row `dedupeKey` became. */
async function postedFor(dedupeKey: string) {
  const row = await world.prisma.outboxMessage.findUnique({ where: { dedupeKey } });
  expect(row?.status, dedupeKey).toBe('SENT');
  if (!row) throw new Error(dedupeKey);
  const message = world.fake.messages.find((m) => m.channel === row.platformChannelId && m.ts === row.platformMessageId && !m.ephemeralFor);
  expect(message, dedupeKey).toBeDefined();
  return message!;
}

async function click(user: string, message: { channel: string; ts: string; blocks: unknown[] }, actionId: string, where: Record<string, unknown> = {}, selected?: string) {
  const element = slackElement(message.blocks, actionId, where);
  const response = await postToSlackEndpoint(world.baseUrl, 'interaction', blockActionPayload(user, element, { channel: message.channel, ts: message.ts }, selected));
  expect(response.status).toBe(200);
}

async function dailyAnswered(mission: string, date: IsoDate): Promise<boolean> {
  const checkIn = await world.prisma.checkIn.findFirst({ where: { missionId: mission, kind: 'DAILY', date: toDateOnlyUTC(date) } });
  return checkIn?.status === 'ANSWERED';
}

/** Each consultant answers the day's check-in from its Slack message (Alice as planned). */
async function answerDay(date: IsoDate): Promise<void> {
  for (const consultant of CONSULTANTS) {
    const mission = await missionId(consultant.mission);
    const plan = consultant.ref === 'alice' ? ALICE_ANSWERS[date] : undefined;
    if (plan === 'unanswered') continue;
    const message = await postedFor(dailyCheckInKey(mission, date));
    if (plan && 'absence' in plan) await click(consultant.user, message, DAILY_ACTIONS.absence, {}, plan.absence);
    else await click(consultant.user, message, DAILY_ACTIONS.answer, { a: plan?.a ?? 'full' });
    await until(() => dailyAnswered(mission, date), `${consultant.ref}'s check-in of ${date} answered`);
    if (plan && 'a' in plan) {
      // "Matin seulement": the message, updated in place, asks what the afternoon was.
      await until(() => JSON.stringify(message.blocks).includes(`"${DAILY_ACTIONS.otherHalf}`), 'the other-half question');
      await click(consultant.user, message, DAILY_ACTIONS.otherHalf, {}, plan.otherHalf);
      const entries = () => world.prisma.dayEntry.count({ where: { missionId: mission, date: toDateOnlyUTC(date) } });
      await until(async () => (await entries()) === 2, `the afternoon of ${date}`);
    }
  }
}

/** Alice opens her weekly check-in (Friday) and submits it, filling the days it leaves open. */
async function submitAliceWeekly(friday: IsoDate, expectedGaps: string[]): Promise<void> {
  const channel = `D${SLACK_USERS.alice}`;
  const weekly = world.fake.channelMessages(channel).filter((m) => JSON.stringify(m.blocks).includes('weekly.open')).at(-1);
  expect(weekly, `the weekly check-in of ${friday}`).toBeDefined();
  const before = world.fake.views.length;
  await click(SLACK_USERS.alice, weekly!, 'weekly.open');
  await until(() => world.fake.views.length > before, 'views.open');
  const modal = world.fake.views[before]!;
  expect(modal.view).toMatchObject({ type: 'modal', callback_id: 'weekly.submit' });
  const gaps = (modal.view.blocks as { block_id?: string; element?: { initial_option?: unknown } }[])
    .filter((b) => b.block_id?.startsWith('day_') && !b.element?.initial_option)
    .map((b) => b.block_id!);
  expect(gaps).toEqual(expectedGaps);
  const values = Object.fromEntries(gaps.map((id) => [id, 'full']));
  const mission = await missionId('alice-banque-nord');
  const response = await postToSlackEndpoint(world.baseUrl, 'interaction', viewSubmissionPayload(SLACK_USERS.alice, modal.view, { ...values, mood: '4', highlights: 'Recette de la v2' }));
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('');
  await until(
    async () => (await world.prisma.checkIn.findFirst({ where: { missionId: mission, kind: 'WEEKLY', status: 'ANSWERED', date: { lte: toDateOnlyUTC(friday) } }, orderBy: { date: 'desc' } })) !== null,
    'the weekly check-in answered',
  );
}

const timesheet = () => world.prisma.timesheet.findFirstOrThrow({ where: { mission: { ref: 'alice-banque-nord' }, month: '2026-12' } });

describe('a month of rituals through Slack over HTTP', () => {
  it('runs December end to end with every message delivered exactly once despite 429, 500 and a timeout', async () => {
    const days = workingDaysBetween('2026-12-01', '2026-12-31', 'FR');
    expect(days).toHaveLength(22);
    for (const day of days) {
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
      await tick(`${day} 09:01`);
      if (day === '2026-12-31') {
        // The month's close (15:00, a Thursday like Sarah's weekly), rate limited first.
        world.fake.failNext('chat.postMessage', { kind: 'ratelimited', retryAfterSeconds: 60 });
        const close = await tick(`${day} 15:01`);
        expect([close.retried, close.sent]).toEqual([1, 3]);
      } else if (weekday === 4) await tick(`${day} 15:01`); // Sarah's weekly (Thursday 15:00)
      if (weekday === 5) await tick(`${day} 16:01`); // Alice's and Julien's weekly (Friday 16:00)
      if (day === '2026-12-02') {
        world.fake.failNext('chat.postMessage', { kind: 'ratelimited', retryAfterSeconds: 120 });
        world.fake.failNext('chat.postMessage', { kind: 'http', status: 500 });
      }
      if (day === '2026-12-09') {
        // The post lands but its answer comes after the timeout, and the check right after fails too.
        world.fake.failNext('chat.postMessage', { kind: 'slow', delayMs: 2600 });
        world.fake.failNext('conversations.history', { kind: 'http', status: 500 });
      }
      if (day === '2026-12-22') world.fake.failNext('chat.postMessage', { kind: 'http', status: 503 });
      const evening = await tick(`${day} 17:31`);
      if (day === '2026-12-02') expect(evening.retried).toBe(2);
      if (day === '2026-12-22') expect(evening.retried).toBe(1);
      let ambiguous: string | null = null;
      if (day === '2026-12-09') {
        expect(evening.retried).toBe(1);
        ambiguous = (await world.prisma.outboxMessage.findFirstOrThrow({ where: { status: 'PENDING', lastError: 'SLACK_TIMEOUT' } })).id;
      }
      await tick(`${day} 18:01`); // Julien's check-in (18:00), and the retries of 17:31
      if (ambiguous) {
        // The retry found the post that had landed in the channel's history instead of posting it again.
        expect((await world.prisma.outboxMessage.findUniqueOrThrow({ where: { id: ambiguous } })).status).toBe('SENT');
        expect(world.fake.callsOf('chat.postMessage').filter((c) => (c.args.metadata as { event_payload?: { outbox_id?: string } } | undefined)?.event_payload?.outbox_id === ambiguous)).toHaveLength(1);
      }
      if (day === '2026-12-17') {
        // The reminder of the 16th went out this morning, unanswered like the question itself.
        const mission = await missionId('alice-banque-nord');
        await postedFor(dailyReminderKey(mission, '2026-12-16'));
      }
      world.setClock(`${day} 18:10`);
      await answerDay(day);
      // Friday evening, Alice fills in her weekly check-in: the only gap is the day she never answered.
      if (day === '2026-12-18') await submitAliceWeekly(day, ['day_2026-12-16']);
      if (day === '2026-12-31') {
        // Alice submits her December from the close message she received at 15:00.
        world.setClock(`${day} 18:15`);
        const close = world.fake
          .channelMessages(`D${SLACK_USERS.alice}`)
          .filter((m) => JSON.stringify(m.blocks).includes(`"${CRA_ACTIONS.submit}`))
          .at(-1);
        expect(close, 'the close message').toBeDefined();
        await click(SLACK_USERS.alice, close!, CRA_ACTIONS.submit);
        await until(async () => (await timesheet()).status === 'PENDING_CLIENT', 'the CRA sent to the client');
        await tick(`${day} 18:20`);
      }
    }

    // January: the request reaches Claire; she approves it on Monday morning by its button.
    await tick('2027-01-04 09:01');
    const claireChannel = `D${SLACK_USERS.claire}`;
    const request = world.fake.channelMessages(claireChannel).filter((m) => JSON.stringify(m.blocks).includes(`"${CRA_ACTIONS.approve}`)).at(-1);
    expect(request, 'the approval request').toBeDefined();
    world.setClock('2027-01-04 09:30');
    await click(SLACK_USERS.claire, request!, CRA_ACTIONS.approve);
    await until(async () => (await timesheet()).status === 'APPROVED', 'the CRA approved');
    for (const local of ['2027-01-04 09:31', '2027-01-04 17:31', '2027-01-05 09:01', '2027-01-06 09:01', '2027-01-07 09:01']) await tick(local);

    // Slack misbehaved, the dispatcher retried, and no message was lost or duplicated.
    expect(summaries.reduce((n, s) => n + s.retried, 0)).toBeGreaterThanOrEqual(5);
    const rows = await world.prisma.outboxMessage.findMany({ where: { platform: 'SLACK' } });
    expect(rows.filter((r) => r.status !== 'SENT').map((r) => `${r.kind}:${r.status}:${r.lastError}`)).toEqual([]);
    const posted = world.fake.messages.filter((m) => m.metadata?.event_type === 'rituel_outbox');
    const byOutbox = new Map<string, number>();
    for (const m of posted) {
      const id = String(m.metadata!.event_payload.outbox_id);
      byOutbox.set(id, (byOutbox.get(id) ?? 0) + 1);
    }
    expect([...byOutbox.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    const sentNew = rows.filter((r) => r.updatesId === null);
    expect(sentNew.length).toBeGreaterThan(80);
    expect(new Set(byOutbox.keys())).toEqual(new Set(sentNew.map((r) => r.id)));
    for (const row of sentNew) {
      const message = posted.find((m) => m.metadata!.event_payload.outbox_id === row.id)!;
      expect([row.platformChannelId, row.platformMessageId]).toEqual([message.channel, message.ts]);
    }
    // The updates of delivered messages went out as chat.update on the message they update.
    for (const row of rows.filter((r) => r.updatesId !== null)) {
      expect(world.fake.callsOf('chat.update').some((c) => c.args.ts === row.platformMessageId)).toBe(true);
    }

    // The days are what was clicked.
    for (const consultant of CONSULTANTS) {
      const mission = await missionId(consultant.mission);
      const entries = await world.prisma.dayEntry.findMany({
        where: { missionId: mission, date: { gte: toDateOnlyUTC('2026-12-01'), lte: toDateOnlyUTC('2026-12-31') } },
      });
      const got = entries.map((e) => `${fromDateOnlyUTC(e.date)} ${e.kind} ${Number(e.fraction.toString())}`).sort();
      const expected = days
        .flatMap((d) => {
          const plan = consultant.ref === 'alice' ? ALICE_ANSWERS[d] : undefined;
          if (plan && plan !== 'unanswered' && 'absence' in plan) return [`${d} CP 1`];
          if (plan && plan !== 'unanswered') return [`${d} WORKED 0.5`, `${d} ${plan.otherHalf} 0.5`];
          return [`${d} WORKED 1`];
        })
        .sort();
      expect(got, consultant.ref).toEqual(expected);
    }

    // The CRA: approved by Claire from Slack, with its audit row.
    const cra = await timesheet();
    expect(cra).toMatchObject({ status: 'APPROVED', approverId: world.people.claire });
    const audit = await world.prisma.auditEvent.findMany({ where: { entityType: 'Timesheet', entityId: cra.id, action: 'cra.approve' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ channel: 'SLACK', actorId: world.people.claire, fromStatus: 'PENDING_CLIENT', toStatus: 'APPROVED' });
    expect(await world.prisma.outboxMessage.count({ where: { status: 'FAILED' } })).toBe(0);
    // No click was refused or apologised for: the only ephemeral messages are the two confirmations.
    expect(world.fake.messages.filter((m) => m.ephemeralFor).map((m) => [m.ephemeralFor, m.text])).toEqual([
      [SLACK_USERS.alice, 'Point hebdo envoyé.'],
      [SLACK_USERS.claire, 'Merci, le CRA décembre 2026 de Alice Martin est validé.'],
    ]);
  }, 120_000);
});
