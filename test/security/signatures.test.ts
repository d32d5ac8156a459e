/**
 * The security matrix of the platform endpoints: who may post to Rituel at all.
 *
 * Slack (POST /slack/events, HTTP mode, SLACK_SIGNING_SECRET):
 *   | request                                              | answer | where                          |
 *   | no signature headers / one of them missing           | 401    | here                           |
 *   | signature with another secret (forged)               | 401    | here, slack-http.test.ts       |
 *   | malformed signature (not v0=<hex>)                   | 401    | here, slack-http.test.ts       |
 *   | timestamp older than 5 minutes, validly signed       | 401    | here, slack-http.test.ts       |
 *   | timestamp more than 5 minutes ahead, validly signed  | 401    | here                           |
 *   | timestamp not a number ("NaN"), validly signed       | 401    | here                           |
 *   | body altered after signing                           | 401    | here                           |
 *   | the same signed request again within 5 minutes       | 200, handled once (one state change)   | here |
 *   | the same signed request again once stale             | 401    | here                           |
 *   | signed, malformed                                    | 4xx or a polite refusal | fuzz-slack.test.ts |
 * Teams (POST /api/messages, MicrosoftAppId configured):
 *   | no Authorization header                              | 401    | here, teams-delivery.test.ts   |
 *   | not a bearer token / garbage token                   | 401    | here                           |
 *   | JWT of an issuer that is not the Bot Framework       | 401    | here, teams-delivery.test.ts   |
 *   | JWT of the Bot Framework's issuer, unknown key       | 401    | here (its keys are out of reach here: 401, not 500) |
 *   | JWT of the Bot Framework's issuer, wrong audience    | 401    | here                           |
 *   | JWT expired                                          | 401    | here                           |
 *   In every refused case nothing is read nor written, and nothing is sent to the Bot Connector.
 * The metrics token and document links: fuzz-http.test.ts. The web chat's loopback and origin
 * guards: test/integration/web/web-chat-safety.test.ts.
 */
import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mountTeams } from '../../src/chat/teams/mount-teams.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { dbState } from './helpers/db-state.js';
import { postSlackRaw, SIGNING_SECRET, SLACK_USERS, slackSignature, startSecurityWorld, teamsActivity, TEAM, TENANT, AAD, type SecurityWorld } from './helpers/security-world.js';

let world: SecurityWorld;

beforeAll(async () => {
  world = await startSecurityWorld();
});

afterAll(async () => {
  vi.useRealTimers();
  await world?.close();
});

