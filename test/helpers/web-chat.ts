/**
 * A running web chat for tests: a fresh database, an interaction router with test-only definitions
 * (an action that updates its message and replies, a select, a button opening a form, a form that
 * checks its fields, two commands), the real HTTP server on 127.0.0.1 with a free port, and fake
 * demo controls.
 */
import { z } from 'zod';
import type { Db } from '../../src/db/client.js';
import type { Prisma } from '../../src/db/generated/client.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/log.js';
import type { ChatMessage } from '../../src/chat/message.js';
import { defineAction, defineForm, type CommandDefinition } from '../../src/chat/router/definitions.js';
import { createInteractionRouter, type InteractionRouter } from '../../src/chat/router/router.js';
import type { DemoControls } from '../../src/chat/web/demo-controls.js';
import { mountWebChat, type MountedWebChat } from '../../src/chat/web/mount-web-chat.js';
import { WebChatEvents } from '../../src/chat/web/web-chat-events.js';
import type { Database } from '../../src/db/database.js';
import { createTestDatabase } from './database.js';

const emptyValue = z.object({}).strict();

/** The definitions the web chat tests click on. Texts are English and deterministic. */
export const testDefinitions = [
  defineAction({
    actionId: 'test.approve',
    value: z.object({ item: z.string() }),
    async handle(_ctx, { value }) {
      return {
        update: { text: `Approved ${value.item}`, blocks: [{ type: 'section', text: `*Approved*: ${value.item}` }] },
        replies: [{ text: `Thanks for approving ${value.item}`, blocks: [] }],
        notice: `Recorded ${value.item}`,
      };
    },
  }),
  defineAction({
    actionId: 'test.choose',
    value: emptyValue,
    async handle(_ctx, { selected }) {
      return { update: { text: `Chosen ${selected ?? 'nothing'}`, blocks: [{ type: 'context', text: `Chosen: ${selected ?? 'nothing'}` }] } };
    },
  }),
  defineAction({
    actionId: 'test.edit',
    value: emptyValue,
    async handle() {
      return {
        form: {
          actionId: 'test.days',
          value: '{}',
          title: 'Days worked',
          submitLabel: 'Save',
          intro: 'How much did you work?',
          fields: [
            { kind: 'text', id: 'days', label: 'Days', required: true, maxLength: 10, placeholder: '0, 0.5 or 1' },
            { kind: 'select', id: 'place', label: 'Place', required: false, options: [{ label: 'Office', value: 'office' }, { label: 'Home', value: 'home' }], initial: 'office' },
            { kind: 'textarea', id: 'note', label: 'Note', required: false, maxLength: 500 },
          ],
        },
      };
    },
  }),
  defineForm({
    actionId: 'test.days',
    value: emptyValue,
    async handle(_ctx, { fields }) {
      const days = fields.days ?? '';
      if (!/^(0|0\.5|1)$/.test(days)) return { fieldErrors: [{ field: 'days', message: 'Expected 0, 0.5 or 1' }] };
      return {
        notice: `Saved ${days} day(s)`,
        update: { text: `Days: ${days}`, blocks: [{ type: 'section', text: `*Days*: ${days} (${fields.place ?? '-'})` }] },
      };
    },
  }),
];

export const testCommands: CommandDefinition[] = [
  {
    name: 'help',
    words: ['aide', 'help'],
    async handle() {
      return { replies: [{ text: 'Commands: help, week', blocks: [{ type: 'section', text: '*Commands*: help, week' }] }] };
    },
  },
  {
    name: 'week',
    words: ['semaine', 'week'],
    async handle() {
      return { notice: 'Nothing to show for this week yet' };
    },
  },
];

/** A bot message with a button of each test action, a select and a date input. */
export function sampleBotMessage(item: string): ChatMessage {
  return {
    text: `Please approve ${item}`,
    blocks: [
      { type: 'header', text: `Approval of ${item}` },
      { type: 'section', text: `Do you approve *${item}*?`, accessory: { type: 'button', actionId: 'test.edit', label: 'Edit days', value: '{}' } },
      { type: 'fields', fields: [{ label: 'Item', value: item }, { label: 'Days', value: '*1*' }] },
      { type: 'context', text: 'Sent by the test' },
      { type: 'divider' },
      {
        type: 'actions',
        elements: [
          { type: 'button', actionId: 'test.approve', label: 'Approve', value: JSON.stringify({ item }), style: 'primary' },
          { type: 'select', actionId: 'test.choose', placeholder: 'Pick one', value: '{}', options: [{ label: 'Red', value: 'red' }, { label: 'Blue', value: 'blue' }] },
          { type: 'date', actionId: 'test.choose', placeholder: 'Pick a date', value: '{}' },
        ],
      },
    ],
  };
}

export async function insertBotMessage(prisma: Db, personId: string, message: ChatMessage, createdAt = new Date()): Promise<string> {
  const row = await prisma.webMessage.create({
    data: { personId, payload: message as unknown as Prisma.InputJsonValue, createdAt },
    select: { id: true },
  });
  return row.id;
}

/** Demo controls that record what they were asked and write one bot message per trigger. */
export function fakeDemo(prisma: Db): DemoControls & { ticks: Date[] } {
  const ticks: Date[] = [];
  return {
    ticks,
    rituals: [
      { id: 'daily', audience: 'consultant' },
      { id: 'digest', audience: 'manager' },
    ],
    async tick(at) {
      ticks.push(at);
      return { planned: 2, sent: 1 };
    },
    async trigger(personId, ritual) {
      await insertBotMessage(prisma, personId, { text: `Ritual ${ritual} ran`, blocks: [] });
      return `Ritual ${ritual} sent`;
    },
  };
}

export interface RunningWebChat {
  readonly database: Database;
  readonly prisma: Db;
  readonly events: WebChatEvents;
  readonly router: InteractionRouter;
  readonly http: HttpServer;
  readonly webChat: MountedWebChat;
  readonly demo: ReturnType<typeof fakeDemo>;
  /** http://127.0.0.1:<port>/chat */
  readonly baseUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startWebChat(options: { exposed?: boolean; withDemo?: boolean; pollMs?: number } = {}): Promise<RunningWebChat> {
  const database = await createTestDatabase();
  const { prisma } = database;
  const logger = createLogger('silent');
  const events = new WebChatEvents();
  const router = createInteractionRouter({
    prisma,
    logger,
    defaultLocale: 'fr',
    platforms: ['WEB'],
    definitions: testDefinitions,
    commands: testCommands,
    fallbackCommand: 'help',
  });
  const demo = fakeDemo(prisma);
  const http = createHttpServer(logger);
  const webChat = mountWebChat(http.app, {
    prisma,
    router,
    events,
    logger,
    exposed: options.exposed ?? false,
    ...(options.withDemo === false ? {} : { demo }),
    streamTiming: { pollMs: options.pollMs ?? 2000 },
  });
  const address = await http.listen(0, '127.0.0.1');
  return {
    database,
    prisma,
    events,
    router,
    http,
    webChat,
    demo,
    baseUrl: `http://127.0.0.1:${address.port}/chat`,
    port: address.port,
    async close() {
      webChat.close();
      await http.close();
      await database.close();
    },
  };
}
