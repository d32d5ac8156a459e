/**
 * The web chat's Messenger: "sending" stores the message in the person's conversation (WebMessage),
 * keyed by the outbox row, so a delivery attempted twice after a crash shows once.
 */
import { Prisma, type Db } from '../../db/client.js';
import { DeliveryError, type Messenger } from '../messenger.js';
import type { WebChatEvents } from './web-chat-events.js';

export function createWebMessenger(prisma: Db, events?: WebChatEvents): Messenger {
  return {
    platform: 'WEB',
    async send({ deliveryId, recipient, message }) {
      const existing = await prisma.webMessage.findUnique({ where: { outboxId: deliveryId }, select: { id: true } });
      if (existing) return { messageId: existing.id };
      try {
        const created = await prisma.webMessage.create({
          data: { personId: recipient.personId, outboxId: deliveryId, payload: message as unknown as Prisma.InputJsonValue },
          select: { id: true },
        });
        events?.changed(recipient.personId);
        return { messageId: created.id };
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          const row = await prisma.webMessage.findUniqueOrThrow({ where: { outboxId: deliveryId }, select: { id: true } });
          return { messageId: row.id };
        }
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') {
          throw new DeliveryError('RECIPIENT_GONE', 'The recipient no longer exists', { permanent: true });
        }
        throw error;
      }
    },
    async update({ recipient, message, sent }) {
      const { count } = await prisma.webMessage.updateMany({
        where: { id: sent.messageId, personId: recipient.personId },
        data: { payload: message as unknown as Prisma.InputJsonValue },
      });
      if (count === 0) throw new DeliveryError('MESSAGE_NOT_FOUND', 'The message to update no longer exists', { permanent: true });
      events?.changed(recipient.personId);
    },
  };
}
