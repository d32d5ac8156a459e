/**
 * The fake Slack answering 20 % of chat.postMessage calls with 429 (Retry-After), 10 % with HTTP 500
 * and 5 % too late (the message is posted, the answer comes after the client gave up: the
 * ambiguous case): every message is delivered once, none twice.
 *
 * In-process: the real planner and dispatcher (runTick with every scheduled ritual), the real Slack
 * messenger and web client (a 400 ms timeout; the fake's late answers come after 1.5 s), on
 * PostgreSQL, with a simulated clock moved a minute per tick until nothing is pending. The
 * messenger's pacer is off: it sleeps in real time, and a 429 pauses it for the Retry-After (1 s),
 * which with one call in five rate-limited would make this test last minutes; the dispatcher still
 * gets every 429 and puts the row back at the Retry-After (the kill -9 and replicas tests run the
 * pacer in real processes). The mix: Tuesday's daily check-in to 400 consultants; half of them
 * answer (a click through the interaction router), which updates their check-in in place through
 * the outbox (chat.update); Wednesday morning the other half get the reminder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChatMessage } from '../../src/chat/message.js';
import { createSlackMessenger } from '../../src/chat/slack/delivery/slack-messenger.js';
import { createSlackWebClient } from '../../src/chat/slack/slack-web-client.js';
import { createLogger } from '../../src/log.js';
import { SCHEDULED_RITUALS } from '../../src/rituals/index.js';
import { runTick, type TickDeps } from '../../src/scheduler/run-tick.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { createRitualsRouter, element, paris } from '../helpers/ritual-flow.js';
import { addSlackUsers, bigOrganization, dmChannelOf, importBigOrganization, type BigOrg } from './helpers/big-org.js';
import { createResilienceDatabase, type ResilienceDatabase } from './helpers/postgres.js';

const CONSULTANTS = 400;
const CLIENT_TIMEOUT_MS = 400;

let db: ResilienceDatabase;
let fake: FakeSlack;
let org: BigOrg;
let clock: Date;
let deps: TickDeps;

beforeAll(async () => {
  db = await createResilienceDatabase('rituel_chaos');
  fake = await startFakeSlack({ chaos: { rateLimited: 0.2, serverError: 0.1, timeout: 0.05, timeoutMs: 1500, retryAfterSeconds: 1, seed: 2026 } });
  org = bigOrganization({ consultants: CONSULTANTS, start: '2026-11-24', teamId: fake.team.id });
  await importBigOrganization(db.database.prisma, org);
  addSlackUsers(fake, org, fake.team.id);
  const { prisma } = db.database;
  const logger = createLogger('silent');
  const client = createSlackWebClient({ token: 'xoxb-chaos', apiUrl: fake.apiUrl, timeoutMs: CLIENT_TIMEOUT_MS });
  const messenger = createSlackMessenger({ prisma, client, logger, pace: false });
  deps = { prisma, logger, rituals: SCHEDULED_RITUALS, messengers: { SLACK: messenger }, platforms: ['SLACK'], workerId: 'chaos-test' };
}, 120_000);

afterAll(async () => {
  await fake?.close();
  await db?.close();
});

/** Ticks from `local` (Paris), a simulated minute at a time, until no outbox row is waiting. */
async function tickUntilDelivered(local: string): Promise<number> {
  clock = paris(local);
  // The ticks of one run share the day's targets (nothing changes the organization meanwhile).
  const memo = new Map<string, Promise<unknown>>();
  for (let ticks = 1; ticks <= 180; ticks++) {
    const summary = await runTick({ ...deps, memo }, clock);
    expect(summary.failed).toBe(0);
    const waiting = await db.count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "status" IN ('PENDING', 'SENDING')`);
    if (waiting === 0) return ticks;
    clock = new Date(clock.getTime() + 60_000);
  }
  throw new Error(`still waiting after 180 ticks: ${JSON.stringify(await db.outboxByStatus())}`);
}

function expectEachOutboxIdOnce(): void {
  const counts = fake.outboxCounts();
  expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
}

describe('delivery under Slack faults (429, 500, timeouts)', () => {
  it('delivers the check-ins and the reminders once each, none twice, nothing failed', { timeout: 400_000 }, async () => {
    const { prisma } = db.database;
    await tickUntilDelivered('2026-11-24 17:31');
    expect(await db.outboxByStatus()).toEqual({ SENT: CONSULTANTS });
    expectEachOutboxIdOnce();
    expect(fake.outboxCounts().size).toBe(CONSULTANTS);

    // Half of the consultants answer "full day" with the check-in's button.
    const router = createRitualsRouter({ prisma, logger: createLogger('silent'), platforms: ['SLACK'], now: () => clock });
    const answering = org.consultants.filter((_, i) => i % 2 === 0);
    for (const consultant of answering) {
      const row = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'checkin.daily', recipient: { ref: consultant.ref } } });
      const full = element(parseChatMessage(row.payload), 'daily.answer', { a: 'full' });
      const result = await router.handle({
        id: `click-${consultant.ref}`,
        kind: 'action',
        actor: { platform: 'SLACK', teamId: fake.team.id, externalId: consultant.slackUserId },
        actionId: full.actionId,
        value: full.value,
        messageId: row.platformMessageId ?? undefined,
      });
      expect(result.refused).toBeUndefined();
    }
    expect(await db.count(`SELECT count(*) AS n FROM "DayEntry"`)).toBe(answering.length);

    // Their check-ins are updated in place through the outbox (chat.update, which the faults spare).
    await tickUntilDelivered('2026-11-24 17:45');
    expect(await db.outboxByStatus('checkin.daily.update')).toEqual({ SENT: answering.length });
    expect(fake.callsOf('chat.update')).toHaveLength(answering.length);
    for (const consultant of answering) {
      const [checkIn] = fake.channelMessages(dmChannelOf(consultant.slackUserId));
      expect(JSON.stringify(checkIn!.blocks), consultant.ref).not.toContain('daily.answer');
    }

    // Wednesday morning: the others are reminded, once.
    await tickUntilDelivered('2026-11-25 09:01');
    const reminders = CONSULTANTS - answering.length;
    expect(await db.outboxByStatus('checkin.daily.reminder')).toEqual({ SENT: reminders });
    expect(await db.outboxByStatus()).toEqual({ SENT: CONSULTANTS + answering.length + reminders });

    // Slack: every new message exactly once (updates carry no outbox id), and nothing else posted.
    expectEachOutboxIdOnce();
    const postedIds = (await db.sql.query<{ id: string }>(`SELECT "id" FROM "OutboxMessage" WHERE "updatesId" IS NULL`)).rows.map((r) => r.id).sort();
    expect([...fake.outboxCounts().keys()].sort()).toEqual(postedIds);
    expect(fake.messages.filter((m) => !m.ephemeralFor)).toHaveLength(CONSULTANTS + reminders);
    for (const [i, consultant] of org.consultants.entries()) {
      expect(fake.channelMessages(dmChannelOf(consultant.slackUserId)), consultant.ref).toHaveLength(i % 2 === 0 ? 1 : 2);
    }
    // The faults did happen, in numbers.
    expect(fake.stats.rateLimited.chaos).toBeGreaterThan(50);
    expect(fake.stats.serverErrors).toBeGreaterThan(25);
    expect(fake.stats.timeouts).toBeGreaterThan(10);
    // No row used up its attempts on the 429s (they are not failed attempts).
    expect(await db.count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "attempts" > 5`)).toBe(0);
  });
});
