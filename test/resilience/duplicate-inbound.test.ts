/**
 * The same inbound request delivered three times is handled once: one change in the database, one
 * answer to the person.
 *
 * Slack (signed HTTP to the Bolt receiver on the bot's server): an event re-sent the way Slack
 * retries it (same event_id, X-Slack-Retry-Num 1 then 2, X-Slack-Retry-Reason http_timeout), and
 * the click on a check-in's button re-posted identically. Teams (/api/messages): the same
 * Action.Submit activity and the same typed command posted three times (same activity id).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDateOnlyUTC } from '../../src/domain/index.js';
import { dailyCheckInKey } from '../../src/rituals/daily-checkin/keys.js';
import { blockActionPayload, eventPayload, signature, SLACK_USERS, slackElement, startSlackWorld, until, type SlackWorld } from '../adapters/slack/slack-world.js';
import { cardOf, createTeamsWorld, executeAction, TENANT, type TeamsPerson, type TeamsWorld } from '../adapters/teams/teams-world.js';

/** Lets a handler that was (wrongly) started again finish before counting. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** A signed POST to /slack/events, with Slack's retry headers when `retry` is given. */
async function postSlack(baseUrl: string, kind: 'event' | 'interaction', payload: Record<string, unknown>, retry?: number): Promise<number> {
  const body = kind === 'event' ? JSON.stringify(payload) : new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': kind === 'event' ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(body, timestamp),
      ...(retry ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

describe('Slack: the same event and the same interaction three times', () => {
  let world: SlackWorld;

  beforeAll(async () => {
    world = await startSlackWorld({ mode: 'http', start: '2026-11-16 08:00' });
  });

  afterAll(async () => {
    await world?.close();
  });

  it('a DM command event retried by Slack (X-Slack-Retry-Num 1, 2): one answer, claimed once', async () => {
    const channel = `D${SLACK_USERS.julien}`;
    const event = eventPayload({ type: 'message', channel_type: 'im', channel, user: SLACK_USERS.julien, text: 'aide', ts: '1780000001.000200', client_msg_id: 'c0ffee00-0000-4000-8000-000000000001' });
    expect([await postSlack(world.baseUrl, 'event', event), await postSlack(world.baseUrl, 'event', event, 1), await postSlack(world.baseUrl, 'event', event, 2)]).toEqual([200, 200, 200]);
    await until(() => world.fake.channelMessages(channel).length > 0, 'the answer in the DM');
    await settle();
    expect(world.fake.channelMessages(channel)).toHaveLength(1);
    expect(world.fake.callsOf('chat.postMessage').filter((c) => c.args.channel === channel)).toHaveLength(1);
    expect(await world.prisma.processedInteraction.count({ where: { id: `slack-event:${String(event.event_id)}` } })).toBe(1);
  });

  it('an App Home event retried twice: published once', async () => {
    const before = world.fake.views.length;
    const event = eventPayload({ type: 'app_home_opened', user: SLACK_USERS.alice, channel: `D${SLACK_USERS.alice}`, tab: 'home', event_ts: '1780000002.000100' });
    for (const retry of [undefined, 1, 2]) expect(await postSlack(world.baseUrl, 'event', event, retry)).toBe(200);
    await until(() => world.fake.views.length > before, 'views.publish');
    await settle();
    expect(world.fake.views.slice(before).map((v) => v.method)).toEqual(['views.publish']);
  });

  it('the same click on the check-in posted three times: one change, one update', async () => {
    await world.tick('2026-11-17 17:31');
    const channel = `D${SLACK_USERS.alice}`;
    const message = world.fake.channelMessages(channel).find((m) => m.metadata?.event_type === 'rituel_outbox')!;
    expect(message).toBeDefined();
    const mission = await world.prisma.mission.findFirstOrThrow({ where: { ref: 'alice-banque-nord' } });
    const payload = blockActionPayload(SLACK_USERS.alice, slackElement(message.blocks, 'daily.answer', { a: 'full' }), { channel, ts: message.ts });
    const snapshot = async () => ({
      audits: await world.prisma.auditEvent.count(),
      interactions: await world.prisma.processedInteraction.count(),
      entries: await world.prisma.dayEntry.count(),
      outbox: await world.prisma.outboxMessage.count(),
      calls: world.fake.calls.length,
      messages: world.fake.messages.length,
    });
    const before = await snapshot();

    expect(await postSlack(world.baseUrl, 'interaction', payload)).toBe(200);
    await until(() => world.fake.callsOf('chat.update').length > 0, 'chat.update');
    await settle();
    const once = await snapshot();
    expect(once.audits).toBeGreaterThan(before.audits);
    expect(once.interactions).toBe(before.interactions + 1);
    // The repeats: nothing more, in the database or on Slack.
    for (let i = 0; i < 2; i++) expect(await postSlack(world.baseUrl, 'interaction', payload)).toBe(200);
    await settle();
    expect(await snapshot()).toEqual(once);

    const entries = await world.prisma.dayEntry.findMany({ where: { missionId: mission.id, date: toDateOnlyUTC('2026-11-17') } });
    expect(entries.map((e) => [e.kind, Number(e.fraction)])).toEqual([['WORKED', 1]]);
    expect(await world.prisma.checkIn.findFirstOrThrow({ where: { missionId: mission.id, date: toDateOnlyUTC('2026-11-17'), kind: 'DAILY' } })).toMatchObject({ status: 'ANSWERED', answeredVia: 'SLACK' });
    expect(world.fake.callsOf('chat.update')).toHaveLength(1);
    // One update of the delivered question queued, not three; no ephemeral notice either.
    expect(await world.prisma.outboxMessage.count({ where: { kind: 'checkin.daily.update' } })).toBe(1);
    expect(world.fake.messages.filter((m) => m.ephemeralFor === SLACK_USERS.alice)).toEqual([]);
    const question = await world.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: dailyCheckInKey(mission.id, '2026-11-17') } });
    expect(question.status).toBe('SENT');
  });
});

