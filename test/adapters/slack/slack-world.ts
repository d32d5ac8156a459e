/**
 * The Slack adapter lived for real: a fresh database with examples/org.yaml, the fake Slack Web
 * API (test/helpers/fake-slack.ts) knowing the organization's Slack users, the real interaction
 * router with every ritual, the bot's express server with Bolt on the transport asked for, and
 * scheduler ticks delivering through the Slack messenger. Inbound requests are signed like Slack's.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { InteractionRouter } from '../../../src/chat/router/router.js';
import { createSlackMessenger } from '../../../src/chat/slack/delivery/slack-messenger.js';
import { createSlackWebClient } from '../../../src/chat/slack/slack-web-client.js';
import { startSlack, type SlackRuntime } from '../../../src/chat/slack/start-slack.js';
import type { Db } from '../../../src/db/client.js';
import type { Database } from '../../../src/db/database.js';
import { createHttpServer, type HttpServer } from '../../../src/http/server.js';
import { createLogger } from '../../../src/log.js';
import { SCHEDULED_RITUALS } from '../../../src/rituals/index.js';
import type { PacedMessenger } from '../../../src/scheduler/dispatch/paced-messenger.js';
import { runTick, type TickSummary } from '../../../src/scheduler/run-tick.js';
import { createTestDatabase } from '../../helpers/database.js';
import { importExampleOrganization } from '../../helpers/example-org.js';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';
import { createRitualsRouter, paris } from '../../helpers/ritual-flow.js';
import { viewStateValues } from '../../helpers/slack-view-state.js';

export const TEAM = 'T07ACME001';
export const SIGNING_SECRET = 'test-signing-secret';
export const SLACK_USERS = {
  marc: 'U07MARC001',
  alice: 'U07ALICE01',
  julien: 'U07JULIEN1',
  sarah: 'U07SARAH01',
  thomas: 'U08THOMAS1',
  claire: 'U09CLAIRE1',
  paul: 'U09PAUL001',
} as const;

export interface SlackWorld {
  readonly database: Database;
  readonly prisma: Db;
  readonly fake: FakeSlack;
  readonly router: InteractionRouter;
  readonly slack: SlackRuntime;
  readonly messenger: PacedMessenger;
  readonly people: Record<string, string>;
  /** http://127.0.0.1:<port> (HTTP mode). */
  readonly baseUrl: string;
  now(): Date;
  setClock(local: string): void;
  tick(local: string): Promise<TickSummary>;
  close(): Promise<void>;
}

export async function startSlackWorld(options: { mode: 'http' | 'socket'; start: string }): Promise<SlackWorld> {
  const database = await createTestDatabase();
  const { prisma } = database;
  await importExampleOrganization(prisma);
  const people = Object.fromEntries((await prisma.person.findMany({ select: { id: true, ref: true } })).map((p) => [p.ref, p.id]));
  const fake = await startFakeSlack({ teamId: TEAM });
  const emails = Object.fromEntries((await prisma.person.findMany({ select: { ref: true, email: true } })).map((p) => [p.ref, p.email]));
  for (const [ref, id] of Object.entries(SLACK_USERS)) {
    fake.addUser({ id, teamId: TEAM, name: ref[0]!.toUpperCase() + ref.slice(1), ...(emails[ref] ? { email: emails[ref]! } : {}) });
  }
  fake.addUser({ id: 'U0STRANGER', teamId: TEAM, name: 'Stranger <Danger>', email: 'stranger@elsewhere.example' });

  let clock = paris(options.start);
  const logger = createLogger('silent');
  const platforms = ['SLACK' as const];
  const router = createRitualsRouter({ prisma, logger, platforms, now: () => clock });
  const http: HttpServer = createHttpServer(logger);
  const slack = await startSlack({
    settings: {
      token: 'xoxb-test-token',
      apiUrl: fake.apiUrl,
      timeoutMs: 2000,
      ...(options.mode === 'http' ? { signingSecret: SIGNING_SECRET } : { appToken: 'xapp-test-token' }),
    },
    prisma,
    router,
    logger,
    defaultLocale: 'fr',
    platforms,
    httpApp: http.app,
    now: () => clock,
    connect: false,
    linkEveryMs: 0,
  });
  const address = await http.listen(0, '127.0.0.1');
  const messenger = createSlackMessenger({ prisma, client: createSlackWebClient({ token: 'xoxb-test-token', apiUrl: fake.apiUrl, timeoutMs: 2000 }), logger, pace: false });
  const deps = { prisma, logger, rituals: SCHEDULED_RITUALS, messengers: { SLACK: messenger }, platforms, workerId: 'slack-test' };
  const setClock = (local: string) => {
    const next = paris(local);
    expect(next.getTime()).toBeGreaterThanOrEqual(clock.getTime());
    clock = next;
  };
  return {
    database,
    prisma,
    fake,
    router,
    slack,
    messenger,
    people,
    baseUrl: `http://127.0.0.1:${address.port}`,
    now: () => clock,
    setClock,
    async tick(local) {
      setClock(local);
      return runTick(deps, clock);
    },
    async close() {
      await slack.stop();
      await http.close();
      await fake.close();
      await database.close();
    },
  };
}

