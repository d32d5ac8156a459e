/**
 * Every public endpoint of Rituel on one in-process HTTP server, mounted as src/app.ts mounts
 * them: /healthz, /readyz, /metrics (behind METRICS_TOKEN), /documents/:token, Teams'
 * /api/messages (without an app id, so that bodies reach the bot code: with one, botbuilder
 * refuses them before, see signatures.test.ts), Slack's /slack/events (Bolt HTTP receiver, signed
 * requests) and the web chat with its demo panel. A fresh database holds examples/org.yaml and a
 * month of real state: November's days filled, check-ins and weekly check-ins planned, the three
 * CRAs closed and submitted (their validation requests sent), and the UNKNOWN_USER alerts of the
 * strangers the fuzz plays (raised once here, so that the run itself raises none).
 *
 * The logger is the real one (src/log.ts), captured: the fuzz asserts that bad input logs no error.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { elementsOf, parseChatMessage, type ChatElement } from '../../../src/chat/message.js';
import { createInteractionRouter, type InteractionRouter } from '../../../src/chat/router/router.js';
import { startSlack, type SlackRuntime } from '../../../src/chat/slack/start-slack.js';
import { mountTeams } from '../../../src/chat/teams/mount-teams.js';
import { mountWebChat, type MountedWebChat } from '../../../src/chat/web/mount-web-chat.js';
import { WebChatEvents } from '../../../src/chat/web/web-chat-events.js';
import { createWebMessenger } from '../../../src/chat/web/web-messenger.js';
import { parseEnv } from '../../../src/config/index.js';
import type { Database } from '../../../src/db/database.js';
import type { Db } from '../../../src/db/client.js';
import { createDemoControls } from '../../../src/demo/create-demo-controls.js';
import { saveDocumentBaseUrl } from '../../../src/documents/app-settings.js';
import { craPdfLink } from '../../../src/documents/document-links.js';
import { toDateOnlyUTC, workingDaysBetween } from '../../../src/domain/index.js';
import { createHttpServer, type HttpServer } from '../../../src/http/server.js';
import { mountDocumentRoutes } from '../../../src/http/document-routes.js';
import { createOperations } from '../../../src/ops/create-operations.js';
import { COMMANDS, FALLBACK_COMMAND, INTERACTION_DEFINITIONS, SCHEDULED_RITUALS } from '../../../src/rituals/index.js';
import { CRA_ACTIONS } from '../../../src/rituals/cra/cra-actions.js';
import { runTick, type TickDeps } from '../../../src/scheduler/run-tick.js';
import { createTestDatabase } from '../../helpers/database.js';
import { importExampleOrganization } from '../../helpers/example-org.js';
import { startFakeConnector, type FakeConnector } from '../../helpers/fake-connector.js';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';
import { paris } from '../../helpers/ritual-flow.js';
import { captureLog, type CapturedLog } from './capture-log.js';

export const TEAM = 'T07ACME001';
export const TENANT = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b01';
export const SIGNING_SECRET = 'security-signing-secret-0123456789';
export const METRICS_TOKEN = 'security-metrics-token-0123456789';
export const SLACK_USERS = {
  marc: 'U07MARC001',
  alice: 'U07ALICE01',
  julien: 'U07JULIEN1',
  sarah: 'U07SARAH01',
  thomas: 'U08THOMAS1',
} as const;
export const SLACK_STRANGER = 'U0STRANGER';
export const AAD = {
  claire: '3f2b9c1e-7a4d-4e2b-9c61-0a1b2c3d4e01',
  paul: '3f2b9c1e-7a4d-4e2b-9c61-0a1b2c3d4e02',
  sophie: '3f2b9c1e-7a4d-4e2b-9c61-0a1b2c3d4e03',
} as const;
export const TEAMS_STRANGER = '0badc0de-0000-4000-8000-00000000beef';

/** Record ids of one consultant's month, what a fuzzed click may point at. */
export interface Resources {
  readonly personId: string;
  readonly missionId: string;
  readonly checkInIds: string[];
  readonly weeklyCheckInIds: string[];
  readonly timesheetId: string;
  readonly version: number;
  readonly contentHash: string;
  readonly webMessageIds: string[];
}