describe('Teams: the same activity three times', () => {
  let world: TeamsWorld;
  const alice: TeamsPerson = { aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000a11c', name: 'Alice Martin', conversationId: 'a:alice-1on1', tenantId: TENANT };

  beforeAll(async () => {
    world = await createTeamsWorld('2026-11-17 08:00');
    world.fake.members.set(`29:${alice.aadObjectId}`, {
      id: `29:${alice.aadObjectId}`,
      name: alice.name,
      aadObjectId: alice.aadObjectId,
      email: 'alice.martin@acme-conseil.fr',
      userPrincipalName: 'alice.martin@acme-conseil.fr',
      tenantId: TENANT,
    });
    expect((await world.post(world.activity(alice, { type: 'installationUpdate', action: 'add' }))).status).toBe(200);
  });

  afterAll(async () => {
    await world?.close();
  });

  it('a typed command posted three times: one reply', async () => {
    const before = world.fake.calls.length;
    const command = world.activity(alice, { type: 'message', text: 'aide' });
    for (let i = 0; i < 3; i++) expect((await world.post(command)).status).toBe(200);
    await settle();
    const replies = world.fake.calls.slice(before).filter((c) => c.kind === 'reply' && c.conversationId === alice.conversationId);
    expect(replies).toHaveLength(1);
  });

  it('the check-in answered with the same Action.Submit activity three times: one change, no new message', async () => {
    await world.tick('2026-11-17 17:31');
    const mission = await world.db.prisma.mission.findFirstOrThrow({ where: { ref: 'alice-banque-nord' } });
    const row = await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: dailyCheckInKey(mission.id, '2026-11-17') } });
    expect(row).toMatchObject({ status: 'SENT', platform: 'TEAMS' });
    const card = cardOf(world.fake.callsOf('send').filter((c) => c.conversationId === alice.conversationId).at(-1));
    const fallback = executeAction(card, 'daily.answer', { a: 'full' }).fallback as { data: Record<string, unknown> };
    world.setClock('2026-11-17 17:45');
    const mark = world.fake.calls.length;
    const submit = world.activity(alice, { type: 'message', replyToId: row.platformMessageId, value: fallback.data });
    const snapshot = async () => ({
      audits: await world.db.prisma.auditEvent.count(),
      interactions: await world.db.prisma.processedInteraction.count(),
      entries: await world.db.prisma.dayEntry.count(),
      outbox: await world.db.prisma.outboxMessage.count(),
    });
    expect((await world.post(submit)).status).toBe(200);
    const once = await snapshot();
    const firstCalls = world.fake.calls.slice(mark);
    for (let i = 0; i < 2; i++) expect((await world.post(submit)).status).toBe(200);
    await settle();
    expect(await snapshot()).toEqual(once);
    // A repeat gets the first answer again: the Teams adapter puts the same card on the same
    // activity (an idempotent PUT, nothing new for Alice to see); no new message.
    const repeatCalls = world.fake.calls.slice(mark + firstCalls.length);
    const firstUpdate = firstCalls.find((c) => c.kind === 'update')!;
    expect(firstUpdate).toBeDefined();
    for (const call of repeatCalls) {
      expect(call).toMatchObject({ kind: 'update', activityId: firstUpdate.activityId });
      expect(cardOf(call)).toEqual(cardOf(firstUpdate));
    }

    const entries = await world.db.prisma.dayEntry.findMany({ where: { missionId: mission.id, date: toDateOnlyUTC('2026-11-17') } });
    expect(entries.map((e) => [e.kind, Number(e.fraction)])).toEqual([['WORKED', 1]]);
    const calls = world.fake.calls.slice(mark).filter((c) => c.conversationId === alice.conversationId);
    expect(new Set(calls.filter((c) => c.kind === 'update').map((c) => c.activityId))).toEqual(new Set([row.platformMessageId]));
    expect(calls.filter((c) => c.kind === 'reply' || c.kind === 'send')).toEqual([]);
    expect(await world.db.prisma.outboxMessage.count({ where: { kind: 'checkin.daily.update' } })).toBe(1);
  });
});