/** Waits until `check` holds (Bolt acks before its listener is done). */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  readonly timestamp?: number;
  readonly secret?: string;
  readonly forgedSignature?: string;
}

/** Posts to /slack/events as Slack does: JSON for events, `payload=` for interactions, fields for commands. */
export async function postToSlackEndpoint(
  baseUrl: string,
  kind: 'event' | 'interaction' | 'command',
  payload: Record<string, unknown>,
  options: SignedPost = {},
): Promise<Response> {
  const body =
    kind === 'event'
      ? JSON.stringify(payload)
      : kind === 'interaction'
        ? new URLSearchParams({ payload: JSON.stringify(payload) }).toString()
        : new URLSearchParams(Object.entries(payload).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': kind === 'event' ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.forgedSignature ?? signature(body, timestamp, options.secret),
    },
    body,
  });
}

type Json = Record<string, unknown>;

/** The interactive elements of posted Block Kit blocks, in order. */
export function slackElements(blocks: readonly unknown[]): Json[] {
  const out: Json[] = [];
  for (const block of blocks as Json[]) {
    if (block.type === 'section' && block.accessory) out.push(block.accessory as Json);
    if (block.type === 'actions') out.push(...(block.elements as Json[]));
  }
  return out;
}

/** The element whose action id starts with `actionId` and whose value has `where`. */
export function slackElement(blocks: readonly unknown[], actionId: string, where: Record<string, unknown> = {}): Json {
  const found = slackElements(blocks).filter((e) => {
    const id = String(e.action_id);
    if (!(id === actionId || id.startsWith(`${actionId}#`) || id.startsWith(`${actionId}|`))) return false;
    const value = JSON.parse(String(e.value ?? id.split('|').slice(1).join('|') ?? '{}')) as Record<string, unknown>;
    return Object.entries(where).every(([k, v]) => value[k] === v);
  });
  expect(found, `${actionId} ${JSON.stringify(where)}`).toHaveLength(1);
  return found[0]!;
}

/** What every interaction payload of `user` carries: who, in which workspace, for which app, and a trigger. */
function interactionFrom(user: string): Json {
  return {
    user: { id: user, team_id: TEAM },
    team: { id: TEAM },
    api_app_id: 'A0RITUEL',
    token: 'verification-token',
    trigger_id: `trigger-${randomUUID()}`,
  };
}

/** The block_actions payload of a click on `element` of the message (channel, ts) by `user`. */
export function blockActionPayload(user: string, element: Json, where: { channel?: string; ts?: string; view?: boolean }, selected?: string): Json {
  const action: Json = { type: element.type, action_id: element.action_id, block_id: 'b1', action_ts: `${Date.now() / 1000}${Math.random()}`.slice(0, 24) };
  if (element.value !== undefined) action.value = element.value;
  if (element.type === 'static_select') action.selected_option = (element.options as Json[]).find((o) => o.value === selected);
  if (element.type === 'datepicker') action.selected_date = selected;
  return {
    type: 'block_actions',
    ...interactionFrom(user),
    response_url: 'http://127.0.0.1:1/unused',
    container: where.view ? { type: 'view', view_id: 'VHOME' } : { type: 'message', channel_id: where.channel, message_ts: where.ts, is_ephemeral: false },
    ...(where.view ? { view: { id: 'VHOME', type: 'home' } } : { channel: { id: where.channel }, message: { ts: where.ts } }),
    actions: [action],
  };
}

/** The view_submission payload of a modal filled with `values` (by block id; others keep their initial value). */
export function viewSubmissionPayload(user: string, view: Json, values: Record<string, string>, viewId = `V${randomUUID().slice(0, 8)}`): Json {
  const state = viewStateValues(view.blocks as Json[], values, { keepInitial: true });
  return {
    type: 'view_submission',
    ...interactionFrom(user),
    view: { ...view, id: viewId, hash: 'h1', state: { values: state } },
  };
}

export function eventPayload(event: Json, eventId = `Ev${randomUUID().slice(0, 10)}`): Json {
  return {
    token: 'verification-token',
    team_id: TEAM,
    api_app_id: 'A0RITUEL',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
  };
}