export interface SecurityWorld {
  readonly database: Database;
  readonly prisma: Db;
  readonly http: HttpServer;
  readonly baseUrl: string;
  readonly log: CapturedLog;
  readonly fakeSlack: FakeSlack;
  readonly connector: FakeConnector;
  readonly slack: SlackRuntime;
  readonly router: InteractionRouter;
  readonly people: Record<string, string>;
  readonly resources: { alice: Resources; sarah: Resources; julien: Resources };
  /** Ids of open alerts (the strangers' UNKNOWN_USER alerts, to Marc). */
  readonly alertIds: string[];
  /** A valid document link token (Alice's CRA PDF). */
  readonly documentToken: string;
  readonly now: () => Date;
  close(): Promise<void>;
}

export const NOW_LOCAL = '2026-11-30 15:10';

async function fill(prisma: Db, missionRef: string, from: string, to: string): Promise<void> {
  const mission = await prisma.mission.findFirstOrThrow({ where: { ref: missionRef } });
  const start = mission.startDate.toISOString().slice(0, 10) > from ? mission.startDate.toISOString().slice(0, 10) : from;
  await prisma.dayEntry.createMany({
    data: workingDaysBetween(start, to, 'FR').map((d) => ({
      missionId: mission.id,
      personId: mission.consultantId,
      date: toDateOnlyUTC(d),
      fraction: '1',
      kind: 'WORKED' as const,
      source: 'WEB' as const,
    })),
  });
}

async function webElement(prisma: Db, personId: string, actionId: string): Promise<ChatElement> {
  const rows = await prisma.outboxMessage.findMany({ where: { recipientId: personId }, orderBy: { createdAt: 'asc' }, select: { payload: true } });
  const found = rows
    .map((r) => elementsOf(parseChatMessage(r.payload)).find((e) => e.actionId === actionId))
    .filter((e): e is ChatElement => e !== undefined)
    .at(-1);
  expect(found, `${actionId} for ${personId}`).toBeDefined();
  return found!;
}

