/**
 * A week of rituals delivered to Slack through the real dispatcher and the Slack messenger, with
 * Slack misbehaving: HTTP 429 with Retry-After, HTTP 500, and a post that lands but whose answer
 * never comes (timeout) while the check that follows fails too. Every message reaches Slack
 * exactly once (the fake's record, by outbox id in the message metadata); a person Slack no
 * longer knows fails permanently: the row is FAILED, the account DEAD, and the manager alerted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackMessenger } from '../../../src/chat/slack/delivery/slack-messenger.js';
import { createSlackWebClient } from '../../../src/chat/slack/slack-web-client.js';
import type { Database } from '../../../src/db/database.js';
import { createLogger } from '../../../src/log.js';
import { SCHEDULED_RITUALS } from '../../../src/rituals/index.js';
import { runTick } from '../../../src/scheduler/run-tick.js';
import { createTestDatabase } from '../../helpers/database.js';
import { importExampleOrganization } from '../../helpers/example-org.js';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';
import { paris } from '../../helpers/ritual-flow.js';
import { SLACK_USERS, TEAM } from './slack-world.js';

let database: Database;
let fake: FakeSlack;
let people: Record<string, string>;
const logger = createLogger('silent');

beforeAll(async () => {
  database = await createTestDatabase();
  await importExampleOrganization(database.prisma);
  people = Object.fromEntries((await database.prisma.person.findMany({ select: { id: true, ref: true } })).map((p) => [p.ref, p.id]));
  fake = await startFakeSlack({ teamId: TEAM });
  for (const [ref, id] of Object.entries(SLACK_USERS)) fake.addUser({ id, teamId: TEAM, name: ref });
});

afterAll(async () => {
  await fake?.close();
  await database?.close();
});

describe('Slack delivery through the dispatcher', () => {
  it('delivers a week of check-ins exactly once despite 429, 500 and timeouts', async () => {
    const { prisma } = database;
    const client = createSlackWebClient({ token: 'xoxb-test', apiUrl: fake.apiUrl, timeoutMs: 300 });
    const messenger = createSlackMessenger({ prisma, client, logger, pace: { perChannelPerSecond: 1000, perChannelBurst: 100, workspacePerMinute: 60_000, updatesPerMinute: 60_000 } });
    const deps = { prisma, logger, rituals: SCHEDULED_RITUALS, messengers: { SLACK: messenger }, platforms: ['SLACK' as const], workerId: 'slack-delivery-test' };
    const tick = (local: string) => runTick(deps, paris(local));
    await tick('2026-11-16 08:00');

    // Monday evening: the first post is rate limited (Retry-After 120 s), the next one fails with a 500.
    fake.failNext('chat.postMessage', { kind: 'ratelimited', retryAfterSeconds: 120 });
    fake.failNext('chat.postMessage', { kind: 'http', status: 500 });
    const monday = await tick('2026-11-16 17:31');
    expect(monday.retried).toBe(2);
    const limited = await prisma.outboxMessage.findFirstOrThrow({ where: { lastError: 'SLACK_RATE_LIMITED' } });
    expect(limited.status).toBe('PENDING');
    expect(limited.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(paris('2026-11-16 17:31').getTime() + 120_000);
    expect(await prisma.outboxMessage.count({ where: { lastError: 'SLACK_HTTP_500', status: 'PENDING' } })).toBe(1);
    await tick('2026-11-16 17:45');

    // Tuesday: a post lands but its answer never comes, and the check right after fails too.
    fake.failNext('chat.postMessage', { kind: 'slow', delayMs: 900 });
    fake.failNext('conversations.history', { kind: 'http', status: 500 });
    const tuesday = await tick('2026-11-17 17:31');
    expect(tuesday.retried).toBe(1);
    const ambiguous = await prisma.outboxMessage.findFirstOrThrow({ where: { lastError: 'SLACK_TIMEOUT' } });
    // It did land: the next attempt finds it in the history instead of posting it again.
    const postsBefore = fake.callsOf('chat.postMessage').length;
    await tick('2026-11-17 17:45');
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: ambiguous.id } })).status).toBe('SENT');
    expect(fake.callsOf('chat.postMessage').length).toBe(postsBefore);

    for (const local of ['2026-11-18 09:01', '2026-11-18 17:31', '2026-11-19 09:01', '2026-11-19 17:31', '2026-11-20 09:01', '2026-11-20 16:01', '2026-11-20 17:31', '2026-11-20 18:30']) {
      await tick(local);
    }

    const rows = await prisma.outboxMessage.findMany({ where: { platform: 'SLACK' } });
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.filter((r) => r.status !== 'SENT' && r.status !== 'CANCELLED').map((r) => `${r.kind}:${r.status}:${r.lastError}`)).toEqual([]);
    const posted = fake.messages.filter((m) => m.metadata?.event_type === 'rituel_outbox');
    const byOutbox = new Map<string, number>();
    for (const m of posted) {
      const id = String(m.metadata!.event_payload.outbox_id);
      byOutbox.set(id, (byOutbox.get(id) ?? 0) + 1);
    }
    const sentNew = rows.filter((r) => r.status === 'SENT' && r.updatesId === null);
    expect([...byOutbox.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(byOutbox.keys())).toEqual(new Set(sentNew.map((r) => r.id)));
    for (const row of sentNew) {
      const message = posted.find((m) => m.metadata!.event_payload.outbox_id === row.id)!;
      expect([row.platformChannelId, row.platformMessageId]).toEqual([message.channel, message.ts]);
    }
    // conversations.open once per person: the DM channel is kept on the account.
    const opened = fake.callsOf('conversations.open').map((c) => c.args.users);
    expect(opened.length).toBe(new Set(opened).size);
  });

  it('fails a message to somebody Slack no longer knows, marks the account dead and alerts the manager', async () => {
    const { prisma } = database;
    const client = createSlackWebClient({ token: 'xoxb-test', apiUrl: fake.apiUrl, timeoutMs: 1000 });
    const messenger = createSlackMessenger({ prisma, client, logger, pace: false });
    await prisma.chatAccount.updateMany({ where: { personId: people.julien, platform: 'SLACK' }, data: { conversationId: null } });
    fake.addUser({ id: SLACK_USERS.julien, teamId: TEAM, name: 'julien', deleted: true });
    const deps = { prisma, logger, rituals: SCHEDULED_RITUALS, messengers: { SLACK: messenger }, platforms: ['SLACK' as const], workerId: 'slack-delivery-test' };
    // Julien's daily check-in is at 18:30 (his mission's time).
    await runTick(deps, paris('2026-11-23 18:31'));

    const failed = await prisma.outboxMessage.findFirstOrThrow({ where: { recipientId: people.julien, status: 'FAILED' } });
    expect(failed.lastError).toBe('SLACK_USER_DISABLED');
    expect((await prisma.chatAccount.findFirstOrThrow({ where: { personId: people.julien, platform: 'SLACK' } })).status).toBe('DEAD');
    const alert = await prisma.alert.findFirstOrThrow({ where: { kind: 'DELIVERY_FAILED', subjectId: people.julien } });
    expect(alert.status).toBe('OPEN');
    const toManager = await prisma.outboxMessage.findFirstOrThrow({ where: { recipientId: people.marc, kind: 'alert.delivery_failed' } });
    await runTick(deps, paris('2026-11-23 18:45'));
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: toManager.id } })).status).toBe('SENT');
  });
});
