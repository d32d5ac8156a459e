/**
 * The Slack adapter's pure parts: Block Kit rendering within limits (escaping, cutting, block
 * count, unique action ids), payload parsing, the mapping of Slack errors to DeliveryErrors, and
 * the pacer's token buckets (with a fake clock).
 */
import { describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import type { ChatMessage } from '../../../src/chat/message.js';
import { decodeActionId, encodeActionId } from '../../../src/chat/slack/block-kit/action-id.js';
import { escapeMrkdwn, fit } from '../../../src/chat/slack/block-kit/mrkdwn.js';
import { parseBlockAction, parseDirectMessage, parseSlashCommand, parseViewSubmission } from '../../../src/chat/slack/block-kit/parse-payload.js';
import { renderMessage } from '../../../src/chat/slack/block-kit/render-message.js';
import { toDeliveryError } from '../../../src/chat/slack/delivery/delivery-error.js';
import { createPacer } from '../../../src/chat/slack/delivery/pacer.js';
import { blockKitProblems } from '../../helpers/fake-slack.js';

describe('Block Kit rendering', () => {
  it('escapes & < > and keeps *bold*', () => {
    const rendered = renderMessage({ text: 'a <b> & c', blocks: [{ type: 'section', text: '*Gras* <@U123> & <!channel>' }] }, 'fr');
    expect(rendered.text).toBe('a &lt;b&gt; &amp; c');
    expect(rendered.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn', text: '*Gras* &lt;@U123&gt; &amp; &lt;!channel&gt;' } });
  });

  it('cuts a text that escaping made too long, never inside an escape', () => {
    const text = '<'.repeat(1500);
    const rendered = renderMessage({ text: 'x', blocks: [{ type: 'section', text }] }, 'fr');
    const out = (rendered.blocks[0] as unknown as { text: { text: string } }).text.text;
    expect(out.length).toBeLessThanOrEqual(3000);
    expect(out.endsWith('&lt;…')).toBe(true);
    expect(blockKitProblems(rendered.blocks, 'message')).toEqual([]);
    expect(fit('abc', 3)).toBe('abc');
    expect(fit('abcdef', 4)).toBe('abc…');
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
  });

  it('gives buttons of one block distinct action ids that decode to the same neutral id', () => {
    const message: ChatMessage = {
      text: 't',
      blocks: [{ type: 'actions', elements: [1, 2, 3].map((i) => ({ type: 'button' as const, actionId: 'daily.answer', label: `B${i}`, value: `{"i":${i}}` })) }],
    };
    const rendered = renderMessage(message, 'fr');
    const ids = (rendered.blocks[0] as unknown as { elements: { action_id: string }[] }).elements.map((e) => e.action_id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.map((id) => decodeActionId(id).actionId)).toEqual(['daily.answer', 'daily.answer', 'daily.answer']);
    expect(blockKitProblems(rendered.blocks, 'message')).toEqual([]);
  });

  it('keeps a select whose context is too long out, with a note, instead of failing', () => {
    const message: ChatMessage = {
      text: 't',
      blocks: [{ type: 'actions', elements: [{ type: 'select', actionId: 'x.pick', placeholder: 'P', value: JSON.stringify({ pad: 'p'.repeat(400) }), options: [{ label: 'A', value: 'a' }] }] }],
    };
    expect(encodeActionId('x.pick', 0, 'p'.repeat(400))).toBeNull();
    const rendered = renderMessage(message, 'en');
    expect(rendered.blocks.map((b) => b.type)).toEqual(['context']);
    expect(blockKitProblems(rendered.blocks, 'message')).toEqual([]);
  });

  it('ends a message over Slack\'s 50 blocks with a note of what was left out', () => {
    const blocks = Array.from({ length: 50 }, (_, i) => ({
      type: 'actions' as const,
      elements: [{ type: 'select' as const, actionId: 'x.pick', placeholder: 'P', value: i % 2 === 0 ? JSON.stringify({ pad: 'p'.repeat(300) }) : '{}', options: [{ label: 'A', value: 'a' }, { label: 'B', value: 'b' }] }, { type: 'button' as const, actionId: 'x.ok', label: 'OK', value: '{}' }],
    }));
    const rendered = renderMessage({ text: 't', blocks }, 'fr');
    expect(rendered.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(rendered.blocks.at(-1))).toContain('de plus');
    expect(blockKitProblems(rendered.blocks, 'message')).toEqual([]);
  });
});

describe('payload parsing', () => {
  it('refuses payloads that are not Slack\'s shape, and ignores the bot\'s own DMs', () => {
    expect(parseBlockAction({ type: 'block_actions' }, { action_id: 'x' })).toBeNull();
    expect(parseSlashCommand({ command: '/rituel', text: 'aide' })).toBeNull();
    expect(() => parseViewSubmission({ type: 'view_submission', user: { id: 'U1' }, view: { id: 'V', callback_id: 'c', state: { values: {} }, private_metadata: '{' } })).not.toThrow();
    expect(parseViewSubmission({ type: 'view_submission', user: { id: 'U1' }, view: { id: 'V', callback_id: 'c', state: { values: {} }, private_metadata: 'nope' } })).toBeNull();
    expect(parseDirectMessage({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'aide', ts: '1', bot_id: 'B1' }, 'T1')).toBeNull();
    expect(parseDirectMessage({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'aide', ts: '1', subtype: 'message_changed' }, 'T1')).toBeNull();
    expect(parseDirectMessage({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'semaine', ts: '1' }, 'T1')?.interaction).toMatchObject({ kind: 'command', text: 'semaine', actor: { teamId: 'T1', externalId: 'U1' } });
  });

  it('gives a corrected modal submission another interaction id than the first one', () => {
    const body = (value: string) => ({
      type: 'view_submission',
      user: { id: 'U1' },
      team: { id: 'T1' },
      view: { id: 'V1', callback_id: 'weekly.submit', private_metadata: '{"v":"{}"}', state: { values: { mood: { value: { type: 'plain_text_input', value } } } } },
    });
    expect(parseViewSubmission(body('1'))!.interaction.id).not.toBe(parseViewSubmission(body('2'))!.interaction.id);
    expect(parseViewSubmission(body('1'))!.interaction.id).toBe(parseViewSubmission(body('1'))!.interaction.id);
  });
});

describe('Slack errors as delivery errors', () => {
  it('classifies rate limits, permanent and transient errors', () => {
    const limited = toDeliveryError(Object.assign(new Error('x'), { code: webApi.ErrorCode.RateLimitedError, retryAfter: 30 }));
    expect([limited.permanent, limited.retryAfterMs]).toEqual([false, 30_000]);
    for (const error of ['user_not_found', 'account_inactive', 'channel_not_found', 'is_archived', 'not_in_channel', 'cannot_dm_bot', 'user_disabled', 'invalid_auth', 'invalid_blocks']) {
      const e = toDeliveryError(Object.assign(new Error('x'), { code: webApi.ErrorCode.PlatformError, data: { ok: false, error } }));
      expect([e.code, e.permanent]).toEqual([`SLACK_${error.toUpperCase()}`, true]);
    }
    expect(toDeliveryError(Object.assign(new Error('x'), { code: webApi.ErrorCode.PlatformError, data: { error: 'internal_error' } })).permanent).toBe(false);
    expect(toDeliveryError(Object.assign(new Error('x'), { code: webApi.ErrorCode.HTTPError, statusCode: 503 })).permanent).toBe(false);
    expect(toDeliveryError(Object.assign(new Error('x'), { code: webApi.ErrorCode.HTTPError, statusCode: 400 })).permanent).toBe(true);
    const timeout = toDeliveryError(Object.assign(new Error('x'), { code: webApi.ErrorCode.RequestError, original: Object.assign(new Error('t'), { name: 'TimeoutError' }) }));
    expect([timeout.code, timeout.permanent]).toEqual(['SLACK_TIMEOUT', false]);
  });
});

describe('pacing', () => {
  it('lets a burst through per channel, then about one message per second, and updates apart', async () => {
    let now = 0;
    const waits: number[] = [];
    const pacer = createPacer({ perChannelPerSecond: 1, perChannelBurst: 3, workspacePerMinute: 6000, updatesPerMinute: 60, maxWaitMs: 60_000 }, () => now, async (ms) => {
      waits.push(ms);
      now += ms;
    });
    for (let i = 0; i < 5; i++) await pacer.wait('D1', false);
    expect(waits).toEqual([1000, 1000]);
    await pacer.wait('D2', false);
    expect(waits).toHaveLength(2);
    for (let i = 0; i < 10; i++) await pacer.wait('D1', true);
    expect(waits).toHaveLength(2);
  });

  it('holds the whole workspace to its budget', async () => {
    let now = 0;
    let waited = 0;
    const pacer = createPacer({ perChannelPerSecond: 100, perChannelBurst: 100, workspacePerMinute: 60, updatesPerMinute: 60, maxWaitMs: 60_000 }, () => now, async (ms) => {
      waited += ms;
      now += ms;
    });
    for (let i = 0; i < 30; i++) await pacer.wait(`D${i}`, false);
    // One second's budget at once (here 1), then one per second.
    expect(waited).toBe(29_000);
  });

  it('stops every call for the Retry-After of a 429', async () => {
    let now = 0;
    const waits: number[] = [];
    const pacer = createPacer({ perChannelPerSecond: 100, perChannelBurst: 100, workspacePerMinute: 60_000, updatesPerMinute: 60_000, maxWaitMs: 60_000 }, () => now, async (ms) => {
      waits.push(ms);
      now += ms;
    });
    await pacer.wait('D1', false);
    pacer.pause(3000);
    await pacer.wait('D2', false);
    await pacer.wait('D3', true);
    expect(waits).toEqual([3000]);
  });
});
