/**
 * The web chat is a sharp tool: it answers direct loopback requests only (unless exposed), refuses
 * cross-origin and non-JSON changes, and answers every bad input with a 4xx, never a 5xx.
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionRouter } from '../../../src/chat/router/router.js';
import { mountWebChat } from '../../../src/chat/web/mount-web-chat.js';
import { isLoopbackAddress, isLoopbackHost, localOnlyDecision } from '../../../src/chat/web/request-guard.js';
import { findProjectRoot, resolvePublicDir } from '../../../src/chat/web/static-assets.js';
import { createHttpServer } from '../../../src/http/server.js';
import { createLogger } from '../../../src/log.js';
import { insertBotMessage, sampleBotMessage, startWebChat, type RunningWebChat } from '../../helpers/web-chat.js';

let chat: RunningWebChat;
let personId: string;

beforeAll(async () => {
  chat = await startWebChat();
  const org = await chat.prisma.organization.create({ data: { slug: 'garde', name: 'Garde' } });
  personId = (await chat.prisma.person.create({ data: { organizationId: org.id, ref: 'gina', name: 'Gina', roles: ['CONSULTANT'] } })).id;
});

afterAll(async () => {
  await chat?.close();
});

/** A raw request (fetch forbids setting Host, and adds its own headers). */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: chat.port, method, path: `/chat${path}`, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const validCommand = () => JSON.stringify({ id: randomUUID(), personId, text: 'aide' });

