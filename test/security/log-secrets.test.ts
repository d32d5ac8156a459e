/**
 * Logs never carry secrets. The whole app (src/app.ts startApp) runs at LOG_LEVEL=trace with every
 * secret configured: Slack's bot token and signing secret, Teams' app password, METRICS_TOKEN,
 * DATABASE_URL with a password (on PostgreSQL when TEST_DATABASE_URL names a server; the embedded
 * database otherwise), and lives real flows: check-ins delivered through Slack (one delivery failing
 * with an error first), Alice's click and her slash command (with their response_url and
 * trigger_id), the CRA closed and submitted, its validation request failing towards Teams (whose
 * token request cannot reach Microsoft), a CRA PDF link issued and fetched, metrics scraped with
 * the right and a wrong token, and bad requests (unsigned Slack, Teams with a bearer token, broken
 * JSON). Every line written, by pino and by libraries on the console, is searched for each secret
 * as is, base64, base64url, URL-encoded and hex.
 *
 * What test/integration/ops/log-redaction.test.ts covers (one logger call with chat payloads) is
 * not repeated here: this is the app as it runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { parseEnv } from '../../src/config/index.js';
import { documentSigningKey } from '../../src/documents/app-settings.js';
import { craPdfLink } from '../../src/documents/document-links.js';
import { elementsOf, parseChatMessage } from '../../src/chat/message.js';
import { toDateOnlyUTC, workingDaysBetween } from '../../src/domain/index.js';
import { createLogger } from '../../src/log.js';
import { importExampleOrganization } from '../helpers/example-org.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { paris } from '../helpers/ritual-flow.js';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-postgres.js';
import { slackSignature } from './helpers/security-world.js';

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-7319-secret-bot-token-Qw3rTy',
  SLACK_SIGNING_SECRET: 'signing-secret-5f1e2d3c4b5a69788796a5b4',
  SLACK_APP_TOKEN: 'xapp-1-secret-app-token-Zx9',
  MicrosoftAppPassword: 'teams~app~password~Pa55w0rd.XyZ',
  METRICS_TOKEN: 'metrics-token-0f9e8d7c6b5a4321',
  DATABASE_PASSWORD: 'db-Passw0rd-8c7b6a',
  RESPONSE_URL_SECRET: 'ResponseUrlSecretSegment7788',
  TRIGGER_ID: '13345224609.738474920.8088930838d88f008e0',
  TEAMS_BEARER: 'eyJhbGciOiJSUzI1NiJ9.eyJzZWNyZXQiOiJ0ZWFtcy1iZWFyZXIifQ.c2lnbmF0dXJlLXNlY3JldA',
} as const;
const TEAM = 'T07ACME001';
const ALICE = 'U07ALICE01';
const TENANT = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b01';

const lines: string[] = [];
let app: RunningApp;
let fake: FakeSlack;
let scratch: ScratchDatabase | undefined;
let dataDir: string;
let clock = paris('2026-11-26 17:31');
let baseUrl: string;
const extraSecrets: string[] = [];

function forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [secret, bytes.toString('base64'), bytes.toString('base64url'), encodeURIComponent(secret), bytes.toString('hex')].filter((form) => form.length >= 8);
}

function captured(): string {
  return lines.join('\n');
}

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  // Libraries that write to the console (botbuilder prints its errors) are captured too.
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => {
      lines.push(parts.map((p) => (p instanceof Error ? `${p.message}\n${p.stack ?? ''}\n${JSON.stringify(p)}` : typeof p === 'string' ? p : JSON.stringify(p))).join(' '));
    });
  }
  fake = await startFakeSlack({ teamId: TEAM });
  fake.addUser({ id: ALICE, teamId: TEAM, name: 'Alice', email: 'alice.martin@acme-conseil.fr' });
  for (const id of ['U07MARC001', 'U07JULIEN1', 'U07SARAH01', 'U08THOMAS1']) fake.addUser({ id, teamId: TEAM, name: id });

  let databaseUrl: string | undefined;
  dataDir = mkdtempSync(join(tmpdir(), 'rituel-log-secrets-'));
  if (process.env.TEST_DATABASE_URL) {
    scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL, 'rituel_logsecrets');
    const url = new URL(scratch.url);
    url.password = SECRETS.DATABASE_PASSWORD; // trust or password auth: the server decides, the URL carries it
    if (!url.username) url.username = 'postgres';
    databaseUrl = url.toString();
  }
  const env = parseEnv({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    LOG_LEVEL: 'trace',
    LOG_FORMAT: 'json',
    WEB_CHAT: 'on',
    METRICS_TOKEN: SECRETS.METRICS_TOKEN,
    SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    MicrosoftAppId: '00000000-0000-4000-8000-00000000b07a',
    MicrosoftAppPassword: SECRETS.MicrosoftAppPassword,
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: TENANT,
  });
  const logger = createLogger(env.LOG_LEVEL, 'json', sink);
  // What an operator might log by mistake: the configuration itself (redacted by name).
  logger.info({ env: { ...env, SLACK_APP_TOKEN: SECRETS.SLACK_APP_TOKEN } }, 'configuration');
  logger.info({ ...env, SLACK_APP_TOKEN: SECRETS.SLACK_APP_TOKEN }, 'configuration, flat');
  logger.info({ slack: { token: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET, appToken: SECRETS.SLACK_APP_TOKEN }, teams: { appId: env.MicrosoftAppId, appPassword: env.MicrosoftAppPassword } }, 'platform settings');
  app = await startApp(env, logger, { clock: () => clock });
  baseUrl = `http://127.0.0.1:${app.port}`;
  await importExampleOrganization(app.database.prisma);
  const key = await documentSigningKey(app.database.prisma);
  extraSecrets.push(key.toString('hex'), key.toString('base64'), key.toString('base64url'));
}, 120_000);

afterAll(async () => {
  vi.restoreAllMocks();
  // FUZZ_LOG_FILE=<path>: every captured line, to read what the run logged.
  if (process.env.FUZZ_LOG_FILE) writeFileSync(process.env.FUZZ_LOG_FILE, lines.join('\n'));
  await app?.stop();
  await fake?.close();
  await scratch?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signedSlack(body: string, contentType: string): Promise<Response> {
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(body, timestamp, SECRETS.SLACK_SIGNING_SECRET) },
    body,
  });
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function fill(missionRef: string, from: string, to: string): Promise<void> {
  const prisma = app.database.prisma;
  const mission = await prisma.mission.findFirstOrThrow({ where: { ref: missionRef } });
  await prisma.dayEntry.createMany({
    data: workingDaysBetween(from, to, 'FR').map((d) => ({ missionId: mission.id, personId: mission.consultantId, date: toDateOnlyUTC(d), fraction: '1', kind: 'WORKED' as const, source: 'WEB' as const })),
  });
}

describe('logs at trace level, the app running with every secret configured', () => {
  it('never contain a token, a secret, a password, a signing key, a document link, a response_url nor a trigger id', async () => {
    const prisma = app.database.prisma;
    // Daily check-ins delivered through Slack, the first post failing with an error.
    fake.failNext('chat.postMessage', { kind: 'error', error: 'internal_error' });
    const aliceSent = async () => (await prisma.outboxMessage.count({ where: { platform: 'SLACK', status: 'SENT', recipient: { ref: 'alice' }, kind: 'checkin.daily' } })) === 1;
    for (let minute = 0; minute < 3 && !(await aliceSent()); minute += 1) {
      // The failed post is retried on a later tick.
      clock = new Date(clock.getTime() + minute * 60_000);
      await app.scheduler.tickNow();
    }
    await waitFor(aliceSent, 'Alice\'s check-in sent to Slack');
    const aliceMessage = fake.channelMessages(`D${ALICE}`).at(-1);
    expect(aliceMessage, 'Alice got her check-in in Slack').toBeDefined();

    // Alice clicks "morning only" (a signed block action with a response_url and a trigger id).
    const outbox = await prisma.outboxMessage.findFirstOrThrow({ where: { recipient: { ref: 'alice' }, kind: { contains: 'daily' } } });
    const answer = elementsOf(parseChatMessage(outbox.payload)).find((e) => e.actionId === 'daily.answer')!;
    const click = {
      type: 'block_actions',
      user: { id: ALICE, team_id: TEAM },
      team: { id: TEAM },
      api_app_id: 'A0RITUEL',
      token: SECRETS.SLACK_SIGNING_SECRET.slice(0, 4) + 'verif',
      trigger_id: SECRETS.TRIGGER_ID,
      response_url: `${fake.responseUrl(SECRETS.RESPONSE_URL_SECRET)}`,
      container: { type: 'message', channel_id: aliceMessage!.channel, message_ts: aliceMessage!.ts, is_ephemeral: false },
      channel: { id: aliceMessage!.channel },
      message: { ts: aliceMessage!.ts },
      actions: [{ type: 'button', action_id: answer.actionId, block_id: 'b1', action_ts: '1764170000.000001', value: answer.value }],
    };
    expect((await signedSlack(`payload=${encodeURIComponent(JSON.stringify(click))}`, 'application/x-www-form-urlencoded')).status).toBe(200);
    await waitFor(() => fake.callsOf('chat.update').length > 0, 'the click handled');
    // Her slash command, answered through its response_url.
    const command = new URLSearchParams({ command: '/rituel', text: 'semaine', user_id: ALICE, team_id: TEAM, trigger_id: SECRETS.TRIGGER_ID, channel_id: aliceMessage!.channel, response_url: fake.responseUrl(SECRETS.RESPONSE_URL_SECRET) });
    expect((await signedSlack(command.toString(), 'application/x-www-form-urlencoded')).status).toBe(200);
    await waitFor(() => fake.responses.length > 0, 'the command answered');

    // The month closed and Alice's CRA submitted: its validation request to Claire (Teams) fails
    // (no way to Microsoft's token endpoint from here), with an error.
    await fill('alice-banque-nord', '2026-11-27', '2026-11-30');
    await fill('alice-banque-nord', '2026-11-01', '2026-11-25');
    clock = paris('2026-11-30 15:01');
    await app.scheduler.tickNow();
    const craRow = await prisma.outboxMessage.findFirstOrThrow({ where: { recipient: { ref: 'alice' }, kind: 'cra.close' } });
    const submit = elementsOf(parseChatMessage(craRow.payload)).find((e) => e.actionId === 'cra.submit');
    expect(submit, 'the CRA message has its submit button').toBeDefined();
    const submitted = await app.router.handle({ id: 'log-secrets-submit', kind: 'action', actor: { platform: 'SLACK', teamId: TEAM, externalId: ALICE }, actionId: submit!.actionId, value: submit!.value });
    expect(submitted.refused).toBeUndefined();
    clock = paris('2026-11-30 15:03');
    await app.scheduler.tickNow();
    const teamsRows = await prisma.outboxMessage.findMany({ where: { platform: 'TEAMS' }, select: { status: true, attempts: true, lastError: true } });
    expect(teamsRows.length, 'the validation request went to Claire in Teams').toBeGreaterThan(0);
    expect(teamsRows.every((r) => r.status !== 'SENT'), 'and could not be delivered from here').toBe(true);

    // A CRA PDF link issued and fetched.
    const timesheet = await prisma.timesheet.findFirst({ where: { mission: { ref: 'alice-banque-nord' } } });
    if (timesheet) {
      const link = await craPdfLink({ prisma, timesheetId: timesheet.id, now: clock });
      expect(link).toBeDefined();
      extraSecrets.push(link!.split('/').at(-1)!);
      expect((await fetch(link!)).status).toBeLessThan(500);
    }
    // Every document link the app itself wrote in messages.
    for (const row of await prisma.outboxMessage.findMany({ select: { payload: true } })) {
      for (const match of JSON.stringify(row.payload).matchAll(/\/documents\/([A-Za-z0-9._-]{20,})/g)) extraSecrets.push(match[1]!);
    }

    // Metrics, with the right token and a wrong one; bad requests of every kind.
    expect((await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${SECRETS.METRICS_TOKEN}` } })).status).toBe(200);
    expect((await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${SECRETS.METRICS_TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${baseUrl}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-signature': `v0=${SECRETS.SLACK_SIGNING_SECRET}` }, body: '{}' })).status).toBe(401);
    const teams = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRETS.TEAMS_BEARER}` },
      body: JSON.stringify({ type: 'message', id: '1', serviceUrl: 'http://127.0.0.1:1/', channelId: 'msteams', from: { id: '29:x', aadObjectId: 'x' }, recipient: { id: '28:b' }, conversation: { id: 'a:1' }, text: 'secret text' }),
    });
    expect(teams.status).toBe(401);
    expect((await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRETS.TEAMS_BEARER}` }, body: '{"type":' })).status).toBe(400);
    expect((await fetch(`${baseUrl}/chat/api/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"token":"${SECRETS.SLACK_BOT_TOKEN}"` })).status).toBe(400);
    await new Promise((r) => setTimeout(r, 300));

    const text = captured();
    expect(lines.length, 'the run was logged').toBeGreaterThan(20);
    expect(text).toContain('"level":20'); // debug lines too (nothing of Rituel logs at trace today)
    const found: string[] = [];
    const secrets = [...Object.entries(SECRETS).map(([name, value]) => [name, value] as const), ...extraSecrets.map((value, i) => [`document/signing #${i}`, value] as const)];
    for (const [name, secret] of secrets) {
      for (const form of new Set(forms(secret))) {
        const line = lines.find((l) => l.includes(form));
        if (line) found.push(`${name} (${form.slice(0, 12)}…) in: ${line.slice(0, 160)}`);
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});