export function slackSignature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function startSecurityWorld(): Promise<SecurityWorld> {
  const database = await createTestDatabase();
  const { prisma } = database;
  await importExampleOrganization(prisma);
  const people = Object.fromEntries((await prisma.person.findMany({ select: { id: true, ref: true } })).map((p) => [p.ref, p.id]));
  const clock = { at: paris('2026-11-26 17:31') };
  const now = () => clock.at;
  const log = captureLog(process.env.FUZZ_LOG_LEVEL ?? 'warn');
  const { logger } = log;

  // A month of state, delivered to the web chat (the outbox rows hold every button's value).
  const setupDeps: TickDeps = { prisma, logger, rituals: SCHEDULED_RITUALS, messengers: { WEB: createWebMessenger(prisma) }, platforms: ['WEB'], workerId: 'security-setup' };
  for (const ref of ['alice-banque-nord', 'sarah-banque-nord', 'julien-assurances-rhin']) await fill(prisma, ref, '2026-11-01', '2026-11-25');
  const first = await runTick(setupDeps, clock.at);
  expect(first.failed).toBe(0);
  for (const ref of ['alice-banque-nord', 'sarah-banque-nord', 'julien-assurances-rhin']) await fill(prisma, ref, '2026-11-26', '2026-11-30');
  clock.at = paris('2026-11-30 15:01');
  expect((await runTick(setupDeps, clock.at)).failed).toBe(0);
  const setupRouter = createInteractionRouter({ prisma, logger, defaultLocale: 'fr', platforms: ['WEB'], definitions: INTERACTION_DEFINITIONS, commands: COMMANDS, fallbackCommand: FALLBACK_COMMAND, now });
  for (const ref of ['alice', 'sarah', 'julien']) {
    const submit = await webElement(prisma, people[ref]!, CRA_ACTIONS.submit);
    const result = await setupRouter.handle({ id: randomUUID(), kind: 'action', actor: { platform: 'WEB', teamId: '', externalId: people[ref]! }, actionId: submit.actionId, value: submit.value });
    expect(result.refused, `${ref}'s CRA submitted`).toBeUndefined();
  }
  clock.at = paris('2026-11-30 15:05');
  expect((await runTick(setupDeps, clock.at)).failed).toBe(0);
  clock.at = paris(NOW_LOCAL);

  const fakeSlack = await startFakeSlack({ teamId: TEAM });
  const emails = Object.fromEntries((await prisma.person.findMany({ select: { ref: true, email: true } })).map((p) => [p.ref, p.email]));
  for (const [ref, id] of Object.entries(SLACK_USERS)) {
    fakeSlack.addUser({ id, teamId: TEAM, name: ref, ...(emails[ref] ? { email: emails[ref]! } : {}) });
  }
  fakeSlack.addUser({ id: SLACK_STRANGER, teamId: TEAM, name: 'Stranger <b>Danger</b>', email: 'stranger@elsewhere.example' });
  const connector = await startFakeConnector();

  const platforms = ['SLACK', 'TEAMS', 'WEB'] as const;
  const router = createInteractionRouter({ prisma, logger, defaultLocale: 'fr', platforms, definitions: INTERACTION_DEFINITIONS, commands: COMMANDS, fallbackCommand: FALLBACK_COMMAND, now });
  const env = parseEnv({ METRICS_TOKEN, NODE_ENV: 'test' });
  const ops = createOperations({ env, prisma, logger, workerId: 'security', clock: now });
  const http = createHttpServer(logger);
  ops.mount(http.app);
  mountDocumentRoutes(http.app, { prisma, logger, now });
  http.addReadinessCheck({ name: 'database', check: async () => (await prisma.$queryRaw`SELECT 1`) !== undefined });
  mountTeams(http.app, { auth: {}, prisma, router, logger, defaultLocale: 'fr', platforms, now });
  const slack = await startSlack({
    settings: { token: 'xoxb-security-test-token', apiUrl: fakeSlack.apiUrl, timeoutMs: 2000, signingSecret: SIGNING_SECRET },
    prisma,
    router,
    logger,
    defaultLocale: 'fr',
    platforms,
    httpApp: http.app,
    now,
    linkEveryMs: 0,
  });
  const events = new WebChatEvents();
  const tickDeps: TickDeps = { ...setupDeps, messengers: { WEB: createWebMessenger(prisma, events) }, workerId: 'security-demo' };
  const webChat: MountedWebChat = mountWebChat(http.app, {
    prisma,
    router,
    events,
    logger,
    exposed: false,
    defaultLocale: 'fr',
    demo: createDemoControls(tickDeps, { now }),
    now,
    streamTiming: { pollMs: 60_000, keepAliveMs: 60_000 },
  });
  const address = await http.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  await saveDocumentBaseUrl(prisma, baseUrl);

  // The strangers have acted once already: their UNKNOWN_USER alerts exist (raised once per user).
  const strangerSlack = await postSlack(baseUrl, 'command', { command: '/rituel', text: 'aide', user_id: SLACK_STRANGER, team_id: TEAM, trigger_id: 'warm-1', channel_id: 'D0STRANGER', response_url: fakeSlack.responseUrl('warm') });
  expect(strangerSlack.status).toBe(200);
  const strangerTeams = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(teamsActivity(connector.url, { aadObjectId: TEAMS_STRANGER, name: 'Stranger' }, { type: 'message', text: 'aide' })),
  });
  expect(strangerTeams.status).toBe(200);
  const deadline = Date.now() + 8000;
  while ((await prisma.alert.count({ where: { kind: 'UNKNOWN_USER' } })) < 2) {
    if (Date.now() > deadline) throw new Error('the strangers\' alerts were not raised');
    await new Promise((r) => setTimeout(r, 25));
  }
  await new Promise((r) => setTimeout(r, 200));

  async function resourcesOf(ref: 'alice' | 'sarah' | 'julien', missionRef: string): Promise<Resources> {
    const personId = people[ref]!;
    const mission = await prisma.mission.findFirstOrThrow({ where: { ref: missionRef }, select: { id: true } });
    const checkIns = await prisma.checkIn.findMany({ where: { personId }, select: { id: true, kind: true } });
    const timesheet = await prisma.timesheet.findFirstOrThrow({ where: { missionId: mission.id, month: '2026-11' }, include: { versions: { orderBy: { version: 'desc' }, take: 1 } } });
    const webMessages = await prisma.webMessage.findMany({ where: { personId }, select: { id: true } });
    return {
      personId,
      missionId: mission.id,
      checkInIds: checkIns.filter((c) => c.kind === 'DAILY').map((c) => c.id),
      weeklyCheckInIds: checkIns.filter((c) => c.kind !== 'DAILY').map((c) => c.id),
      timesheetId: timesheet.id,
      version: timesheet.versions[0]?.version ?? 1,
      contentHash: timesheet.versions[0]?.contentHash ?? '0'.repeat(64),
      webMessageIds: webMessages.map((m) => m.id),
    };
  }
  const resources = {
    alice: await resourcesOf('alice', 'alice-banque-nord'),
    sarah: await resourcesOf('sarah', 'sarah-banque-nord'),
    julien: await resourcesOf('julien', 'julien-assurances-rhin'),
  };
  expect(resources.alice.checkInIds.length).toBeGreaterThan(0);
  const alertIds = (await prisma.alert.findMany({ select: { id: true } })).map((a) => a.id);
  const documentUrl = await craPdfLink({ prisma, timesheetId: resources.alice.timesheetId, version: resources.alice.version, now: now() });
  expect(documentUrl).toBeDefined();
  const documentToken = documentUrl!.split('/').at(-1)!;
  log.clear();

  return {
    database,
    prisma,
    http,
    baseUrl,
    log,
    fakeSlack,
    connector,
    slack,
    router,
    people,
    resources,
    alertIds,
    documentToken,
    now,
    async close() {
      // FUZZ_LOG_FILE=<path>: every captured log line, to investigate a failing run.
      if (process.env.FUZZ_LOG_FILE) writeFileSync(process.env.FUZZ_LOG_FILE, log.lines.join('\n'));
      webChat.close();
      await slack.stop();
      await http.close();
      await fakeSlack.close();
      await connector.close();
      await database.close();
    },
  };
}

