/**
 * The endpoint's guards and delivery through the dispatcher to the fake Bot Connector.
 * - With MicrosoftAppId configured, /api/messages refuses a request without a valid Bot Framework
 *   token (401) before anything is read or written; a turn that fails answers the person politely
 *   and logs neither the token nor the text.
 * - 429 (Retry-After) and 5xx are retried by the dispatcher only (botbuilder's own retries are off:
 *   one HTTP call per attempt, each message shown once); 403 with a Teams code and 404 kill the
 *   account, fail the row, alert the manager and are never retried; a person with an account but
 *   no conversation gets a 1:1 created.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { textMessage } from '../../../src/chat/build.js';
import { mountTeams } from '../../../src/chat/teams/mount-teams.js';
import { createPacer } from '../../../src/chat/teams/pacer.js';
import { createWebMessenger } from '../../../src/chat/web/web-messenger.js';
import { createHttpServer } from '../../../src/http/server.js';
import { createLogger } from '../../../src/log.js';
import { dispatchDue } from '../../../src/scheduler/dispatch/index.js';
import { createTeamsWorld, TENANT, type TeamsWorld } from './teams-world.js';

const NOW = new Date('2026-11-17T09:00:00.000Z'); // a Tuesday, 10:00 in Paris
const later = (ms: number) => new Date(NOW.getTime() + ms);
const logger = createLogger('silent');

const AAD = {
  claire: '3f2b9c1e-7a4d-4e2b-9c61-0a1b2c3d4e01',
  paul: '3f2b9c1e-7a4d-4e2b-9c61-0a1b2c3d4e02',
  sophie: '3f2b9c1e-7a4d-4e2b-9c61-0a1b2c3d4e03',
} as const;
type Ref = keyof typeof AAD;

let world: TeamsWorld;

beforeAll(async () => {
  world = await createTeamsWorld('2026-11-17 08:00');
});

afterAll(async () => {
  await world?.close();
});

const accountKey = (ref: Ref) => ({ platform_teamId_externalId: { platform: 'TEAMS' as const, teamId: TENANT, externalId: AAD[ref] } });

beforeEach(async () => {
  world.fake.reset();
  await world.db.prisma.outboxMessage.deleteMany();
  await world.db.prisma.alert.deleteMany();
  for (const ref of ['claire', 'paul'] as const) {
    await world.db.prisma.chatAccount.update({
      where: accountKey(ref),
      data: {
        status: 'ACTIVE',
        deadReason: null,
        conversationId: `a:${ref}-1on1`,
        conversationRef: {
          channelId: 'msteams',
          serviceUrl: world.fake.url,
          conversation: { id: `a:${ref}-1on1`, conversationType: 'personal', tenantId: TENANT },
          bot: { id: '28:rituel-bot', name: 'Rituel' },
          user: { id: `29:${AAD[ref]}`, aadObjectId: AAD[ref] },
        },
      },
    });
  }
});

async function queueTo(ref: Ref, key: string): Promise<string> {
  const row = await world.db.prisma.outboxMessage.create({
    data: { dedupeKey: key, recipientId: world.ids[ref]!, platform: 'TEAMS', kind: 'test.message', payload: textMessage('Bonjour *Claire*'), nextAttemptAt: NOW, createdAt: NOW },
  });
  return row.id;
}

const dispatch = (now: Date) =>
  dispatchDue({ prisma: world.db.prisma, messengers: { TEAMS: world.messenger, WEB: createWebMessenger(world.db.prisma) }, now, workerId: 'teams-delivery', logger, random: () => 0 });
const rowOf = (id: string) => world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
const accountOf = (ref: Ref) => world.db.prisma.chatAccount.findUniqueOrThrow({ where: accountKey(ref) });

describe('retryable answers', () => {
  it('429 waits for Retry-After, 503 backs off, then the message is posted once', async () => {
    const id = await queueTo('claire', 'retry-1');
    world.fake.failNext({ status: 429, retryAfter: '120' });
    expect(await dispatch(NOW)).toMatchObject({ sent: 0, retried: 1, failed: 0 });
    // A rate limit is not a failed attempt: the row waits and keeps its attempts.
    expect(await rowOf(id)).toMatchObject({ status: 'PENDING', attempts: 0, lastError: 'RATE_LIMITED', nextAttemptAt: later(120_000) });
    // One HTTP call: the SDK did not retry on its own.
    expect(world.fake.callsOf('send')).toHaveLength(1);

    world.fake.failNext({ status: 503 });
    expect(await dispatch(later(120_000))).toMatchObject({ retried: 1 });
    expect(await rowOf(id)).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'UNAVAILABLE' });
    expect(world.fake.callsOf('send')).toHaveLength(2);

    const next = (await rowOf(id)).nextAttemptAt;
    expect(await dispatch(next)).toMatchObject({ sent: 1 });
    const sent = await rowOf(id);
    expect(sent).toMatchObject({ status: 'SENT', platformChannelId: 'a:claire-1on1' });
    expect(world.fake.callsOf('send')).toHaveLength(3);
    expect(world.fake.delivered('send')).toHaveLength(1);
    expect((await accountOf('claire')).status).toBe('ACTIVE');
  });

  it('the same delivery attempted again by this process is not posted twice', async () => {
    const id = await queueTo('claire', 'twice');
    const row = await rowOf(id);
    const recipient = { personId: world.ids.claire!, locale: 'fr' as const, account: await accountOf('claire') };
    const first = await world.messenger.send({ deliveryId: row.id, recipient, message: textMessage('Bonjour') });
    const second = await world.messenger.send({ deliveryId: row.id, recipient, message: textMessage('Bonjour') });
    expect(second).toEqual(first);
    expect(world.fake.callsOf('send')).toHaveLength(1);
  });
});

describe('permanent answers', () => {
  it('403 ConversationBlockedByUser: account DEAD, row FAILED, the manager alerted, nothing retried', async () => {
    const id = await queueTo('claire', 'blocked');
    world.fake.failNext({ status: 403, code: 'ConversationBlockedByUser' });
    // (sent: the alert to Marc, through the web chat, in the same run)
    expect(await dispatch(NOW)).toMatchObject({ retried: 0, failed: 1 });
    expect(await rowOf(id)).toMatchObject({ status: 'FAILED', lastError: 'CONVERSATION_BLOCKED' });
    expect(await accountOf('claire')).toMatchObject({ status: 'DEAD', deadReason: '403 ConversationBlockedByUser' });
    const alert = await world.db.prisma.alert.findFirstOrThrow({ where: { kind: 'DELIVERY_FAILED', subjectId: world.ids.claire! } });
    expect(alert.recipientId).toBe(world.ids.marc);
    expect(await world.db.prisma.outboxMessage.count({ where: { kind: 'alert.delivery_failed', recipientId: world.ids.marc! } })).toBe(1);
    expect(await world.db.prisma.auditEvent.count({ where: { action: 'chat_account.dead' } })).toBeGreaterThanOrEqual(1);

    // Later dispatches try nothing more on Claire.
    await queueTo('claire', 'blocked-2');
    await dispatch(later(3_600_000));
    expect(world.fake.callsOf('send')).toHaveLength(1);
    expect(await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'blocked-2' } })).toMatchObject({ status: 'FAILED' });

    // Claire unblocks the bot and writes to it: her account lives again.
    await world.post(world.activity({ aadObjectId: AAD.claire, name: 'Claire Dubois', conversationId: 'a:claire-1on1', tenantId: TENANT }, { type: 'message', text: 'aide' }));
    expect(await accountOf('claire')).toMatchObject({ status: 'ACTIVE', deadReason: null });
    expect(await world.db.prisma.auditEvent.count({ where: { action: 'chat_account.revive' } })).toBe(1);
  });

  it('404 ConversationNotFound: account DEAD, row FAILED', async () => {
    const id = await queueTo('paul', 'gone');
    world.fake.failNext({ status: 404, code: 'ConversationNotFound' });
    expect(await dispatch(NOW)).toMatchObject({ failed: 1 });
    expect(await rowOf(id)).toMatchObject({ status: 'FAILED', lastError: 'CONVERSATION_NOT_FOUND' });
    expect(await accountOf('paul')).toMatchObject({ status: 'DEAD', deadReason: '404 ConversationNotFound' });
  });
});

describe('a person who never wrote', () => {
  it('gets a 1:1 created through the tenant’s serviceUrl, and its reference is stored', async () => {
    expect((await accountOf('sophie')).conversationRef).toBeNull();
    const id = await queueTo('sophie', 'first-contact');
    expect(await dispatch(NOW)).toMatchObject({ sent: 1 });
    const created = world.fake.callsOf('create');
    expect(created).toHaveLength(1);
    expect(created[0]!.body).toMatchObject({ isGroup: false, tenantId: TENANT, members: [{ id: AAD.sophie }] });
    const send = world.fake.callsOf('send');
    expect(send).toHaveLength(1);
    expect(send[0]!.conversationId).toMatch(/^a:created-/);
    const sophie = await accountOf('sophie');
    expect(sophie.conversationId).toBe(send[0]!.conversationId);
    expect(sophie.conversationRef).toMatchObject({ serviceUrl: world.fake.url, conversation: { id: send[0]!.conversationId } });
    expect(await rowOf(id)).toMatchObject({ status: 'SENT' });
  });
});

describe('pacing', () => {
  it('waits within a conversation’s limits and defers a full hour to the dispatcher', async () => {
    let clock = 1_000_000;
    const waits: number[] = [];
    const pacer = createPacer({
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    const keys = [{ key: 'conversation:a', limits: [[7, 1_000], [60, 30_000]] as const }];
    for (let i = 0; i < 7; i += 1) await pacer.acquire(keys);
    expect(waits).toEqual([]);
    await pacer.acquire(keys);
    expect(waits).toEqual([1_001]);
    const hourly = createPacer({ now: () => clock, maxWaitMs: 60_000, sleep: async () => undefined });
    const hourKeys = [{ key: 'conversation:b', limits: [[1, 3_600_000]] as const }];
    await hourly.acquire(hourKeys);
    await expect(hourly.acquire(hourKeys)).rejects.toMatchObject({ code: 'RATE_LIMITED', permanent: false, retryAfterMs: 3_600_001 });
  });
});

const inbound = () => ({
  type: 'message',
  id: 'forged-1',
  text: 'aide',
  serviceUrl: world.fake.url,
  channelId: 'msteams',
  from: { id: `29:${AAD.claire}`, aadObjectId: AAD.claire, name: 'Claire Dubois' },
  recipient: { id: '28:bot' },
  conversation: { id: 'a:claire', conversationType: 'personal', tenantId: TENANT },
});

async function snapshot() {
  const claire = await world.db.prisma.chatAccount.findUniqueOrThrow({
    where: { platform_teamId_externalId: { platform: 'TEAMS', teamId: TENANT, externalId: AAD.claire } },
  });
  return {
    conversationRef: claire.conversationRef,
    lastSeenAt: claire.lastSeenAt,
    accounts: await world.db.prisma.chatAccount.count(),
    interactions: await world.db.prisma.processedInteraction.count(),
    audit: await world.db.prisma.auditEvent.count(),
    alerts: await world.db.prisma.alert.count(),
  };
}

describe('with MicrosoftAppId configured', () => {
  it('refuses a request without a token, or with a forged one, and changes nothing', async () => {
    const logger = createLogger('silent');
    const guarded = createHttpServer(logger);
    mountTeams(guarded.app, {
      auth: { appId: '00000000-0000-4000-8000-00000000b07a', appPassword: 'not-a-real-secret', appType: 'SingleTenant', tenantId: TENANT },
      prisma: world.db.prisma,
      router: world.router,
      logger,
      defaultLocale: 'fr',
      platforms: ['TEAMS'],
    });
    const url = `http://127.0.0.1:${(await guarded.listen(0, '127.0.0.1')).port}/api/messages`;
    try {
      const before = await snapshot();
      const bare = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(inbound()) });
      expect(bare.status).toBe(401);
      // Signed by nobody Rituel trusts (an issuer that is not the Bot Framework's: refused without a network call).
      const forged = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: 'Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImZvcmdlZCJ9.eyJpc3MiOiJodHRwczovL2F0dGFja2VyLmV4YW1wbGUiLCJhdWQiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMGIwN2EifQ.c2lnbmF0dXJl',
        },
        body: JSON.stringify(inbound()),
      });
      expect(forged.status).toBe(401);
      expect(await snapshot()).toEqual(before);
      expect(world.fake.calls).toEqual([]);
    } finally {
      await guarded.close();
    }
  });
});

describe('a turn that fails', () => {
  it('answers politely in the person’s language and logs no text nor token', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const logger = createLogger('info', 'json', sink);
    const failing = createHttpServer(logger);
    mountTeams(failing.app, {
      auth: {},
      prisma: world.db.prisma,
      router: {
        handle() {
          throw new Error('database unreachable');
        },
      },
      logger,
      defaultLocale: 'fr',
      platforms: ['TEAMS'],
    });
    const address = await failing.listen(0, '127.0.0.1');
    try {
      const secretText = 'mon texte très personnel';
      const response = await fetch(`http://127.0.0.1:${address.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer should-not-be-logged' },
        body: JSON.stringify({ ...inbound(), id: 'fails-1', text: secretText, locale: 'en-US' }),
      });
      expect(response.status).toBeLessThan(500);
      const replies = world.fake.calls.filter((c) => c.kind === 'reply');
      expect(replies).toHaveLength(1);
      expect(String(replies[0]!.body.text)).toContain('Sorry, something went wrong');
      const logged = lines.join('');
      expect(logged).toContain('teams: turn failed');
      expect(logged).not.toContain(secretText);
      expect(logged).not.toContain('should-not-be-logged');
      expect(logged).not.toContain('database unreachable');
    } finally {
      await failing.close();
    }
  });
});
