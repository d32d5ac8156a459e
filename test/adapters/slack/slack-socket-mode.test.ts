/**
 * The same listeners through Bolt's Socket Mode receiver: the receiver's SocketModeClient emits
 * 'slack_event' envelopes as it does for frames read from Slack's WebSocket (interactive,
 * events_api, slash_commands), with an `ack` that would be sent back on the socket. No WebSocket
 * is opened (the fake has none): the envelope path from there on is Bolt's own.
 */
import { randomUUID } from 'node:crypto';
import type { SocketModeReceiver } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDateOnlyUTC } from '../../../src/domain/index.js';
import { blockActionPayload, eventPayload, SLACK_USERS, slackElement, startSlackWorld, TEAM, until, viewSubmissionPayload, type SlackWorld } from './slack-world.js';

let world: SlackWorld;

beforeAll(async () => {
  world = await startSlackWorld({ mode: 'socket', start: '2026-11-16 08:00' });
});

afterAll(async () => {
  await world?.close();
});

/** Hands one envelope to the receiver as its socket client would; resolves with what was acked. */
async function envelope(type: 'interactive' | 'events_api' | 'slash_commands', body: Record<string, unknown>): Promise<unknown> {
  const receiver = world.slack.receiver as SocketModeReceiver;
  return new Promise((resolve) => {
    receiver.client.emit('slack_event', {
      ack: async (response?: unknown) => resolve(response ?? null),
      envelope_id: randomUUID(),
      type,
      body,
      retry_num: undefined,
      retry_reason: undefined,
      accepts_response_payload: type !== 'events_api',
    });
  });
}

describe('Slack in Socket Mode (Bolt SocketModeReceiver)', () => {
  it('runs in Socket Mode when an app token is set', () => {
    expect(world.slack.mode).toBe('socket');
  });

  it('records a daily check-in answered with its button and updates the message', async () => {
    await world.tick('2026-11-17 17:31');
    const channel = `D${SLACK_USERS.sarah}`;
    const message = world.fake.channelMessages(channel)[0]!;
    expect(message).toBeDefined();
    const half = slackElement(message.blocks, 'daily.answer', { a: 'half-am' });
    const acked = await envelope('interactive', blockActionPayload(SLACK_USERS.sarah, half, { channel, ts: message.ts }));
    expect(acked).toBeNull();
    await until(() => world.fake.callsOf('chat.update').some((c) => c.args.ts === message.ts), 'chat.update');
    const mission = await world.prisma.mission.findFirstOrThrow({ where: { ref: 'sarah-banque-nord' } });
    const entries = await world.prisma.dayEntry.findMany({ where: { missionId: mission.id, date: toDateOnlyUTC('2026-11-17') } });
    expect(entries.map((e) => [e.kind, Number(e.fraction)])).toEqual([['WORKED', 0.5]]);
  });

  it('opens a form and answers its field errors in the ack', async () => {
    const channel = `D${SLACK_USERS.sarah}`;
    const message = world.fake.channelMessages(channel)[0]!;
    const note = slackElement(message.blocks, 'daily.note');
    const before = world.fake.views.length;
    await envelope('interactive', blockActionPayload(SLACK_USERS.sarah, note, { channel, ts: message.ts }));
    await until(() => world.fake.views.length > before, 'views.open');
    const modal = world.fake.views[before]!.view;
    const fields = (modal.blocks as { type: string; block_id?: string; element?: { type: string; max_length?: number } }[]).filter((b) => b.type === 'input');
    const text = fields.find((f) => f.element?.type === 'plain_text_input')!;
    const tooLong = 'x'.repeat((text.element!.max_length ?? 1000) + 5);
    const acked = (await envelope('interactive', viewSubmissionPayload(SLACK_USERS.sarah, modal, { [text.block_id!]: tooLong }))) as { response_action?: string } | null;
    expect(acked?.response_action).toBe('errors');
  });

  it('publishes the App Home and answers /rituel through the same receiver', async () => {
    const before = world.fake.views.length;
    await envelope('events_api', eventPayload({ type: 'app_home_opened', user: SLACK_USERS.marc, tab: 'home', channel: 'DMARC', event_ts: '1.1' }));
    await until(() => world.fake.views.length > before, 'views.publish');
    const home = world.fake.views[before]!;
    expect(home).toMatchObject({ method: 'views.publish', userId: SLACK_USERS.marc });
    expect(JSON.stringify(home.view)).toContain('Alertes ouvertes');

    const acked = await envelope('slash_commands', {
      command: '/rituel',
      text: 'aide',
      user_id: SLACK_USERS.marc,
      team_id: TEAM,
      trigger_id: `trigger-${randomUUID()}`,
      response_url: world.fake.responseUrl('help-marc'),
    });
    expect(acked).toBeNull();
    await until(() => world.fake.responses.some((r) => r.name === 'help-marc'), 'respond');
    expect(world.fake.responses.find((r) => r.name === 'help-marc')!.body.response_type).toBe('ephemeral');
  });
});
