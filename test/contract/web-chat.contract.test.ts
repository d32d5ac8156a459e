/**
 * The shared adapter contract run against the web chat: messages are delivered by the web
 * messenger and read back through the page's API (GET .../messages); clicks and form submissions
 * are posted to POST /chat/api/interactions as the page posts them, and the interaction the web
 * chat hands to the router is recorded.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Interaction } from '../../src/chat/interaction.js';
import { chatMessageSchema, elementsOf, type ChatForm, type ChatMessage } from '../../src/chat/message.js';
import type { InteractionRouter } from '../../src/chat/router/router.js';
import { mountWebChat, type MountedWebChat } from '../../src/chat/web/mount-web-chat.js';
import { WebChatEvents } from '../../src/chat/web/web-chat-events.js';
import { createWebMessenger } from '../../src/chat/web/web-messenger.js';
import type { Database } from '../../src/db/database.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/log.js';
import { createTestDatabase } from '../helpers/database.js';
import { importExampleOrganization } from '../helpers/example-org.js';
import { runAdapterContract, type AdapterContractDriver } from './adapter-contract.js';

let database: Database;
let http: HttpServer;
let webChat: MountedWebChat;
let api: string;
let personId: string;
const received: Interaction[] = [];

const recordingRouter: InteractionRouter = {
  async handle(interaction) {
    received.push(interaction);
    return {};
  },
};

beforeAll(async () => {
  database = await createTestDatabase();
  await importExampleOrganization(database.prisma);
  personId = (await database.prisma.person.findFirstOrThrow({ where: { ref: 'alice' } })).id;
  const logger = createLogger('silent');
  http = createHttpServer(logger);
  webChat = mountWebChat(http.app, { prisma: database.prisma, router: recordingRouter, events: new WebChatEvents(), logger, exposed: false });
  const address = await http.listen(0, '127.0.0.1');
  api = `http://127.0.0.1:${address.port}/chat/api`;
});

afterAll(async () => {
  webChat?.close();
  await http?.close();
  await database?.close();
});

interface WebRendered {
  readonly messageId: string;
  readonly message: ChatMessage;
}

async function post(body: Record<string, unknown>): Promise<Interaction> {
  const before = received.length;
  const response = await fetch(`${api}/interactions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`web chat answered ${response.status}: ${await response.text()}`);
  if (received.length !== before + 1) throw new Error('the web chat did not hand one interaction to the router');
  return received[received.length - 1]!;
}

const webDriver: AdapterContractDriver<WebRendered, ChatForm> = {
  name: 'web chat',
  platform: 'WEB',
  async renderMessage(message) {
    const sent = await createWebMessenger(database.prisma).send({ deliveryId: randomUUID(), recipient: { personId, locale: 'fr' }, message });
    const page = (await (await fetch(`${api}/people/${personId}/messages`)).json()) as { messages: { id: string; payload: unknown }[] };
    const row = page.messages.find((m) => m.id === sent.messageId);
    if (!row) throw new Error('the delivered message is not in the conversation');
    return { messageId: row.id, message: chatMessageSchema.parse(row.payload) };
  },
  readableText({ message }) {
    const parts = [message.text];
    for (const block of message.blocks) {
      if (block.type === 'header' || block.type === 'section' || block.type === 'context') parts.push(block.text);
      if (block.type === 'fields') for (const f of block.fields) parts.push(f.label, f.value);
    }
    return parts.join('\n');
  },
  async interact({ messageId, message }, index, choice) {
    const element = elementsOf(message)[index];
    if (!element) throw new Error(`no element #${index}`);
    if (element.type === 'button' && element.url) return null;
    return post({ id: randomUUID(), personId, messageId, kind: 'action', actionId: element.actionId, value: element.value, ...(choice !== undefined ? { selected: choice } : {}) });
  },
  async renderForm(form) {
    return JSON.parse(JSON.stringify(form)) as ChatForm;
  },
  async submitForm(form, values) {
    return post({ id: randomUUID(), personId, kind: 'form', actionId: form.actionId, value: form.value, fields: values });
  },
};

describe('adapter contract: web chat', () => {
  runAdapterContract(() => webDriver);
});