/** A click of Marc on "Acknowledge" of an alert he received (an open UNKNOWN_USER alert): a real change when handled. */
function marcClick(actionTs: string): string {
  const payload = {
    type: 'block_actions',
    user: { id: SLACK_USERS.marc, team_id: TEAM },
    team: { id: TEAM },
    api_app_id: 'A0RITUEL',
    trigger_id: 'trigger-signatures',
    container: { type: 'message', channel_id: `D${SLACK_USERS.marc}`, message_ts: '1764000000.000100', is_ephemeral: false },
    channel: { id: `D${SLACK_USERS.marc}` },
    message: { ts: '1764000000.000100' },
    actions: [{ type: 'button', action_id: 'alert.ack', block_id: 'b1', action_ts: actionTs, value: JSON.stringify({ alert: world.alertIds[0] }) }],
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

const FORM = 'application/x-www-form-urlencoded';

/** Listeners run after the ack: waits until Slack calls and stored interactions stop moving. */
async function settled(): Promise<void> {
  let last = '';
  let stableSince = Date.now();
  while (Date.now() - stableSince < 600) {
    const now = `${world.fakeSlack.calls.length}:${await world.prisma.processedInteraction.count()}:${await world.prisma.auditEvent.count()}`;
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Slack: only requests signed with the signing secret, within five minutes, are read', () => {
  it('refuses missing headers, forged, malformed, stale, future and NaN timestamps, and altered bodies (401), changing nothing', async () => {
    const before = await dbState(world.prisma);
    const callsBefore = world.fakeSlack.calls.length;
    const body = marcClick('1764000001.000001');
    const now = Math.floor(Date.now() / 1000);
    const refused: [string, () => Promise<Response>][] = [
      ['no headers', () => fetch(`${world.baseUrl}/slack/events`, { method: 'POST', headers: { 'content-type': FORM }, body })],
      ['no signature', () => postSlackRaw(world.baseUrl, body, FORM, { signature: null })],
      ['no timestamp', () => fetch(`${world.baseUrl}/slack/events`, { method: 'POST', headers: { 'content-type': FORM, 'x-slack-signature': slackSignature(body, now) }, body })],
      ['another secret', () => postSlackRaw(world.baseUrl, body, FORM, { signature: slackSignature(body, now, 'not-the-secret') })],
      ['malformed signature', () => postSlackRaw(world.baseUrl, body, FORM, { signature: 'v1=abc' })],
      ['signature of another body', () => postSlackRaw(world.baseUrl, body, FORM, { signature: slackSignature(`${body}&x=1`, now) })],
      ['stale (6 minutes)', () => postSlackRaw(world.baseUrl, body, FORM, { timestamp: now - 360 })],
      ['ahead (6 minutes)', () => postSlackRaw(world.baseUrl, body, FORM, { timestamp: now + 360 })],
      ['ahead (a year)', () => postSlackRaw(world.baseUrl, body, FORM, { timestamp: now + 365 * 86400 })],
      [
        'NaN timestamp',
        () =>
          fetch(`${world.baseUrl}/slack/events`, {
            method: 'POST',
            headers: { 'content-type': FORM, 'x-slack-request-timestamp': 'NaN', 'x-slack-signature': `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:NaN:${body}`).digest('hex')}` },
            body,
          }),
      ],
      [
        'altered after signing',
        () =>
          fetch(`${world.baseUrl}/slack/events`, {
            method: 'POST',
            headers: { 'content-type': FORM, 'x-slack-request-timestamp': String(now), 'x-slack-signature': slackSignature(body, now) },
            body: body.replace('alert.ack', 'alert.remind'),
          }),
      ],
    ];
    for (const [name, send] of refused) {
      expect((await send()).status, name).toBe(401);
    }
    await settled();
    expect(await dbState(world.prisma)).toEqual(before);
    expect(world.fakeSlack.calls.slice(callsBefore)).toEqual([]);
  });

  it('handles a signed request posted twice within five minutes once, and refuses it once stale', async () => {
    const body = marcClick('1764000002.000002');
    const signedAt = Math.floor(Date.now() / 1000);
    const send = () => postSlackRaw(world.baseUrl, body, FORM, { timestamp: signedAt, signature: slackSignature(body, signedAt) });
    const before = await dbState(world.prisma);

    expect((await send()).status).toBe(200);
    await settled();
    const afterFirst = await dbState(world.prisma);
    expect(afterFirst.digest.Alert, 'the click acknowledged the alert').not.toEqual(before.digest.Alert);
    const updates = world.fakeSlack.callsOf('chat.update').length;
    expect(updates).toBe(1);

    // Replayed within the window: acknowledged, handled once (the interaction id is the same).
    expect((await send()).status).toBe(200);
    await settled();
    expect((await dbState(world.prisma)).digest).toEqual(afterFirst.digest);
    expect(world.fakeSlack.callsOf('chat.update')).toHaveLength(updates);

    // The same bytes six minutes later: stale.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 6 * 60_000 });
    try {
      expect((await send()).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
    await settled();
    expect((await dbState(world.prisma)).digest).toEqual(afterFirst.digest);
  });
});

describe('Teams with MicrosoftAppId configured: only Bot Framework tokens are read', () => {
  const APP_ID = '00000000-0000-4000-8000-00000000b07a';
  let guarded: HttpServer;
  let url: string;

  beforeAll(async () => {
    guarded = createHttpServer(world.log.logger);
    mountTeams(guarded.app, {
      auth: { appId: APP_ID, appPassword: 'not-a-real-secret-0123456789', appType: 'SingleTenant', tenantId: TENANT },
      prisma: world.prisma,
      router: world.router,
      logger: world.log.logger,
      defaultLocale: 'fr',
      platforms: ['TEAMS'],
    });
    url = `http://127.0.0.1:${(await guarded.listen(0, '127.0.0.1')).port}/api/messages`;
  });

  afterAll(async () => {
    await guarded?.close();
  });

  function jwt(claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const head = encode({ alg: 'RS256', typ: 'JWT', kid: 'not-a-bot-framework-key', ...header });
    const body = encode(claims);
    return `${head}.${body}.${createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey).toString('base64url')}`;
  }

  it('refuses requests without a valid token (401), reads and writes nothing, calls nobody', async () => {
    const now = Math.floor(Date.now() / 1000);
    const botFramework = { iss: 'https://api.botframework.com', serviceurl: world.connector.url, nbf: now - 60, exp: now + 600 };
    const authorizations: [string, string | undefined][] = [
      ['no Authorization', undefined],
      ['empty', ''],
      ['not bearer', `Basic ${Buffer.from(`${APP_ID}:secret`).toString('base64')}`],
      ['garbage', 'Bearer abc.def'],
      ['not a JWT', 'Bearer not-a-token-at-all'],
      ['unsigned JWT (alg none)', `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...botFramework, aud: APP_ID })).toString('base64url')}.`],
      ['another issuer', `Bearer ${jwt({ ...botFramework, iss: 'https://attacker.example', aud: APP_ID })}`],
      ['Bot Framework issuer, unknown key', `Bearer ${jwt({ ...botFramework, aud: APP_ID })}`],
      ['Bot Framework issuer, wrong audience', `Bearer ${jwt({ ...botFramework, aud: '11111111-1111-4111-8111-111111111111' })}`],
      ['Bot Framework issuer, expired', `Bearer ${jwt({ ...botFramework, aud: APP_ID, nbf: now - 7200, exp: now - 3600 })}`],
    ];
    const before = await dbState(world.prisma);
    const callsBefore = world.connector.calls.length;
    const claire = { aadObjectId: AAD.claire, name: 'Claire Dubois' };
    for (const [name, authorization] of authorizations) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) },
        body: JSON.stringify(teamsActivity(world.connector.url, claire, { type: 'message', text: 'statut' })),
      });
      const text = await response.text();
      expect(response.status, `${name}: ${text.slice(0, 200)}`).toBe(401);
      expect(text, name).not.toMatch(/\n\s+at |node_modules|ENOTFOUND/);
    }
    expect(await dbState(world.prisma)).toEqual(before);
    expect(world.connector.calls.length).toBe(callsBefore);
  });
});
