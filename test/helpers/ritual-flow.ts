/**
 * The rituals lived in-process with a simulated clock: a fresh database holding examples/org.yaml,
 * the real interaction router (every ritual's actions, forms and commands), and scheduler ticks
 * delivering to the web chat's messenger (WebMessage rows). Times are read on the Paris wall clock
 * ("2026-11-17 17:31"), the time zone of everybody in the example organization.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { ChatPlatform, InteractionResult } from '../../src/chat/interaction.js';
import { elementsOf, parseChatMessage, type ChatElement, type ChatMessage } from '../../src/chat/message.js';
import { createInteractionRouter, type InteractionRouter } from '../../src/chat/router/router.js';
import { createWebMessenger } from '../../src/chat/web/web-messenger.js';
import type { Database } from '../../src/db/database.js';
import type { Db } from '../../src/db/client.js';
import { dateInTimeZone, instantAt, localMoment, type IsoDate } from '../../src/domain/index.js';
import { createLogger, type Logger } from '../../src/log.js';
import { COMMANDS, FALLBACK_COMMAND, INTERACTION_DEFINITIONS, SCHEDULED_RITUALS } from '../../src/rituals/index.js';
import { runTick, type TickSummary } from '../../src/scheduler/run-tick.js';
import { createTestDatabase } from './database.js';
import { importExampleOrganization } from './example-org.js';

export const PARIS = 'Europe/Paris';

/** "2026-11-17 17:31" (Paris wall clock) as an instant. */
export function paris(local: string): Date {
  const [date, time] = local.split(' ');
  return instantAt(date as IsoDate, time ?? '00:00', PARIS);
}

