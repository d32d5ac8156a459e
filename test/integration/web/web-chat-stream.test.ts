/** The live stream: an event when the conversation changes, in this process or in another one. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBotMessage, sampleBotMessage, startWebChat, type RunningWebChat } from '../../helpers/web-chat.js';

let chat: RunningWebChat;
let personId: string;

beforeAll(async () => {
  chat = await startWebChat({ pollMs: 200 });
  const org = await chat.prisma.organization.create({ data: { slug: 'flux', name: 'Flux' } });
  personId = (await chat.prisma.person.create({ data: { organizationId: org.id, ref: 'fanny', name: 'Fanny', roles: ['CONSULTANT'] } })).id;
});

afterAll(async () => {
  await chat?.close();
});

/** Reads the stream's events as they come. */
async function openStream(id: string) {
  const controller = new AbortController();
  const response = await fetch(`${chat.baseUrl}/api/people/${id}/stream`, { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    response,
    /** Resolves when an event of this name arrives (or rejects after `timeoutMs`). */
    async next(name: string, timeoutMs = 5000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const at = buffer.indexOf(`event: ${name}\n`);
        if (at >= 0) {
          buffer = buffer.slice(at + name.length + 8);
          return;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no "${name}" event within ${timeoutMs} ms; got: ${buffer}`);
        const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
        if (chunk === null) continue;
        if (chunk.done) throw new Error('stream ended');
        buffer += chunk.value;
      }
    },
    close: () => controller.abort(),
  };
}

describe('GET /api/people/:id/stream', () => {
  it('is an event stream that says when the conversation changes through the API', async () => {
    const stream = await openStream(personId);
    try {
      expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      await stream.next('ready');
      const response = await fetch(`${chat.baseUrl}/api/commands`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: randomUUID(), personId, text: 'aide' }),
      });
      expect(response.status).toBe(200);
      await stream.next('changed', 1000);
    } finally {
      stream.close();
    }
  });

  it('forwards the in-process change signal at once (the periodic check sees no change here)', async () => {
    const stream = await openStream(personId);
    try {
      await stream.next('ready');
      chat.events.changed(personId);
      await stream.next('changed', 1000);
    } finally {
      stream.close();
    }
  });

  it('notices rows written by another process (no in-process event)', async () => {
    const stream = await openStream(personId);
    try {
      await stream.next('ready');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await insertBotMessage(chat.prisma, personId, sampleBotMessage('from a tick'));
      await stream.next('changed', 3000);
    } finally {
      stream.close();
    }
  });

  it('is 404 for an unknown person, and open streams are released on close', async () => {
    expect((await fetch(`${chat.baseUrl}/api/people/${randomUUID()}/stream`)).status).toBe(404);
    const stream = await openStream(personId);
    await stream.next('ready');
    expect(chat.webChat.openStreams()).toBe(1);
    stream.close();
    await expect.poll(() => chat.webChat.openStreams()).toBe(0);
  });
});
