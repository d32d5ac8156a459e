/**
 * The Adaptive Card renderer and the Bot Connector error mapping, without any I/O.
 */
import { describe, expect, it } from 'vitest';
import type { ChatForm, ChatMessage } from '../../../src/chat/message.js';
import { cardBytes, MAX_CARD_BYTES, renderFormCard, renderMessageCard, toCardMarkdown } from '../../../src/chat/teams/adaptive-card.js';
import { interactionOfClick, readCardClick } from '../../../src/chat/teams/card-data.js';
import { retryAfterMs, teamsFailure } from '../../../src/chat/teams/delivery-errors.js';

const actor = { platform: 'TEAMS' as const, teamId: 't', externalId: 'u' };

describe('renderMessageCard', () => {
  const message: ChatMessage = {
    text: 'Bilan',
    blocks: [
      { type: 'header', text: 'Ma *semaine*' },
      { type: 'section', text: 'Du *gras* et 2*3*4 sans gras' },
      { type: 'divider' },
      {
        type: 'actions',
        elements: [
          { type: 'button', actionId: 'a.ok', label: 'OK', value: '{"x":1}', style: 'primary' },
          { type: 'button', actionId: 'a.link', label: 'Rapport', value: '{}', url: 'https://example.org/r' },
          { type: 'select', actionId: 'a.sel', placeholder: 'Choisir', value: '{"s":1}', options: [{ label: 'Un', value: '1' }], initial: '1' },
          { type: 'date', actionId: 'a.date', placeholder: 'Le jour', value: '{"d":1}' },
        ],
      },
    ],
  };

  it('renders markdown bold, a separator, Execute with a Submit fallback, OpenUrl, inputs with their own action', () => {
    const card = renderMessageCard(message, 'fr');
    expect(card.version).toBe('1.5');
    const body = card.body as Record<string, unknown>[];
    expect(body[0]).toMatchObject({ type: 'TextBlock', text: 'Ma **semaine**', weight: 'Bolder' });
    expect(body[1]).toMatchObject({ text: 'Du **gras** et 2*3*4 sans gras' });
    expect(body[2]).toMatchObject({ type: 'ActionSet', separator: true });
    const buttons = (body[2]!.actions as Record<string, unknown>[]);
    expect(buttons[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'a.ok',
      style: 'positive',
      data: { rituel: { k: 'action', a: 'a.ok', v: '{"x":1}' } },
      fallback: { type: 'Action.Submit', data: { rituel: { a: 'a.ok' } } },
    });
    expect(buttons[1]).toEqual({ type: 'Action.OpenUrl', title: 'Rapport', url: 'https://example.org/r' });
    expect(body[3]).toMatchObject({ type: 'Input.ChoiceSet', choices: [{ title: 'Un', value: '1' }], value: '1' });
    const selectId = body[3]!.id as string;
    expect(body[4]).toMatchObject({ type: 'ActionSet', actions: [{ verb: 'a.sel', data: { rituel: { i: selectId } } }] });
    expect(body[5]).toMatchObject({ type: 'Input.Date', label: 'Le jour' });
    expect(body[6]).toMatchObject({ type: 'ActionSet', actions: [{ verb: 'a.date' }] });
  });

  it('turns a click back into the interaction, with the selection from the card inputs', () => {
    const card = renderMessageCard(message, 'fr');
    const body = card.body as Record<string, unknown>[];
    const action = (body[4]!.actions as { data: Record<string, unknown> }[])[0]!;
    const click = readCardClick({ ...action.data, [body[3]!.id as string]: '1', other: 42 });
    expect(interactionOfClick(click!, { id: 'act-1', actor })).toEqual({
      id: 'act-1',
      actor,
      messageId: undefined,
      kind: 'action',
      actionId: 'a.sel',
      value: '{"s":1}',
      selected: '1',
    });
    expect(readCardClick({ msteams: { type: 'messageBack' } })).toBeNull();
    expect(readCardClick({ rituel: { k: 'action', a: 'BAD ID WITH SPACES'.repeat(30), v: '' } })).toBeNull();
  });

  it('stays under the size limit: trailing blocks are dropped, with a note', () => {
    const big: ChatMessage = { text: 'Gros', blocks: Array.from({ length: 50 }, (_, i) => ({ type: 'section' as const, text: `${i} ${'é'.repeat(2990)}` })) };
    const card = renderMessageCard(big, 'en');
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    const texts = (card.body as { text: string }[]).map((b) => b.text);
    expect(texts[0]).toMatch(/^0 /);
    expect(texts.at(-1)).toContain('shortened');
    expect(texts.length).toBeLessThan(50);
  });

  it('converts only well-formed *bold*', () => {
    expect(toCardMarkdown('*a* b *c d* e*f')).toBe('**a** b **c d** e*f');
  });
});

