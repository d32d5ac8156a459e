/**
 * A person's web chat conversation (WebMessage rows): reading it, and writing what the bot answers
 * to a click or a command. Writes are always scoped to the person: a message id sent by the page
 * is never trusted on its own.
 */
import { Prisma, type Db } from '../../db/client.js';
import type { WebMessageAuthor } from '../../db/generated/client.js';
import type { ChatMessage } from '../message.js';

export interface WebMessageView {
  readonly id: string;
  readonly author: WebMessageAuthor;
  readonly payload: unknown;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ConversationPage {
  readonly messages: readonly WebMessageView[];
  /** The latest updatedAt seen: ask again with `since=<cursor>` for what changed after. */
  readonly cursor: string | null;
}

/** Every message of the person, or those created or updated at or after `since`, oldest first. */
export async function readConversation(prisma: Db, personId: string, since?: Date): Promise<ConversationPage> {
  const rows = await prisma.webMessage.findMany({
    where: { personId, ...(since ? { updatedAt: { gte: since } } : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, author: true, payload: true, createdAt: true, updatedAt: true },
  });
  let latest = since ?? null;
  for (const row of rows) if (!latest || row.updatedAt > latest) latest = row.updatedAt;
  return {
    messages: rows.map((row) => ({
      id: row.id,
      author: row.author,
      payload: row.payload,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
    cursor: latest?.toISOString() ?? null,
  };
}

/** A fingerprint of the conversation that changes whenever a message is added, updated or removed. */
export async function conversationVersion(prisma: Db, personId: string): Promise<string> {
  const { _count, _max } = await prisma.webMessage.aggregate({
    where: { personId },
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  return `${_count._all}:${_max.updatedAt?.toISOString() ?? '-'}`;
}

/** True when `messageId` is a bot message of this person's conversation. */
export async function isOwnBotMessage(prisma: Db, personId: string, messageId: string): Promise<boolean> {
  const row = await prisma.webMessage.findFirst({ where: { id: messageId, personId, author: 'BOT' }, select: { id: true } });
  return row !== null;
}

/** Replaces a bot message of the person in place; false when there is no such message. */
export async function replaceBotMessage(prisma: Db, personId: string, messageId: string, message: ChatMessage): Promise<boolean> {
  const { count } = await prisma.webMessage.updateMany({
    where: { id: messageId, personId, author: 'BOT' },
    data: { payload: message as unknown as Prisma.InputJsonValue },
  });
  return count > 0;
}

export type NewWebMessage =
  | { readonly author: 'BOT'; readonly message: ChatMessage }
  | { readonly author: 'PERSON'; readonly text: string };

/**
 * Appends messages to the person's conversation in this order: each gets its own createdAt (one
 * millisecond apart from `at`) so the conversation reads in the order they were written.
 */
export async function appendMessages(prisma: Db, personId: string, messages: readonly NewWebMessage[], at: Date): Promise<void> {
  if (messages.length === 0) return;
  await prisma.$transaction(async (tx) => {
    for (const [index, message] of messages.entries()) {
      await tx.webMessage.create({
        data: {
          personId,
          author: message.author,
          payload: (message.author === 'BOT' ? message.message : { text: message.text }) as unknown as Prisma.InputJsonValue,
          createdAt: new Date(at.getTime() + index),
        },
        select: { id: true },
      });
    }
  });
}