/** The Paris date and "HH:mm" of an instant. */
export function parisClock(instant: Date): { date: IsoDate; time: string } {
  const { minutes } = localMoment(instant, PARIS);
  return { date: dateInTimeZone(instant, PARIS), time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}` };
}

/** The real interaction router with every ritual's actions, forms and commands (French by default). */
export function createRitualsRouter(options: { prisma: Db; logger: Logger; platforms: readonly ChatPlatform[]; now: () => Date }): InteractionRouter {
  return createInteractionRouter({
    ...options,
    defaultLocale: 'fr',
    definitions: INTERACTION_DEFINITIONS,
    commands: COMMANDS,
    fallbackCommand: FALLBACK_COMMAND,
  });
}

export type PersonRef = 'marc' | 'alice' | 'julien' | 'sarah' | 'claire' | 'paul' | 'sophie' | 'thomas' | 'emilie';
export type MissionRef = 'alice-banque-nord' | 'julien-assurances-rhin' | 'sarah-banque-nord';

export interface RitualFlow {
  readonly prisma: Db;
  readonly people: Readonly<Record<PersonRef, string>>;
  readonly missions: Readonly<Record<MissionRef, string>>;
  /** The router itself, for interactions built by hand (a duplicate delivery...). */
  readonly router: InteractionRouter;
  /** How the web chat names a person to the router. */
  actor(person: PersonRef): { platform: 'WEB'; teamId: string; externalId: string };
  /** The clock of the router and of the ticks. */
  now(): Date;
  setClock(local: string | Date): void;
  /** Sets the clock and runs one scheduler tick (planner and dispatcher) at that time. */
  tick(local: string | Date): Promise<TickSummary>;
  /** A click (button, or a select with `selected`) by a person, at the current clock. */
  click(person: PersonRef, element: { actionId: string; value: string }, selected?: string): Promise<InteractionResult>;
  /** A form submission. */
  submit(person: PersonRef, form: { actionId: string; value: string }, fields: Record<string, string>): Promise<InteractionResult>;
  /** A typed command. */
  command(person: PersonRef, text: string): Promise<InteractionResult>;
  /** The person's web chat conversation (bot messages), oldest first. */
  conversation(person: PersonRef): Promise<{ id: string; outboxId: string | null; message: ChatMessage }[]>;
  close(): Promise<void>;
}

export async function createRitualFlow(start: string): Promise<RitualFlow> {
  const database: Database = await createTestDatabase();
  const { prisma } = database;
  await importExampleOrganization(prisma);
  const people = Object.fromEntries(
    (await prisma.person.findMany({ select: { id: true, ref: true } })).map((p) => [p.ref, p.id]),
  ) as Record<PersonRef, string>;
  const missions = Object.fromEntries(
    (await prisma.mission.findMany({ select: { id: true, ref: true } })).map((m) => [m.ref, m.id]),
  ) as Record<MissionRef, string>;

  let clock = paris(start);
  const logger = createLogger('silent');
  const router = createRitualsRouter({ prisma, logger, platforms: ['WEB'], now: () => clock });
  const deps = { prisma, logger, rituals: SCHEDULED_RITUALS, messengers: { WEB: createWebMessenger(prisma) }, platforms: ['WEB' as const], workerId: 'flow-test' };
  const actor = (person: PersonRef) => ({ platform: 'WEB' as const, teamId: '', externalId: people[person] });
  const setClock = (local: string | Date) => {
    const next = typeof local === 'string' ? paris(local) : local;
    // The scenarios move forward like a real clock (the planner's cursor expects it).
    expect(next.getTime()).toBeGreaterThanOrEqual(clock.getTime());
    clock = next;
  };

  return {
    prisma,
    people,
    missions,
    router,
    actor,
    now: () => clock,
    setClock,
    async tick(local) {
      setClock(local);
      const summary = await runTick(deps, clock);
      expect(summary.failed).toBe(0);
      expect(summary.planned.failed).toBe(0);
      return summary;
    },
    click: (person, element, selected) =>
      router.handle({ id: randomUUID(), kind: 'action', actor: actor(person), actionId: element.actionId, value: element.value, ...(selected ? { selected } : {}) }),
    submit: (person, form, fields) => router.handle({ id: randomUUID(), kind: 'form', actor: actor(person), actionId: form.actionId, value: form.value, fields }),
    command: (person, text) => router.handle({ id: randomUUID(), kind: 'command', actor: actor(person), text }),
    async conversation(person) {
      const rows = await prisma.webMessage.findMany({
        where: { personId: people[person], author: 'BOT' },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, outboxId: true, payload: true },
      });
      return rows.map((r) => ({ id: r.id, outboxId: r.outboxId, message: parseChatMessage(r.payload) }));
    },
    close: () => database.close(),
  };
}

/** The interactive elements of a message with this action id (and, optionally, this value field). */
export function elementsNamed(message: ChatMessage, actionId: string): ChatElement[] {
  return elementsOf(message).filter((e) => e.actionId === actionId);
}

/** The labels of the elements with this action id (a select's placeholder). */
export function labelsOf(message: ChatMessage, actionId: string): string[] {
  return elementsNamed(message, actionId).map((e) => (e.type === 'button' ? e.label : e.placeholder));
}

/** The one element of `message` with this action id whose JSON value has `where` (e.g. { a: 'half-am' }). */
export function element(message: ChatMessage, actionId: string, where: Record<string, unknown> = {}): ChatElement {
  const found = elementsNamed(message, actionId).filter((e) => {
    const value = JSON.parse(e.value) as Record<string, unknown>;
    return Object.entries(where).every(([k, v]) => value[k] === v);
  });
  expect(found, `${actionId} ${JSON.stringify(where)} in ${JSON.stringify(message.blocks)}`).toHaveLength(1);
  return found[0]!;
}

/** The button labelled `label` in a message. */
export function buttonLabelled(message: ChatMessage, label: string): ChatElement {
  const found = elementsOf(message).filter((e) => e.type === 'button' && e.label === label);
  expect(found, `button "${label}" in ${JSON.stringify(message.blocks)}`).toHaveLength(1);
  return found[0]!;
}

/** Every text of a message (text, sections, contexts, headers, fields), joined: what a person reads. */
export function readable(message: ChatMessage): string {
  const parts = [message.text];
  for (const block of message.blocks) {
    if (block.type === 'section' || block.type === 'context' || block.type === 'header') parts.push(block.text);
    if (block.type === 'fields') for (const f of block.fields) parts.push(`${f.label}: ${f.value}`);
  }
  return parts.join('\n');
}

/** The outbox row of a dedupe key with its parsed message. */
export async function outboxRow(prisma: Db, dedupeKey: string) {
  const row = await prisma.outboxMessage.findUnique({ where: { dedupeKey } });
  return row ? { ...row, message: parseChatMessage(row.payload) } : null;
}

/** The web chat copy of an outbox row (the message a person sees), parsed. */
export async function deliveredCopy(prisma: Db, outboxId: string): Promise<ChatMessage | null> {
  const row = await prisma.webMessage.findUnique({ where: { outboxId }, select: { payload: true } });
  return row ? parseChatMessage(row.payload) : null;
}