describe('renderFormCard', () => {
  const form: ChatForm = {
    actionId: 'f.save',
    value: '{"c":"x"}',
    title: 'Note',
    submitLabel: 'Enregistrer',
    intro: 'Le *mardi*',
    fields: [
      { kind: 'select', id: 'kind', label: 'Type', options: [{ label: 'A', value: 'a' }], required: true },
      { kind: 'date', id: 'from', label: 'Du', required: false, initial: '2026-11-17' },
      { kind: 'textarea', id: 'note', label: 'Note', required: false, maxLength: 1000 },
      { kind: 'text', id: 'short', label: 'Court', required: true, maxLength: 20, placeholder: 'ici' },
    ],
  };

  it('renders inputs and one submit action; field errors and typed values come back on the card', () => {
    const card = renderFormCard(form, 'fr', { fieldErrors: [{ field: 'note', message: 'Trop long' }], values: { note: 'abc' } });
    const body = card.body as Record<string, unknown>[];
    const inputs = body.filter((b) => String(b.type).startsWith('Input.'));
    expect(inputs.map((i) => [i.type, i.id, i.isRequired])).toEqual([
      ['Input.ChoiceSet', 'rituel_f_kind', true],
      ['Input.Date', 'rituel_f_from', false],
      ['Input.Text', 'rituel_f_note', false],
      ['Input.Text', 'rituel_f_short', true],
    ]);
    expect(inputs[2]).toMatchObject({ isMultiline: true, maxLength: 1000, value: 'abc' });
    expect(inputs[3]).toMatchObject({ isMultiline: false, placeholder: 'ici' });
    const noteIndex = body.indexOf(inputs[2]!);
    expect(body[noteIndex + 1]).toMatchObject({ type: 'TextBlock', text: 'Trop long', color: 'Attention' });
    expect(card.actions).toHaveLength(1);
    const submit = card.actions![0] as { data: Record<string, unknown> };
    const click = readCardClick({ ...submit.data, rituel_f_kind: 'a', rituel_f_note: '  ', rituel_f_short: 'ok' });
    expect(interactionOfClick(click!, { id: 'x', actor })).toMatchObject({ kind: 'form', actionId: 'f.save', value: '{"c":"x"}', fields: { kind: 'a', short: 'ok' } });
  });
});

describe('teamsFailure', () => {
  const http = (status: number, body?: unknown, headers: Record<string, string> = {}) => ({
    statusCode: status,
    response: { status, bodyAsText: body === undefined ? undefined : JSON.stringify(body), headers: { get: (name: string) => headers[name] } },
  });

  it('maps the Bot Connector answers', () => {
    expect(teamsFailure(http(429, {}, { 'retry-after': '7' }), { isUpdate: false }).error).toMatchObject({ code: 'RATE_LIMITED', permanent: false, retryAfterMs: 7000 });
    for (const status of [412, 500, 502, 503, 504]) expect(teamsFailure(http(status), { isUpdate: false }).error).toMatchObject({ code: 'UNAVAILABLE', permanent: false });
    for (const [code, ours] of [
      ['BotNotInConversationRoster', 'BOT_NOT_INSTALLED'],
      ['ConversationBlockedByUser', 'CONVERSATION_BLOCKED'],
      ['BotDisabledByAdmin', 'BOT_DISABLED'],
      ['MessageWritesBlocked', 'MESSAGE_WRITES_BLOCKED'],
    ] as const) {
      expect(teamsFailure(http(403, { error: { code } }), { isUpdate: false })).toMatchObject({ error: { code: ours, permanent: true }, deadReason: `403 ${code}` });
    }
    expect(teamsFailure(http(404), { isUpdate: false })).toMatchObject({ error: { code: 'CONVERSATION_NOT_FOUND', permanent: true }, deadReason: '404 ConversationNotFound' });
    expect(teamsFailure(http(404), { isUpdate: true })).toMatchObject({ error: { code: 'MESSAGE_NOT_FOUND', permanent: true } });
    expect(teamsFailure(http(404), { isUpdate: true }).deadReason).toBeUndefined();
    expect(teamsFailure(http(413), { isUpdate: false })).toMatchObject({ error: { code: 'MESSAGE_TOO_BIG', permanent: true } });
    expect(teamsFailure(new Error('socket hang up'), { isUpdate: false }).error).toMatchObject({ code: 'UNAVAILABLE', permanent: false });
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('2.5')).toBe(2500);
    expect(retryAfterMs('Tue, 17 Nov 2026 09:00:30 GMT', Date.parse('2026-11-17T09:00:00Z'))).toBe(30_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
