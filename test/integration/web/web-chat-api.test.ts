/**
 * The web chat API over real HTTP (express app of src/http/server.ts on 127.0.0.1), with a router
 * of test-only definitions: people, conversation, clicks, forms, commands, duplicates, demo.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExampleOrganization } from '../../helpers/example-org.js';
import { insertBotMessage, sampleBotMessage, startWebChat, type RunningWebChat } from '../../helpers/web-chat.js';

let chat: RunningWebChat;
let alice: string;
let julien: string;

interface Conversation {
  messages: { id: string; author: 'BOT' | 'PERSON'; payload: { text: string; blocks?: unknown[] }; createdAt: string; updatedAt: string }[];
  cursor: string | null;
}

const post = (path: string, body: unknown) =>
  fetch(`${chat.baseUrl}/api/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const getJson = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${chat.baseUrl}/api/${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};
const conversation = (personId: string, since?: string) =>
  getJson<Conversation>(`people/${personId}/messages${since ? `?since=${encodeURIComponent(since)}` : ''}`);
const click = (personId: string, messageId: string | undefined, actionId: string, value: string, extra: Record<string, unknown> = {}) =>
  post('interactions', { id: randomUUID(), personId, ...(messageId ? { messageId } : {}), kind: 'action', actionId, value, ...extra });

beforeAll(async () => {
  chat = await startWebChat();
  await importExampleOrganization(chat.prisma);
  const byRef = async (ref: string) => (await chat.prisma.person.findFirstOrThrow({ where: { ref } })).id;
  alice = await byRef('alice');
  julien = await byRef('julien');
});

afterAll(async () => {
  await chat?.close();
});

describe('people', () => {
  it('lists the active people of every organization with their roles and locale', async () => {
    await chat.prisma.person.update({ where: { id: julien }, data: { active: true } });
    const gone = await chat.prisma.person.findFirstOrThrow({ where: { ref: 'sophie' } });
    await chat.prisma.person.update({ where: { id: gone.id }, data: { active: false } });
    const { organizations } = await getJson<{
      organizations: { slug: string; name: string; people: { id: string; ref: string; name: string; roles: string[]; locale: string }[] }[];
    }>('people');
    expect(organizations.map((o) => o.slug)).toEqual(['acme-conseil']);
    const people = organizations[0]!.people;
    const refs = people.map((p) => p.ref);
    expect(refs).toContain('alice');
    expect(refs).not.toContain('sophie');
    expect(people.find((p) => p.ref === 'sarah')).toMatchObject({ locale: 'en', roles: ['CONSULTANT'] });
    expect(people.find((p) => p.ref === 'marc')).toMatchObject({ locale: 'fr', roles: ['MANAGER', 'ADMIN'] });
    expect(people.find((p) => p.ref === 'claire')?.roles).toEqual(['CLIENT_CONTACT']);
    const firstClient = people.findIndex((p) => p.roles.includes('CLIENT_CONTACT'));
    expect(people.slice(firstClient).every((p) => p.roles.includes('CLIENT_CONTACT'))).toBe(true);
    await chat.prisma.person.update({ where: { id: gone.id }, data: { active: true } });
  });

  it('answers 404 for a malformed, unknown or inactive person', async () => {
    for (const id of ['not-a-uuid', randomUUID()]) {
      const response = await fetch(`${chat.baseUrl}/api/people/${id}/messages`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'NOT_FOUND' });
    }
  });
});

describe('conversation', () => {
  it('returns the messages in order, and only those changed since the cursor', async () => {
    const first = await insertBotMessage(chat.prisma, julien, sampleBotMessage('first'), new Date(Date.now() - 60_000));
    const all = await conversation(julien);
    expect(all.messages.map((m) => m.id)).toEqual([first]);
    expect(all.cursor).toBe(all.messages[0]!.updatedAt);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await insertBotMessage(chat.prisma, julien, sampleBotMessage('second'));
    const since = await conversation(julien, new Date(Date.parse(all.cursor!) + 1).toISOString());
    expect(since.messages.map((m) => m.id)).toEqual([second]);
    const bad = await fetch(`${chat.baseUrl}/api/people/${julien}/messages?since=yesterday`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'INVALID_INPUT' });
  });
});

describe('interactions', () => {
  it('applies an update to the clicked message of the person and adds the replies', async () => {
    const messageId = await insertBotMessage(chat.prisma, alice, sampleBotMessage('CRA-11'));
    const response = await click(alice, messageId, 'test.approve', JSON.stringify({ item: 'CRA-11' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ notice: 'Recorded CRA-11' });
    const { messages } = await conversation(alice);
    expect(messages.find((m) => m.id === messageId)?.payload.text).toBe('Approved CRA-11');
    expect(messages.at(-1)).toMatchObject({ author: 'BOT', payload: { text: 'Thanks for approving CRA-11' } });
  });

  it('does not apply an answer twice when the same click id comes again', async () => {
    const messageId = await insertBotMessage(chat.prisma, alice, sampleBotMessage('twice'));
    const body = { id: randomUUID(), personId: alice, messageId, kind: 'action', actionId: 'test.approve', value: JSON.stringify({ item: 'twice' }) };
    const before = (await conversation(alice)).messages.length;
    const first = await post('interactions', body);
    expect(await first.json()).toEqual({ notice: 'Recorded twice' });
    const second = await post('interactions', body);
    expect(await second.json()).toEqual({ notice: 'Recorded twice', duplicate: true });
    const replies = (await conversation(alice)).messages.filter((m) => m.payload.text === 'Thanks for approving twice');
    expect(replies).toHaveLength(1);
    expect((await conversation(alice)).messages.length).toBe(before + 1);
  });

  it('refuses to touch a message of another person, and changes nothing', async () => {
    const juliensMessage = await insertBotMessage(chat.prisma, julien, sampleBotMessage('not-alice'));
    const before = await chat.prisma.webMessage.findUniqueOrThrow({ where: { id: juliensMessage } });
    const aliceCount = await chat.prisma.webMessage.count({ where: { personId: alice } });
    const response = await click(alice, juliensMessage, 'test.approve', JSON.stringify({ item: 'not-alice' }));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'MESSAGE_NOT_FOUND' });
    const after = await chat.prisma.webMessage.findUniqueOrThrow({ where: { id: juliensMessage } });
    expect(after.payload).toEqual(before.payload);
    expect(await chat.prisma.webMessage.count({ where: { personId: alice } })).toBe(aliceCount);
  });

  it('refuses to replace a message the person wrote', async () => {
    await post('commands', { id: randomUUID(), personId: alice, text: 'semaine' });
    const own = (await conversation(alice)).messages.filter((m) => m.author === 'PERSON').at(-1)!;
    const response = await click(alice, own.id, 'test.approve', JSON.stringify({ item: 'mine' }));
    expect(response.status).toBe(404);
    expect((await conversation(alice)).messages.find((m) => m.id === own.id)?.payload).toEqual({ text: 'semaine' });
  });

  it('passes the choice of a select as `selected`', async () => {
    const messageId = await insertBotMessage(chat.prisma, alice, sampleBotMessage('select'));
    const response = await click(alice, messageId, 'test.choose', '{}', { selected: 'blue' });
    expect(response.status).toBe(200);
    expect((await conversation(alice)).messages.find((m) => m.id === messageId)?.payload.text).toBe('Chosen blue');
  });

  it('opens a form, answers field errors, then applies a valid submission', async () => {
    const messageId = await insertBotMessage(chat.prisma, alice, sampleBotMessage('form'));
    const opened = (await (await click(alice, messageId, 'test.edit', '{}')).json()) as { form: { actionId: string; fields: unknown[] } };
    expect(opened.form).toMatchObject({ actionId: 'test.days', title: 'Days worked' });
    const submit = (days: string) =>
      post('interactions', { id: randomUUID(), personId: alice, messageId, kind: 'form', actionId: 'test.days', value: '{}', fields: { days, place: 'home' } });
    const wrong = await submit('3');
    expect(await wrong.json()).toEqual({ fieldErrors: [{ field: 'days', message: 'Expected 0, 0.5 or 1' }] });
    expect((await conversation(alice)).messages.find((m) => m.id === messageId)?.payload.text).toBe('Please approve form');
    const right = await submit('0.5');
    expect(await right.json()).toEqual({ notice: 'Saved 0.5 day(s)' });
    expect((await conversation(alice)).messages.find((m) => m.id === messageId)?.payload.text).toBe('Days: 0.5');
  });

  it('answers the router refusal for an unknown action, with a notice', async () => {
    const response = await click(alice, undefined, 'test.nothing', '{}');
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { refused: { code: string }; notice: string };
    expect(answer.refused).toEqual({ code: 'UNKNOWN_ACTION' });
    expect(answer.notice).toMatch(/bouton/);
  });
});

describe('commands', () => {
  it('stores the typed text, then the replies and the notice as bot messages; a repeat adds nothing', async () => {
    const before = (await conversation(julien)).messages.length;
    const body = { id: randomUUID(), personId: julien, text: '  aide  ' };
    expect(await (await post('commands', body)).json()).toEqual({});
    await post('commands', { id: randomUUID(), personId: julien, text: 'Semaine' });
    expect(await (await post('commands', body)).json()).toEqual({ duplicate: true });
    const added = (await conversation(julien)).messages.slice(before);
    expect(added.map((m) => [m.author, m.payload.text])).toEqual([
      ['PERSON', 'aide'],
      ['BOT', 'Commands: help, week'],
      ['PERSON', 'Semaine'],
      ['BOT', 'Nothing to show for this week yet'],
    ]);
  });

  it('refuses empty and too long texts', async () => {
    for (const text of ['   ', 'x'.repeat(501)]) {
      const response = await post('commands', { id: randomUUID(), personId: julien, text });
      expect(response.status).toBe(400);
    }
  });
});

describe('demo', () => {
  it('lists the rituals, ticks at the given time, and triggers a ritual for a person', async () => {
    expect(await getJson('demo')).toEqual({ rituals: [{ id: 'daily', audience: 'consultant' }, { id: 'digest', audience: 'manager' }] });
    const tick = await post('demo/tick', { at: '2026-11-16T17:30:00+01:00' });
    expect(await tick.json()).toEqual({ at: '2026-11-16T16:30:00.000Z', planned: 2, sent: 1 });
    expect(chat.demo.ticks.at(-1)?.toISOString()).toBe('2026-11-16T16:30:00.000Z');
    expect((await post('demo/tick', { at: '2026-11-16T17:30' })).status).toBe(400);
    const trigger = await post('demo/trigger', { personId: alice, ritual: 'daily' });
    expect(await trigger.json()).toEqual({ text: 'Ritual daily sent' });
    expect((await post('demo/trigger', { personId: alice, ritual: 'nope' })).status).toBe(400);
    expect((await post('demo/trigger', { personId: randomUUID(), ritual: 'daily' })).status).toBe(404);
  });

  it('does not exist without demo controls', async () => {
    const bare = await startWebChat({ withDemo: false });
    try {
      expect((await fetch(`${bare.baseUrl}/api/demo`)).status).toBe(404);
      const tick = await fetch(`${bare.baseUrl}/api/demo/tick`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ at: '2026-11-16T17:30:00+01:00' }),
      });
      expect(tick.status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