describe('who can reach it', () => {
  it('serves the page and the API to a direct loopback request', async () => {
    const page = await fetch(`${chat.baseUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script type="module" src="js/app.js">');
    expect((await fetch(`${chat.baseUrl}/js/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    const bare = await fetch(chat.baseUrl, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/chat/');
  });

  it('answers 404 to proxied requests and to foreign Host names (DNS rebinding)', async () => {
    expect((await fetch(`${chat.baseUrl}/api/people`, { headers: { 'X-Forwarded-For': '203.0.113.9' } })).status).toBe(404);
    expect((await fetch(`${chat.baseUrl}/`, { headers: { Forwarded: 'for=203.0.113.9' } })).status).toBe(404);
    expect((await raw('GET', '/api/people', { Host: 'evil.example:80' })).status).toBe(404);
    expect((await raw('GET', '/api/people', { Host: `localhost:${chat.port}` })).status).toBe(200);
  });

  it('serves proxied requests when exposed', async () => {
    const exposed = await startWebChat({ exposed: true, withDemo: false });
    try {
      const response = await fetch(`${exposed.baseUrl}/api/people`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
      expect(response.status).toBe(200);
    } finally {
      await exposed.close();
    }
  });

  it('decides on the socket addresses, the proxy headers and the Host', () => {
    const req = (localAddress: string, headers: Record<string, string> = {}) =>
      ({ socket: { localAddress, remoteAddress: '127.0.0.1' }, headers: { host: '127.0.0.1:3000', ...headers } }) as unknown as Request;
    expect(localOnlyDecision(req('127.0.0.1'))).toEqual({ allowed: true });
    expect(localOnlyDecision(req('::ffff:127.0.0.1'))).toEqual({ allowed: true });
    expect(localOnlyDecision(req('::1', { host: '[::1]:3000' }))).toEqual({ allowed: true });
    expect(localOnlyDecision(req('192.168.1.20'))).toEqual({ allowed: false, reason: 'not-loopback' });
    expect(localOnlyDecision(req('127.0.0.1', { 'x-forwarded-for': '10.0.0.1' }))).toEqual({ allowed: false, reason: 'proxied' });
    expect(localOnlyDecision(req('127.0.0.1', { host: 'rituel.example.com' }))).toEqual({ allowed: false, reason: 'foreign-host' });
    expect(isLoopbackAddress('::ffff:10.0.0.1')).toBe(false);
    expect(isLoopbackHost('app.localhost:8080')).toBe(true);
  });
});

describe('state-changing requests', () => {
  it('must be JSON (415)', async () => {
    const form = await fetch(`${chat.baseUrl}/api/commands`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: validCommand() });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ error: 'UNSUPPORTED_MEDIA_TYPE' });
    const none = await raw('POST', '/api/commands', { Host: `127.0.0.1:${chat.port}` }, validCommand());
    expect(none.status).toBe(415);
  });

  it('must come from the same origin when the browser says where it comes from (403)', async () => {
    const headers = { 'Content-Type': 'application/json', Origin: 'http://evil.example' };
    const forged = await fetch(`${chat.baseUrl}/api/commands`, { method: 'POST', headers, body: validCommand() });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: 'FORBIDDEN_ORIGIN' });
    const sameOrigin = await fetch(`${chat.baseUrl}/api/commands`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${chat.port}` },
      body: validCommand(),
    });
    expect(sameOrigin.status).toBe(200);
    expect(await chat.prisma.webMessage.count({ where: { personId } })).toBe(2);
  });
});

describe('bad input is a 4xx', () => {
  const send = (path: string, body: string) =>
    fetch(`${chat.baseUrl}/api/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

  it('unreadable JSON (400) and too large a body (413)', async () => {
    const broken = await send('interactions', '{"id": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: 'INVALID_JSON' });
    const huge = await send('commands', JSON.stringify({ id: randomUUID(), personId, text: 'x'.repeat(70_000) }));
    expect(huge.status).toBe(413);
  });

  it('invalid or missing fields (400), unknown person (404)', async () => {
    const messageId = await insertBotMessage(chat.prisma, personId, sampleBotMessage('input'));
    const valid = { id: randomUUID(), personId, messageId, kind: 'action', actionId: 'test.approve', value: '{"item":"x"}' };
    const cases: [unknown, number][] = [
      [{ ...valid, id: 'click-1' }, 400],
      [{ ...valid, kind: 'vote' }, 400],
      [{ ...valid, actionId: 'Bad Action' }, 400],
      [{ ...valid, value: 42 }, 400],
      [{ ...valid, messageId: 'nope' }, 400],
      [{ ...valid, extra: true }, 400],
      [{ ...valid, kind: 'form', fields: { days: 1 } }, 400],
      [{ id: valid.id }, 400],
      [[], 400],
      ['aide', 400],
      [null, 400],
      [{ ...valid, personId: randomUUID() }, 404],
      [{ ...valid, messageId: randomUUID() }, 404],
    ];
    for (const [body, status] of cases) {
      const response = await send('interactions', JSON.stringify(body));
      expect({ body, status: response.status }).toEqual({ body, status });
      expect(((await response.json()) as { error: string }).error).toMatch(/^[A-Z_]+$/);
    }
    expect((await chat.prisma.webMessage.findUniqueOrThrow({ where: { id: messageId } })).payload).toMatchObject({ text: 'Please approve input' });
  });

  it('unknown API routes and methods are JSON 404s', async () => {
    expect((await fetch(`${chat.baseUrl}/api/nothing`)).status).toBe(404);
    const del = await fetch(`${chat.baseUrl}/api/people`, { method: 'DELETE', headers: { 'Content-Type': 'application/json' } });
    expect(del.status).toBe(404);
    expect((await fetch(`${chat.baseUrl}/api/texts?locale=de`)).status).toBe(400);
  });
});

describe('failures', () => {
  it('answers 500 JSON to an unexpected failure and logs it without personal data', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', 'json', { write: (line: string) => void lines.push(line) });
    const http = createHttpServer(logger);
    const failingRouter: InteractionRouter = {
      handle: () => Promise.reject(new Error('database exploded while reading "secret note of Gina"')),
    };
    mountWebChat(http.app, { prisma: chat.prisma, router: failingRouter, events: chat.events, logger, exposed: false });
    const { port } = await http.listen(0, '127.0.0.1');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/chat/api/commands`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: randomUUID(), personId, text: 'secret note of Gina' }),
      });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: 'INTERNAL', message: 'Unexpected failure' });
      const logged = lines.join('');
      expect(logged).toContain('web chat request failed');
      expect(logged).toContain('/api/commands');
      expect(logged).not.toContain('secret note');
      expect(logged).not.toContain(personId);
    } finally {
      await http.close();
    }
  });

  it('finds the page files whether it runs from src or from dist', () => {
    const root = findProjectRoot(import.meta.dirname);
    const expected = join(root, 'src', 'chat', 'web', 'public');
    expect(resolvePublicDir(join(root, 'src', 'chat', 'web'))).toBe(expected);
    expect(resolvePublicDir(join(root, 'dist', 'chat', 'web'))).toBe(expected);
  });
});
