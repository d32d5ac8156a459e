/**
 * The shared adapter contract run against Microsoft Teams: messages are delivered by the Teams
 * Messenger to a fake Bot Connector and read back from the Adaptive Card it received; clicks are
 * posted to /api/messages as Teams posts an Action.Execute (an `adaptiveCard/action` invoke with
 * the action's data and the card's inputs); forms are opened by the router's answer (the form card
 * the bot sends) and submitted the same way. The interaction the bot hands to the router is recorded.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { Interaction } from '../../src/chat/interaction.js';
import type { ChatForm, ChatMessage } from '../../src/chat/message.js';
import type { InteractionRouter } from '../../src/chat/router/router.js';
import { cardBytes, MAX_CARD_BYTES } from '../../src/chat/teams/adaptive-card.js';
import { createTeamsMessengerFor, mountTeams } from '../../src/chat/teams/mount-teams.js';
import type { TeamsMessenger } from '../../src/chat/teams/teams-messenger.js';
import type { Database } from '../../src/db/database.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/log.js';
import { createTestDatabase } from '../helpers/database.js';
import { importExampleOrganization } from '../helpers/example-org.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { runAdapterContract, type AdapterContractDriver } from './adapter-contract.js';

const TENANT = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b01';
const AAD = 'cccccccc-0000-4000-8000-00000000a11c';
const CONVERSATION = 'a:alice-contract';

let database: Database;
let http: HttpServer;
let fake: FakeConnector;
let messenger: TeamsMessenger;
let url: string;
let personId: string;
let counter = 0;
const received: Interaction[] = [];
let pendingForm: ChatForm | undefined;

const recordingRouter: InteractionRouter = {
  async handle(interaction) {
    if (interaction.kind === 'command' && pendingForm) return { form: pendingForm };
    received.push(interaction);
    return {};
  },
};

type Card = Record<string, unknown>;

beforeAll(async () => {
  database = await createTestDatabase();
  await importExampleOrganization(database.prisma);
  personId = (await database.prisma.person.findFirstOrThrow({ where: { ref: 'alice' } })).id;
  fake = await startFakeConnector();
  await database.prisma.chatAccount.create({
    data: {
      personId,
      platform: 'TEAMS',
      teamId: TENANT,
      externalId: AAD,
      conversationId: CONVERSATION,
      conversationRef: {
        channelId: 'msteams',
        serviceUrl: fake.url,
        conversation: { id: CONVERSATION, conversationType: 'personal', tenantId: TENANT },
        bot: { id: '28:rituel-bot', name: 'Rituel' },
        user: { id: `29:${AAD}`, aadObjectId: AAD },
      },
    },
  });
  const logger = createLogger('silent');
  http = createHttpServer(logger);
  mountTeams(http.app, { auth: {}, prisma: database.prisma, router: recordingRouter, logger, defaultLocale: 'fr', platforms: ['TEAMS'] });
  const address = await http.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${address.port}/api/messages`;
  messenger = createTeamsMessengerFor({ auth: {}, prisma: database.prisma, logger });
});

afterAll(async () => {
  await http?.close();
  await fake?.close();
  await database?.close();
});

function activity(fields: Record<string, unknown>): Record<string, unknown> {
  counter += 1;
  return {
    id: `contract-${counter}`,
    serviceUrl: fake.url,
    channelId: 'msteams',
    from: { id: `29:${AAD}`, name: 'Alice Martin', aadObjectId: AAD },
    recipient: { id: '28:rituel-bot', name: 'Rituel' },
    conversation: { id: CONVERSATION, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'fr-FR',
    ...fields,
  };
}

async function post(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`/api/messages answered ${response.status}: ${await response.text()}`);
}

/** Posts an Action.Execute click as Teams does; returns the interaction the bot handed to the router. */
async function click(action: Card, inputs: Record<string, string>): Promise<Interaction> {
  const before = received.length;
  const data = { ...(action.data as Card), ...inputs };
  await post(activity({ type: 'invoke', name: 'adaptiveCard/action', replyToId: 'activity-x', value: { action: { type: 'Action.Execute', verb: action.verb, data }, trigger: 'manual' } }));
  if (received.length !== before + 1) throw new Error('the bot did not hand one interaction to the router');
  return received[received.length - 1]!;
}

