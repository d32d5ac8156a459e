/**
 * The dispatcher delivers due outbox rows: through the web chat (a WebMessage appears), with the
 * person's account and language on other platforms, never before the row's time, and update rows
 * edit the message they replace (waiting for it when it is not sent yet).
 */
import { describe, expect, it } from 'vitest';
import { textMessage } from '../../../src/chat/build.js';
import type { Delivery, Messenger } from '../../../src/chat/messenger.js';
import { createLogger } from '../../../src/log.js';
import { claimDueMessages, dispatchDue } from '../../../src/scheduler/dispatch/index.js';
import { enqueueMessage, enqueueUpdate } from '../../../src/scheduler/outbox/enqueue-message.js';
import { useDispatcherWorld } from '../../helpers/dispatcher-world.js';

const NOW = new Date('2026-11-17T09:00:00.000Z'); // a Tuesday, 10:00 in Paris
const later = (ms: number) => new Date(NOW.getTime() + ms);
const MINUTE = 60_000;
const logger = createLogger('silent');

const world = useDispatcherWorld();
const { ids } = world;

async function queue(key: string, ref: string, text: string, now = NOW, respectQuietHours = false) {
  const result = await world.db.prisma.$transaction((tx) =>
    enqueueMessage(tx, { dedupeKey: key, recipientId: ids[ref]!, kind: 'test.message', message: textMessage(text), now, platforms: ['WEB'], respectQuietHours }),
  );
  if (result.status === 'unreachable') throw new Error('unreachable');
  return result;
}

const dispatch = (now: Date, messenger: Messenger = world.web, workerId = 'worker-a') =>
  dispatchDue({ prisma: world.db.prisma, messengers: { [messenger.platform]: messenger }, now, workerId, logger, random: () => 0 });

