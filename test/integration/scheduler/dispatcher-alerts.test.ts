/**
 * A permanent failure fails the row at once; for a new message, the people responsible for the
 * recipient are alerted once per person and platform, in their language, never the recipient.
 */
import { describe, expect, it } from 'vitest';
import { textMessage } from '../../../src/chat/build.js';
import { elementsOf, type ChatMessage } from '../../../src/chat/message.js';
import { DeliveryError, type Messenger } from '../../../src/chat/messenger.js';
import { createLogger } from '../../../src/log.js';
import { dispatchDue } from '../../../src/scheduler/dispatch/index.js';
import { enqueueUpdate } from '../../../src/scheduler/outbox/enqueue-message.js';
import { useDispatcherWorld } from '../../helpers/dispatcher-world.js';

const NOW = new Date('2026-11-17T09:00:00.000Z'); // a Tuesday, 10:00 in Paris: alerts are not held by quiet hours
const logger = createLogger('silent');

const world = useDispatcherWorld();
const { ids } = world;

/** The web chat, except that the people in `unreachable` are unknown to the platform. */
function unreachable(...refs: string[]): Messenger {
  const gone = new Set(refs.map((ref) => ids[ref]));
  return {
    platform: 'WEB',
    send: async (delivery) => {
      if (gone.has(delivery.recipient.personId)) throw new DeliveryError('USER_NOT_FOUND', 'user_not_found', { permanent: true });
      return world.web.send(delivery);
    },
    update: world.web.update,
  };
}

async function queue(key: string, ref: string, payload: unknown = textMessage('Bonjour')) {
  const row = await world.db.prisma.outboxMessage.create({
    data: { dedupeKey: key, recipientId: ids[ref]!, platform: 'WEB', kind: 'test.message', payload: payload as object, nextAttemptAt: NOW, createdAt: NOW },
  });
  return row.id;
}

const dispatch = (messenger: Messenger) =>
  dispatchDue({ prisma: world.db.prisma, messengers: { WEB: messenger }, now: NOW, workerId: 'worker-a', logger, random: () => 0 });

const webMessagesOf = (ref: string) => world.db.prisma.webMessage.findMany({ where: { personId: ids[ref]! } });

describe('delivery failures', () => {
  it('fails at once on a permanent error, alerts the manager once, and not twice for the same person', async () => {
    const first = await queue('first', 'alice');
    expect(await dispatch(unreachable('alice'))).toEqual({ sent: 1, retried: 0, failed: 1, deferred: 0, cancelled: 0 });
    expect(await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ status: 'FAILED', attempts: 1, lastError: 'USER_NOT_FOUND' });

    const alerts = await world.db.prisma.alert.findMany();
    const mission = await world.db.prisma.mission.findFirstOrThrow({ where: { ref: 'alice-banque-nord' } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: 'DELIVERY_FAILED',
      dedupeKey: `delivery-failed:${ids.alice}:WEB`,
      status: 'OPEN',
      subjectId: ids.alice,
      recipientId: ids.marc,
      missionId: mission.id,
      data: { platform: 'WEB', code: 'USER_NOT_FOUND', outboxId: first, messageKind: 'test.message' },
    });
    expect(await world.db.prisma.auditEvent.count({ where: { entityId: alerts[0]!.id, action: 'alert.raise' } })).toBe(1);

    const [toMarc, ...others] = await webMessagesOf('marc');
    expect(others).toHaveLength(0);
    const payload = toMarc!.payload as ChatMessage;
    expect(payload.text).toBe(
      'Rituel n’a pas pu joindre *Alice Martin* sur le chat web : la plateforme ne connaît pas (ou plus) cette personne : compte supprimé ou désactivé.',
    );
    expect(elementsOf(payload)).toEqual([
      { type: 'button', actionId: 'alert.ack', label: 'Bien noté', value: JSON.stringify({ alert: alerts[0]!.id }) },
    ]);

    await queue('second', 'alice');
    expect(await dispatch(unreachable('alice'))).toEqual({ sent: 0, retried: 0, failed: 1, deferred: 0, cancelled: 0 });
    expect(await world.db.prisma.alert.count()).toBe(1);
    expect(await world.db.prisma.outboxMessage.count({ where: { kind: 'alert.delivery_failed' } })).toBe(1);
    expect(await webMessagesOf('marc')).toHaveLength(1);
    expect(await webMessagesOf('alice')).toHaveLength(0);
  });

  it('tells the managers of the missions a client contact approves, in their language', async () => {
    await world.db.prisma.person.update({ where: { id: ids.marc! }, data: { locale: 'en' } });
    try {
      await queue('to-claire', 'claire');
      expect(await dispatch(unreachable('claire'))).toMatchObject({ sent: 1, failed: 1 });
      const alert = await world.db.prisma.alert.findFirstOrThrow();
      expect(alert).toMatchObject({ subjectId: ids.claire, recipientId: ids.marc });
      const [toMarc] = await webMessagesOf('marc');
      expect((toMarc!.payload as ChatMessage).text).toBe(
        'Rituel could not reach *Claire Dubois* on the web chat: the platform does not know this person (any more): account deleted or deactivated.',
      );
    } finally {
      await world.db.prisma.person.update({ where: { id: ids.marc! }, data: { locale: null } });
    }
  });

  it('never sends the alert to the person who cannot be reached', async () => {
    // Marc manages every mission and is the only admin: there is nobody else to tell.
    await queue('to-marc', 'marc');
    expect(await dispatch(unreachable('marc'))).toEqual({ sent: 0, retried: 0, failed: 1, deferred: 0, cancelled: 0 });
    expect(await world.db.prisma.alert.findFirstOrThrow()).toMatchObject({ subjectId: ids.marc, recipientId: null });
    expect(await world.db.prisma.outboxMessage.count({ where: { kind: 'alert.delivery_failed' } })).toBe(0);
  });

  it('only marks an update FAILED when the edit is refused', async () => {
    await queue('original', 'julien');
    expect((await dispatch(world.web)).sent).toBe(1);
    await world.db.prisma.webMessage.deleteMany(); // the message is gone: the web chat refuses the edit for good
    await world.db.prisma.$transaction((tx) => enqueueUpdate(tx, { originalKey: 'original', dedupeKey: 'original:edit', message: textMessage('Edit'), now: NOW }));

    expect(await dispatch(world.web)).toEqual({ sent: 0, retried: 0, failed: 1, deferred: 0, cancelled: 0 });
    expect(await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'original:edit' } })).toMatchObject({ status: 'FAILED', lastError: 'MESSAGE_NOT_FOUND' });
    expect(await world.db.prisma.alert.count()).toBe(0);
  });

  it('fails a malformed message without alerting anybody', async () => {
    const id = await queue('malformed', 'sarah', { blocks: 'nope' });
    expect(await dispatch(world.web)).toEqual({ sent: 0, retried: 0, failed: 1, deferred: 0, cancelled: 0 });
    expect(await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'FAILED', lastError: 'INVALID_MESSAGE' });
    expect(await world.db.prisma.alert.count()).toBe(0);
    expect(await world.db.prisma.webMessage.count()).toBe(0);
  });
});
