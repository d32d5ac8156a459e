/** The message a person has in front of them for a CRA (the outbox row, or its latest update). */
import { parseChatMessage, type ChatMessage } from '../../chat/message.js';
import type { Db, Tx } from '../../db/client.js';

/** The latest content of the message queued under `dedupeKey` (its updates included), or null. */
export async function latestCopy(db: Db | Tx, dedupeKey: string): Promise<ChatMessage | null> {
  const original = await db.outboxMessage.findUnique({ where: { dedupeKey }, select: { id: true, payload: true } });
  if (!original) return null;
  const update = await db.outboxMessage.findFirst({ where: { updatesId: original.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { payload: true } });
  return parseChatMessage((update ?? original).payload);
}

/** The newest of a person's messages whose key starts with `prefix` (their latest request of a CRA version). */
export async function latestKeyStartingWith(db: Db | Tx, prefix: string, recipientId: string): Promise<string | null> {
  const row = await db.outboxMessage.findFirst({
    where: { dedupeKey: { startsWith: prefix }, recipientId, updatesId: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { dedupeKey: true },
  });
  return row?.dedupeKey ?? null;
}
