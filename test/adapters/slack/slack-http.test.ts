/**
 * The Slack adapter through the real Bolt HTTP receiver (ExpressReceiver on the bot's server),
 * with correctly signed requests: a daily check-in delivered to Slack and answered with its
 * button (the message is updated with chat.update), the weekly check-in's modal opened and
 * submitted (field errors first), the App Home, /rituel, a DM command, an unknown user, linking by
 * email; forged or stale requests are refused (401) and change nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDateOnlyUTC } from '../../../src/domain/index.js';
import { dailyCheckInKey } from '../../../src/rituals/daily-checkin/keys.js';
import {
  blockActionPayload,
  eventPayload,
  postToSlackEndpoint,
  SLACK_USERS,
  slackElement,
  startSlackWorld,
  TEAM,
  until,
  viewSubmissionPayload,
  type SlackWorld,
} from './slack-world.js';

let world: SlackWorld;

beforeAll(async () => {
  world = await startSlackWorld({ mode: 'http', start: '2026-11-16 08:00' });
});

afterAll(async () => {
  await world?.close();
});

const aliceMission = () => world.prisma.mission.findFirstOrThrow({ where: { ref: 'alice-banque-nord' } });

async function dayEntries(date: string) {
  const mission = await aliceMission();
  return world.prisma.dayEntry.findMany({ where: { missionId: mission.id, date: toDateOnlyUTC(date) }, select: { kind: true, fraction: true } });
}

async function snapshot() {
  const [interactions, entries, audits] = await Promise.all([
    world.prisma.processedInteraction.count(),
    world.prisma.dayEntry.count(),
    world.prisma.auditEvent.count(),
  ]);
  return { interactions, entries, audits, calls: world.fake.calls.length };
}

describe('Slack over HTTP (Bolt ExpressReceiver)', () => {
  it('links people who have an email and no Slack account when it starts (users.lookupByEmail)', async () => {
    const claire = await world.prisma.chatAccount.findFirst({ where: { personId: world.people.claire, platform: 'SLACK' } });
    expect(claire).toMatchObject({ teamId: TEAM, externalId: SLACK_USERS.claire, status: 'ACTIVE' });
    // Sophie has no Slack user: nothing linked, and no crash.
    expect(await world.prisma.chatAccount.count({ where: { personId: world.people.sophie, platform: 'SLACK' } })).toBe(0);
    expect(world.fake.callsOf('users.lookupByEmail').length).toBeGreaterThan(0);
  });

  it('delivers the daily check-in to Slack and records the click on its button (chat.update on the message)', async () => {
    const summary = await world.tick('2026-11-17 17:31');
    expect(summary.failed).toBe(0);
    const channel = `D${SLACK_USERS.alice}`;
    const posted = world.fake.channelMessages(channel);
    expect(posted).toHaveLength(1);
    const message = posted[0]!;
    const mission = await aliceMission();
    const row = await world.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: dailyCheckInKey(mission.id, '2026-11-17') } });
    expect(row).toMatchObject({ status: 'SENT', platform: 'SLACK', platformMessageId: message.ts, platformChannelId: channel });
    expect(message.metadata).toEqual({ event_type: 'rituel_outbox', event_payload: { outbox_id: row.id } });
    expect((await world.prisma.chatAccount.findFirstOrThrow({ where: { personId: world.people.alice, platform: 'SLACK' } })).conversationId).toBe(channel);

    const full = slackElement(message.blocks, 'daily.answer', { a: 'full' });
    const payload = blockActionPayload(SLACK_USERS.alice, full, { channel, ts: message.ts });
    const response = await postToSlackEndpoint(world.baseUrl, 'interaction', payload);
    expect(response.status).toBe(200);
    await until(() => world.fake.callsOf('chat.update').length === 1, 'chat.update');
    expect(world.fake.callsOf('chat.update')[0]!.args).toMatchObject({ channel, ts: message.ts });
    expect(JSON.stringify(message.blocks)).not.toContain('daily.answer');
    expect((await dayEntries('2026-11-17')).map((e) => [e.kind, Number(e.fraction)])).toEqual([['WORKED', 1]]);

    // Slack retrying the same payload changes nothing and updates nothing again.
    const again = await postToSlackEndpoint(world.baseUrl, 'interaction', payload);
    expect(again.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(world.fake.callsOf('chat.update')).toHaveLength(1);
  });

  it('refuses forged signatures and stale timestamps (401) and changes nothing', async () => {
    const channel = `D${SLACK_USERS.alice}`;
    const message = world.fake.channelMessages(channel)[0]!;
    const before = await snapshot();
    const payload = blockActionPayload(SLACK_USERS.alice, { type: 'button', action_id: 'daily.change', value: '{}' }, { channel, ts: message.ts });
    const forged = await postToSlackEndpoint(world.baseUrl, 'interaction', payload, { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const stale = await postToSlackEndpoint(world.baseUrl, 'interaction', payload, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(stale.status).toBe(401);
    const garbage = await postToSlackEndpoint(world.baseUrl, 'event', eventPayload({ type: 'app_home_opened', user: SLACK_USERS.alice, tab: 'home' }), { forgedSignature: 'v0=deadbeef' });
    expect(garbage.status).toBe(401);
    await new Promise((r) => setTimeout(r, 150));
    expect(await snapshot()).toEqual(before);
  });

  it('opens the weekly check-in as a modal and records its submission (field errors first)', async () => {
    await world.tick('2026-11-20 16:01');
    const channel = `D${SLACK_USERS.alice}`;
    const weekly = world.fake.channelMessages(channel).find((m) => JSON.stringify(m.blocks).includes('weekly.open'));
    expect(weekly).toBeDefined();
    const open = slackElement(weekly!.blocks, 'weekly.open');
    const viewsBefore = world.fake.views.length;
    expect((await postToSlackEndpoint(world.baseUrl, 'interaction', blockActionPayload(SLACK_USERS.alice, open, { channel, ts: weekly!.ts }))).status).toBe(200);
    await until(() => world.fake.views.length === viewsBefore + 1, 'views.open');
    const modal = world.fake.views[viewsBefore]!;
    expect(modal.method).toBe('views.open');
    expect(modal.view).toMatchObject({ type: 'modal', callback_id: 'weekly.submit' });

    // Leave that ends before it starts: the modal stays open with the error under the field.
    const bad = await postToSlackEndpoint(world.baseUrl, 'interaction', viewSubmissionPayload(SLACK_USERS.alice, modal.view, { mood: '4', leave_from: '2026-12-10', leave_to: '2026-12-01' }));
    expect(bad.status).toBe(200);
    const badAnswer = (await bad.json()) as { response_action?: string; errors?: Record<string, string> };
    expect(badAnswer.response_action).toBe('errors');
    expect(Object.keys(badAnswer.errors ?? {}).length).toBeGreaterThan(0);

    const days = Object.fromEntries(
      (modal.view.blocks as { block_id?: string; element?: { initial_option?: unknown } }[])
        .filter((b) => b.block_id?.startsWith('day_') && !b.element?.initial_option)
        .map((b) => [b.block_id!, 'full']),
    );
    expect(Object.keys(days).length).toBeGreaterThan(0);
    const good = await postToSlackEndpoint(world.baseUrl, 'interaction', viewSubmissionPayload(SLACK_USERS.alice, modal.view, { ...days, mood: '4', highlights: 'Livraison <v2> & démo' }));
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('');
    const mission = await aliceMission();
    await until(async () => (await world.prisma.checkIn.findFirst({ where: { missionId: mission.id, kind: 'WEEKLY', status: 'ANSWERED' } })) !== null, 'weekly answered');
    const answered = await world.prisma.checkIn.findFirstOrThrow({ where: { missionId: mission.id, kind: 'WEEKLY' }, include: { answers: true } });
    expect(answered.answers.find((a) => a.key === 'highlights')?.value).toBe('Livraison <v2> & démo');
    // The weekly message the modal came from is updated.
    await until(() => world.fake.callsOf('chat.update').some((c) => c.args.ts === weekly!.ts), 'weekly message updated');
  });

  it('tells the person when Slack refuses to open the form (an expired trigger), without crashing', async () => {
    const channel = `D${SLACK_USERS.alice}`;
    const message = world.fake.channelMessages(channel).find((m) => JSON.stringify(m.blocks).includes('daily.note'))!;
    const note = slackElement(message.blocks, 'daily.note');
    world.fake.failNext('views.open', { kind: 'error', error: 'expired_trigger_id' });
    const ephemerals = world.fake.messages.filter((m) => m.ephemeralFor === SLACK_USERS.alice).length;
    expect((await postToSlackEndpoint(world.baseUrl, 'interaction', blockActionPayload(SLACK_USERS.alice, note, { channel, ts: message.ts }))).status).toBe(200);
    await until(() => world.fake.messages.filter((m) => m.ephemeralFor === SLACK_USERS.alice).length > ephemerals, 'the apology');
    expect(world.fake.messages.filter((m) => m.ephemeralFor === SLACK_USERS.alice).at(-1)!.text).toContain('Désolé');
  });

  it('publishes the App Home when it is opened (views.publish), once per event id', async () => {
    const before = world.fake.views.length;
    const event = eventPayload({ type: 'app_home_opened', user: SLACK_USERS.alice, channel: `D${SLACK_USERS.alice}`, tab: 'home', event_ts: '1.1' });
    expect((await postToSlackEndpoint(world.baseUrl, 'event', event)).status).toBe(200);
    expect((await postToSlackEndpoint(world.baseUrl, 'event', event)).status).toBe(200);
    await until(() => world.fake.views.length > before, 'views.publish');
    await new Promise((r) => setTimeout(r, 200));
    const published = world.fake.views.slice(before);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ method: 'views.publish', userId: SLACK_USERS.alice });
    const text = JSON.stringify(published[0]!.view);
    expect(text).toContain('Mon mois');
    expect(text).toContain('days.edit');
  });

  it('opens the days form from the Home tab and republishes the home once it is saved', async () => {
    const home = world.fake.views.filter((v) => v.method === 'views.publish' && v.userId === SLACK_USERS.alice).at(-1)!;
    const edit = slackElement(home.view.blocks as unknown[], 'days.edit');
    const before = world.fake.views.length;
    expect((await postToSlackEndpoint(world.baseUrl, 'interaction', blockActionPayload(SLACK_USERS.alice, edit, { view: true }))).status).toBe(200);
    await until(() => world.fake.views.length > before, 'views.open');
    const modal = world.fake.views[before]!;
    expect(modal.view).toMatchObject({ type: 'modal', callback_id: 'days.save' });
    const blocks = modal.view.blocks as { type: string; block_id?: string; element?: { options?: { value: string }[] } }[];
    const values = Object.fromEntries(blocks.filter((b) => b.type === 'input' && b.element?.options?.some((o) => o.value === 'full')).map((b) => [b.block_id!, 'full']));
    const saved = await postToSlackEndpoint(world.baseUrl, 'interaction', viewSubmissionPayload(SLACK_USERS.alice, modal.view, values));
    expect(saved.status).toBe(200);
    await until(() => world.fake.views.slice(before + 1).some((v) => v.method === 'views.publish' && v.userId === SLACK_USERS.alice), 'home republished');
    const republished = world.fake.views.slice(before + 1).find((v) => v.method === 'views.publish')!;
    expect(JSON.stringify(republished.view)).toContain('Tous les jours passés sont renseignés');
  });

  it('answers /rituel ephemerally through the response_url', async () => {
    const responseUrl = world.fake.responseUrl('week-alice');
    const response = await postToSlackEndpoint(world.baseUrl, 'command', {
      command: '/rituel',
      text: 'semaine',
      user_id: SLACK_USERS.alice,
      team_id: TEAM,
      channel_id: `D${SLACK_USERS.alice}`,
      trigger_id: `trigger-${randomUUID()}`,
      response_url: responseUrl,
      token: 'verification-token',
    });
    expect(response.status).toBe(200);
    await until(() => world.fake.responses.some((r) => r.name === 'week-alice'), 'respond');
    const answer = world.fake.responses.find((r) => r.name === 'week-alice')!.body;
    expect(answer.response_type).toBe('ephemeral');
  });

  it('answers a command typed in the DM (message.im) in the conversation, once per event', async () => {
    const channel = `D${SLACK_USERS.julien}`;
    const event = eventPayload({ type: 'message', channel_type: 'im', channel, user: SLACK_USERS.julien, text: 'aide', ts: '1780000001.000100', client_msg_id: randomUUID() });
    expect((await postToSlackEndpoint(world.baseUrl, 'event', event)).status).toBe(200);
    expect((await postToSlackEndpoint(world.baseUrl, 'event', event)).status).toBe(200);
    await until(() => world.fake.channelMessages(channel).some((m) => m.text.includes('Rituel')), 'help in the DM');
    await new Promise((r) => setTimeout(r, 200));
    expect(world.fake.channelMessages(channel).filter((m) => m.metadata === null)).toHaveLength(1);
  });

  it('answers somebody unknown politely and alerts the admins once', async () => {
    const element = { type: 'button', action_id: 'daily.answer', value: JSON.stringify({ c: randomUUID(), a: 'full' }) };
    const channel = 'DU0STRANGER';
    for (let i = 0; i < 2; i++) {
      const response = await postToSlackEndpoint(world.baseUrl, 'interaction', blockActionPayload('U0STRANGER', element, { channel, ts: '1.2' }));
      expect(response.status).toBe(200);
    }
    await until(() => world.fake.messages.filter((m) => m.ephemeralFor === 'U0STRANGER').length === 2, 'two polite answers');
    const alerts = await world.prisma.alert.findMany({ where: { kind: 'UNKNOWN_USER', dedupeKey: `unknown-user:SLACK:${TEAM}:U0STRANGER` } });
    expect(alerts).toHaveLength(1);
    const queued = await world.prisma.outboxMessage.findMany({ where: { kind: 'alert.unknown_user' } });
    expect(queued.map((q) => q.recipientId)).toEqual([world.people.marc]);
    expect(JSON.stringify(queued[0]!.payload)).toContain('Stranger');
    expect(JSON.stringify(alerts[0]!.data)).not.toContain('Stranger');
  });
});