describe('dispatchDue', () => {
  it('delivers a due message to the web chat and records its id', async () => {
    const { id } = await queue('hello', 'alice', 'Bonjour Alice');
    expect(await dispatch(NOW)).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0, cancelled: 0 });

    const messages = await world.db.prisma.webMessage.findMany();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ personId: ids.alice, outboxId: id, payload: textMessage('Bonjour Alice') });
    const row = await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, platformMessageId: messages[0]!.id, sentAt: NOW, lastError: null, claimedBy: 'worker-a' });

    expect(await dispatch(later(MINUTE))).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0, cancelled: 0 });
    expect(await world.db.prisma.webMessage.count()).toBe(1);
  });

  it('cancels a message whose recipient was deactivated after it was queued', async () => {
    const { id } = await queue('to-sarah', 'sarah', 'Hello Sarah');
    await world.db.prisma.person.update({ where: { id: ids.sarah }, data: { active: false } });
    try {
      expect(await dispatch(NOW)).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0, cancelled: 1 });
      expect(await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'CANCELLED', lastError: 'RECIPIENT_INACTIVE' });
      expect(await world.db.prisma.webMessage.count()).toBe(0);
      expect(await world.db.prisma.alert.count()).toBe(0);
    } finally {
      await world.db.prisma.person.update({ where: { id: ids.sarah }, data: { active: true } });
    }
  });

  it('delivers nothing before the row is due (quiet hours)', async () => {
    const evening = new Date('2026-11-17T21:00:00.000Z'); // 22:00 in Paris: quiet hours until 08:30
    const { deliverAt } = await queue('evening', 'julien', 'Demain matin', evening, true);
    expect(deliverAt).toEqual(new Date('2026-11-18T07:30:00.000Z'));

    expect((await dispatch(evening)).sent).toBe(0);
    expect((await dispatch(new Date(deliverAt.getTime() - 1))).sent).toBe(0);
    expect(await world.db.prisma.webMessage.count()).toBe(0);
    expect((await dispatch(deliverAt)).sent).toBe(1);
    expect(await world.db.prisma.webMessage.count({ where: { personId: ids.julien } })).toBe(1);
  });

  it('gives other messengers the account and language of the recipient, and keeps the channel', async () => {
    const seen: Delivery[] = [];
    const slack: Messenger = {
      platform: 'SLACK',
      send: async (delivery) => {
        seen.push(delivery);
        return { messageId: `ts-${delivery.deliveryId}`, channelId: `D-${delivery.recipient.personId}` };
      },
      update: async () => {},
    };
    const sarahRow = await queue('to-sarah', 'sarah', 'Hello');
    await world.db.prisma.outboxMessage.update({ where: { id: sarahRow.id }, data: { platform: 'SLACK' } });
    const aliceRow = await queue('to-alice', 'alice', 'Bonjour');
    await world.db.prisma.outboxMessage.update({ where: { id: aliceRow.id }, data: { platform: 'SLACK' } });

    expect((await dispatch(NOW, slack)).sent).toBe(2);
    const byRow = Object.fromEntries(seen.map((d) => [d.deliveryId, [d.recipient.locale, d.recipient.account?.externalId, d.recipient.account?.teamId]]));
    expect(byRow).toEqual({ [sarahRow.id]: ['en', 'U07SARAH01', 'T07ACME001'], [aliceRow.id]: ['fr', 'U07ALICE01', 'T07ACME001'] });
    const row = await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: aliceRow.id } });
    expect(row).toMatchObject({ status: 'SENT', platformMessageId: `ts-${aliceRow.id}`, platformChannelId: `D-${ids.alice}` });
  });

  it('edits the original message with an update row', async () => {
    const original = await queue('checkin', 'alice', 'Votre journée ?');
    await dispatch(NOW);
    expect(await world.db.prisma.$transaction((tx) => enqueueUpdate(tx, { originalKey: 'checkin', dedupeKey: 'checkin:answered', message: textMessage('Merci !'), now: later(MINUTE) }))).toBe(true);

    expect(await dispatch(later(MINUTE))).toMatchObject({ sent: 1, deferred: 0 });
    const messages = await world.db.prisma.webMessage.findMany();
    expect(messages).toHaveLength(1);
    expect(messages[0]!.payload).toEqual(textMessage('Merci !'));
    const update = await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'checkin:answered' } });
    expect(update).toMatchObject({ status: 'SENT', updatesId: original.id, platformMessageId: messages[0]!.id, attempts: 1 });
  });

  it('holds an update until its original is sent, without using an attempt', async () => {
    const original = await queue('validation', 'julien', 'Version 1');
    // Another dispatcher holds the original (claimed, not sent yet): the edit becomes an update row.
    expect(await claimDueMessages({ prisma: world.db.prisma, now: NOW, platforms: ['WEB'], workerId: 'other', limit: 10, leaseMs: 5 * MINUTE })).toHaveLength(1);
    await world.db.prisma.$transaction((tx) => enqueueUpdate(tx, { originalKey: 'validation', dedupeKey: 'validation:v2', message: textMessage('Version 2'), now: NOW }));

    expect(await dispatch(NOW)).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 1, cancelled: 0 });
    const waiting = await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'validation:v2' } });
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 0, nextAttemptAt: later(30_000), lastError: null });
    expect(await world.db.prisma.webMessage.count()).toBe(0);

    // The other dispatcher never came back: after its lease the original is sent, then edited.
    expect(await dispatch(later(5 * MINUTE))).toEqual({ sent: 2, retried: 0, failed: 0, deferred: 0, cancelled: 0 });
    const messages = await world.db.prisma.webMessage.findMany();
    expect(messages.map((m) => [m.outboxId, m.payload])).toEqual([[original.id, textMessage('Version 2')]]);
    expect(await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'validation:v2' } })).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('cancels an update whose original failed', async () => {
    const original = await queue('failed-original', 'sarah', 'Hello');
    await world.db.prisma.outboxMessage.update({ where: { id: original.id }, data: { status: 'FAILED', lastError: 'USER_NOT_FOUND' } });
    await world.db.prisma.outboxMessage.create({
      data: { dedupeKey: 'failed-original:edit', recipientId: ids.sarah!, platform: 'WEB', kind: 'test.message.update', payload: textMessage('Edited'), updatesId: original.id, nextAttemptAt: NOW },
    });
    expect(await dispatch(NOW)).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0, cancelled: 1 });
    expect(await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'failed-original:edit' } })).toMatchObject({
      status: 'CANCELLED',
      lastError: 'ORIGINAL_NOT_SENT',
    });
    expect(await world.db.prisma.webMessage.count()).toBe(0);
  });
});