/** Posts to /slack/events as Slack does (JSON for events, `payload=` for interactions, fields for commands), signed. */
export function postSlack(baseUrl: string, kind: 'event' | 'interaction' | 'command', payload: Record<string, unknown>): Promise<Response> {
  const body =
    kind === 'event'
      ? JSON.stringify(payload)
      : kind === 'interaction'
        ? new URLSearchParams({ payload: JSON.stringify(payload) }).toString()
        : new URLSearchParams(Object.entries(payload).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return postSlackRaw(baseUrl, body, kind === 'event' ? 'application/json' : 'application/x-www-form-urlencoded');
}

export function postSlackRaw(baseUrl: string, body: string | Buffer, contentType: string, options: { timestamp?: number; signature?: string | null } = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp) };
  const signature = options.signature === undefined ? slackSignature(typeof body === 'string' ? body : body.toString('utf8'), timestamp) : options.signature;
  if (signature !== null) headers['x-slack-signature'] = signature;
  return fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body });
}

let activityCounter = 0;

/** A Teams activity from a user in their 1:1 with the bot. */
export function teamsActivity(serviceUrl: string, from: { aadObjectId: string; name: string }, fields: Record<string, unknown>): Record<string, unknown> {
  activityCounter += 1;
  return {
    id: `act-${activityCounter}-${randomUUID().slice(0, 8)}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${from.aadObjectId}`, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { id: '28:rituel-bot', name: 'Rituel' },
    conversation: { id: `a:${from.aadObjectId}-1on1`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'fr-FR',
    ...fields,
  };
}