function walk(node: unknown, visit: (record: Card) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!node || typeof node !== 'object') return;
  const record = node as Card;
  visit(record);
  for (const [key, value] of Object.entries(record)) if (key !== 'fallback') walk(value, visit);
}

/** The card's actions in display order (what a person can click). */
function actionsOf(card: Card): Card[] {
  const found: Card[] = [];
  walk([card.body, card.actions], (r) => {
    if (typeof r.type === 'string' && r.type.startsWith('Action.')) found.push(r);
  });
  return found;
}

function inputsOf(card: Card): Card[] {
  const found: Card[] = [];
  walk(card.body, (r) => {
    if (typeof r.type === 'string' && r.type.startsWith('Input.')) found.push(r);
  });
  return found;
}

function checkCard(card: Card): Card {
  if (card.type !== 'AdaptiveCard' || card.version !== '1.5') throw new Error('not an Adaptive Card 1.5');
  if (cardBytes(card) > MAX_CARD_BYTES) throw new Error(`card of ${cardBytes(card)} bytes: over Teams' limit`);
  return card;
}

function cardFromCall(kind: 'send' | 'reply', before: number): Card {
  const call = fake.calls.slice(before).find((c) => c.kind === kind);
  if (!call) throw new Error(`no ${kind} reached the connector`);
  const attachment = (call.body.attachments as { contentType: string; content: Card }[] | undefined)?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') throw new Error('no Adaptive Card attachment');
  return checkCard(attachment.content);
}

const teamsDriver: AdapterContractDriver<Card, Card> = {
  name: 'Microsoft Teams',
  platform: 'TEAMS',
  async renderMessage(message: ChatMessage) {
    const before = fake.calls.length;
    const account = await database.prisma.chatAccount.findFirstOrThrow({ where: { personId, platform: 'TEAMS' } });
    await messenger.send({ deliveryId: `contract-${(counter += 1)}`, recipient: { personId, locale: 'fr', account }, message });
    return cardFromCall('send', before);
  },
  readableText(card) {
    const parts: string[] = [];
    walk(card.body, (r) => {
      if (r.type === 'TextBlock' && typeof r.text === 'string') parts.push(r.text);
      if (r.type === 'FactSet') for (const fact of r.facts as { title: string; value: string }[]) parts.push(fact.title, fact.value);
    });
    return parts.join('\n');
  },
  async interact(card, index, choice) {
    const action = actionsOf(card)[index];
    if (!action) throw new Error(`no action #${index}`);
    if (action.type === 'Action.OpenUrl') return null;
    if (action.type !== 'Action.Execute') throw new Error(`unexpected ${String(action.type)}`);
    // Teams sends every input of the card with the click, the chosen one with the person's choice.
    const inputs: Record<string, string> = {};
    for (const input of inputsOf(card)) if (typeof input.value === 'string') inputs[input.id as string] = input.value;
    const target = ((action.data as Card).rituel as { i?: string }).i;
    if (target && choice !== undefined) inputs[target] = choice;
    return click(action, inputs);
  },
  async renderForm(form) {
    pendingForm = form;
    const before = fake.calls.length;
    try {
      await post(activity({ type: 'message', text: 'formulaire' }));
    } finally {
      pendingForm = undefined;
    }
    return cardFromCall('reply', before);
  },
  async submitForm(card, values) {
    const submit = actionsOf(card).filter((a) => a.type === 'Action.Execute');
    if (submit.length !== 1) throw new Error('a form card has one submit action');
    const inputs: Record<string, string> = {};
    for (const input of inputsOf(card)) {
      const id = input.id as string;
      const fieldId = id.replace(/^rituel_f_/, '');
      inputs[id] = values[fieldId] ?? '';
    }
    return click(submit[0]!, inputs);
  },
};

describe('adapter contract: Microsoft Teams', () => {
  runAdapterContract(() => teamsDriver);
});
