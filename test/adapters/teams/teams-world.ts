/**
 * Teams end to end, locally: a fresh database with examples/org.yaml, the real router and rituals,
 * Rituel's HTTP server with /api/messages mounted the way the app mounts it (without an app id:
 * no authentication, see PLATFORMS.md), the Teams Messenger for the dispatcher, and a fake Bot
 * Connector on 127.0.0.1 that every activity names as its serviceUrl.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { InteractionRouter } from '../../../src/chat/router/router.js';
import { createPacer } from '../../../src/chat/teams/pacer.js';
import { createTeamsMessengerFor, mountTeams } from '../../../src/chat/teams/mount-teams.js';
import { createWebMessenger } from '../../../src/chat/web/web-messenger.js';
import type { TeamsMessenger } from '../../../src/chat/teams/teams-messenger.js';
import type { Database } from '../../../src/db/database.js';
import { createHttpServer, type HttpServer } from '../../../src/http/server.js';
import { createLogger } from '../../../src/log.js';
import { SCHEDULED_RITUALS } from '../../../src/rituals/index.js';
import { runTick, type TickSummary } from '../../../src/scheduler/run-tick.js';
import { createTestDatabase } from '../../helpers/database.js';
import { importExampleOrganization } from '../../helpers/example-org.js';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../../helpers/fake-connector.js';
import { createRitualsRouter, paris } from '../../helpers/ritual-flow.js';

export const TENANT = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b01';

export interface TeamsPerson {
  readonly aadObjectId: string;
  readonly name: string;
  /** Their 1:1 conversation with the bot. */
  readonly conversationId: string;
  readonly tenantId: string;
  readonly locale?: string;
}

export interface PostAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface TeamsWorld {
  readonly db: Database;
  readonly fake: FakeConnector;
  readonly http: HttpServer;
  readonly router: InteractionRouter;
  readonly messenger: TeamsMessenger;
  readonly ids: Record<string, string>;
  readonly url: string;
  now(): Date;
  setClock(local: string): void;
  tick(local: string): Promise<TickSummary>;
  post(activity: Record<string, unknown>): Promise<PostAnswer>;
  /** An activity from `person` in their 1:1 (id, serviceUrl, from, conversation filled). */
  activity(person: TeamsPerson, fields: Record<string, unknown>): Record<string, unknown>;
  close(): Promise<void>;
}

export interface TeamsWorldOptions {
  platforms?: ('TEAMS' | 'WEB')[];
  /**
   * Pace the Teams calls on the simulated clock (its waits advance a virtual time instead of
   * sleeping): a month compressed into seconds of real time would otherwise fill the pacer's
   * per-conversation windows and make it sleep for real.
   */
  simulatedPacing?: boolean;
}

export async function createTeamsWorld(start: string, options: TeamsWorldOptions = {}): Promise<TeamsWorld> {
  const db = await createTestDatabase();
  await importExampleOrganization(db.prisma);
  const ids: Record<string, string> = {};
  for (const p of await db.prisma.person.findMany({ select: { id: true, ref: true } })) ids[p.ref] = p.id;
  const fake = await startFakeConnector();
  const logger = createLogger('silent');
  const platforms = options.platforms ?? ['TEAMS', 'WEB'];
  let clock = paris(start);
  const router = createRitualsRouter({ prisma: db.prisma, logger, platforms, now: () => clock });
  const http = createHttpServer(logger);
  mountTeams(http.app, { auth: {}, prisma: db.prisma, router, logger, defaultLocale: 'fr', platforms, now: () => clock });
  const address = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}/api/messages`;
  let slept = 0;
  const pacer = options.simulatedPacing
    ? createPacer({
        now: () => clock.getTime() + slept,
        sleep: async (ms) => {
          slept += ms;
        },
      })
    : createPacer();
  const messenger = createTeamsMessengerFor({ auth: {}, prisma: db.prisma, logger, pacer });
  const deps = { prisma: db.prisma, logger, rituals: SCHEDULED_RITUALS, messengers: { TEAMS: messenger, WEB: createWebMessenger(db.prisma) }, platforms, workerId: 'teams-test' };
  let counter = 0;

  return {
    db,
    fake,
    http,
    router,
    messenger,
    ids,
    url,
    now: () => clock,
    setClock(local) {
      clock = paris(local);
    },
    async tick(local) {
      clock = paris(local);
      return runTick(deps, clock);
    },
    async post(activity) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: kept as text
      }
      return { status: response.status, body };
    },
    activity(person, fields) {
      counter += 1;
      return {
        id: `in-${counter}-${randomUUID().slice(0, 8)}`,
        timestamp: clock.toISOString(),
        serviceUrl: fake.url,
        channelId: 'msteams',
        from: { id: `29:${person.aadObjectId}`, name: person.name, aadObjectId: person.aadObjectId },
        recipient: { id: '28:rituel-bot', name: 'Rituel' },
        conversation: { id: person.conversationId, conversationType: 'personal', tenantId: person.tenantId },
        channelData: { tenant: { id: person.tenantId } },
        locale: person.locale ?? 'fr-FR',
        ...fields,
      };
    },
    async close() {
      await http.close();
      await fake.close();
      await db.close();
    },
  };
}

/** The Adaptive Card of a recorded connector call (a message with one card attachment). */
export function cardOf(call: ConnectorCall | undefined): Record<string, unknown> {
  expect(call, 'a connector call').toBeDefined();
  const attachments = call!.body.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined;
  expect(attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachments![0]!.content;
}

/** Every action of a card, depth first (ActionSets and the card's own actions). */
export function actionsOf(card: Record<string, unknown>): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Action.')) found.push(record);
    for (const [key, value] of Object.entries(record)) if (key !== 'fallback') walk(value);
  };
  walk(card.body);
  walk(card.actions);
  return found;
}

/** The Action.Execute of a card with this verb whose value has `where`. */
export function executeAction(card: Record<string, unknown>, verb: string, where: Record<string, unknown> = {}): Record<string, unknown> {
  const matching = actionsOf(card).filter((a) => {
    if (a.type !== 'Action.Execute' || a.verb !== verb) return false;
    const value = JSON.parse(((a.data as { rituel: { v: string } }).rituel.v)) as Record<string, unknown>;
    return Object.entries(where).every(([k, v]) => value[k] === v);
  });
  expect(matching, `${verb} ${JSON.stringify(where)} in ${JSON.stringify(card).slice(0, 2000)}`).toHaveLength(1);
  return matching[0]!;
}

/** All the texts of a card, joined (to read it in assertions). */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') texts.push(record.text);
    if (typeof record.title === 'string' && typeof record.type === 'string' && record.type.startsWith('Action.')) texts.push(record.title);
    Object.values(record).forEach(walk);
  };
  walk(card);
  return texts.join('\n');
}
