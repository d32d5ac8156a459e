/**
 * A dispatcher that dies in the middle (after claiming, or after sending but before recording it)
 * loses nothing and duplicates nothing: after the lease, another dispatcher takes its rows over.
 * "Dying" is simulated with a messenger that never answers: that dispatcher is simply abandoned.
 * Most cases deliver one row at a time (`concurrency: 1`) so that exactly one row is in flight when
 * the dispatcher dies; the last one dies with several recipients in flight (the default).
 */
import { describe, expect, it } from 'vitest';
import { textMessage } from '../../../src/chat/build.js';
import type { Delivery, Messenger, SentMessage } from '../../../src/chat/messenger.js';
import { createLogger } from '../../../src/log.js';
import { claimDueMessages, DEFAULT_CONCURRENCY, DEFAULT_LEASE_MS, dispatchDue, releaseOrphanedClaims, type DispatchResult } from '../../../src/scheduler/dispatch/index.js';
import { useDispatcherWorld } from '../../helpers/dispatcher-world.js';

const NOW = new Date('2026-11-17T09:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const logger = createLogger('silent');
const REFS = ['alice', 'julien', 'sarah'];

const world = useDispatcherWorld();
const { ids } = world;

async function queueOnePerPerson(): Promise<string[]> {
  await world.db.prisma.outboxMessage.createMany({
    data: REFS.map((ref, i) => ({
      dedupeKey: `restart:${ref}`,
      recipientId: ids[ref]!,
      platform: 'WEB' as const,
      kind: 'test.message',
      payload: textMessage(`Bonjour ${ref}`),
      nextAttemptAt: NOW,
      createdAt: new Date(NOW.getTime() - 1000 + i),
    })),
  });
  return (await world.db.prisma.outboxMessage.findMany({ orderBy: { createdAt: 'asc' } })).map((r) => r.id);
}

/** A web messenger that counts sends per row and can be told to hang (before or after the real send). */
function observedWeb(hang?: 'before' | 'after', gate?: Promise<void>) {
  const sends = new Map<string, number>();
  let entered!: () => void;
  const started = new Promise<void>((resolve) => (entered = resolve));
  const messenger: Messenger = {
    platform: 'WEB',
    async send(delivery: Delivery): Promise<SentMessage> {
      sends.set(delivery.deliveryId, (sends.get(delivery.deliveryId) ?? 0) + 1);
      entered();
      if (hang === 'before') await (gate ?? new Promise<never>(() => {}));
      const sent = await world.web.send(delivery);
      if (hang === 'after') await new Promise<never>(() => {});
      return sent;
    },
    update: world.web.update,
  };
  return { messenger, sends, started };
}

const dispatch = (now: Date, messenger: Messenger, workerId: string, concurrency = 1) =>
  dispatchDue({ prisma: world.db.prisma, messengers: { WEB: messenger }, now, workerId, logger, random: () => 0, concurrency });

const NOTHING: DispatchResult = { sent: 0, retried: 0, failed: 0, deferred: 0, cancelled: 0 };

describe('restarts', () => {
  it('takes over the rows of a dispatcher that died before sending, once its lease is over', async () => {
    const rows = await queueOnePerPerson();
    const dead = observedWeb('before');
    void dispatch(NOW, dead.messenger, 'dead'); // abandoned: its first send never returns
    await dead.started;
    expect(await world.db.prisma.outboxMessage.count({ where: { status: 'SENDING', claimedBy: 'dead' } })).toBe(3);

    const next = observedWeb();
    expect(await dispatch(later(DEFAULT_LEASE_MS - 1), next.messenger, 'next')).toEqual(NOTHING);
    expect(await dispatch(later(DEFAULT_LEASE_MS), next.messenger, 'next')).toEqual({ ...NOTHING, sent: 3 });

    expect([...next.sends.entries()].sort()).toEqual(rows.map((id) => [id, 1]).sort());
    const messages = await world.db.prisma.webMessage.findMany();
    expect(messages.map((m) => m.outboxId).sort()).toEqual([...rows].sort());
    const settled = await world.db.prisma.outboxMessage.findMany();
    expect(settled.every((r) => r.status === 'SENT' && r.claimedBy === 'next' && r.attempts === 2)).toBe(true);
  });

  it('takes over rows claimed and never delivered', async () => {
    await queueOnePerPerson();
    const claimed = await claimDueMessages({ prisma: world.db.prisma, now: NOW, platforms: ['WEB'], workerId: 'gone', limit: 2, leaseMs: DEFAULT_LEASE_MS });
    expect(claimed.map((r) => [r.claimedBy, r.attempts])).toEqual([['gone', 1], ['gone', 1]]);

    const next = observedWeb();
    expect(await dispatch(NOW, next.messenger, 'next')).toEqual({ ...NOTHING, sent: 1 });
    expect(await dispatch(later(DEFAULT_LEASE_MS), next.messenger, 'next')).toEqual({ ...NOTHING, sent: 2 });
    expect([...next.sends.values()]).toEqual([1, 1, 1]);
    expect(await world.db.prisma.webMessage.count()).toBe(3);
  });

  it('finds the message already in the web chat when the dispatcher died after sending it', async () => {
    const rows = await queueOnePerPerson();
    const dead = observedWeb('after');
    void dispatch(NOW, dead.messenger, 'dead');
    await dead.started;
    await expect.poll(() => world.db.prisma.webMessage.count()).toBe(1);
    const [first] = await world.db.prisma.webMessage.findMany();
    expect(first!.outboxId).toBe(rows[0]);
    expect(await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: rows[0]! } })).toMatchObject({ status: 'SENDING' });

    expect(await dispatch(later(DEFAULT_LEASE_MS), world.web, 'next')).toEqual({ ...NOTHING, sent: 3 });
    expect(await world.db.prisma.webMessage.count()).toBe(3);
    expect(await world.db.prisma.webMessage.count({ where: { outboxId: rows[0]! } })).toBe(1);
    expect(await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: rows[0]! } })).toMatchObject({ status: 'SENT', platformMessageId: first!.id });
  });

  it('gives up on a row whose dispatchers died at every attempt, and tells the manager', async () => {
    const rows = await queueOnePerPerson();
    // Eight claims already, the last one abandoned: a message that kills or hangs its dispatcher.
    await world.db.prisma.outboxMessage.update({ where: { id: rows[0]! }, data: { status: 'SENDING', attempts: 8, claimedAt: NOW, claimedBy: 'dead' } });
    await world.db.prisma.alert.deleteMany();

    const next = observedWeb();
    // Sent: Julien's and Sarah's messages, and the alert to Marc about Alice.
    expect(await dispatch(later(DEFAULT_LEASE_MS), next.messenger, 'next')).toEqual({ ...NOTHING, sent: 3, failed: 1 });
    expect(next.sends.has(rows[0]!)).toBe(false);
    expect(await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: rows[0]! } })).toMatchObject({ status: 'FAILED', attempts: 9, lastError: 'INTERRUPTED' });
    expect(await world.db.prisma.alert.findFirstOrThrow()).toMatchObject({ kind: 'DELIVERY_FAILED', subjectId: ids.alice, data: { code: 'INTERRUPTED' } });
  });

  it('drops the outcome of a dispatcher whose row was taken over while it was still sending', async () => {
    const rows = await queueOnePerPerson();
    let release!: () => void;
    const slow = observedWeb('before', new Promise<void>((resolve) => (release = resolve)));
    const slowRun = dispatch(NOW, slow.messenger, 'slow');
    await slow.started;

    expect(await dispatch(later(DEFAULT_LEASE_MS), world.web, 'next')).toEqual({ ...NOTHING, sent: 3 });
    release(); // the slow dispatcher's first send completes (the web chat finds the same message)...
    expect(await slowRun).toEqual(NOTHING); // ...but its claims were taken over: nothing recorded,
    expect([...slow.sends.keys()]).toEqual([rows[0]]); // and the rest of its batch is not sent again
    expect(await world.db.prisma.webMessage.count()).toBe(3);
    expect(await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: rows[0]! } })).toMatchObject({ status: 'SENT', claimedBy: 'next' });
  });

  it('loses and doubles nothing when a dispatcher dies with several recipients in flight', async () => {
    const rows = await queueOnePerPerson();
    const dead = observedWeb('after');
    void dispatch(NOW, dead.messenger, 'dead', DEFAULT_CONCURRENCY);
    // Every recipient at once: all three sent, none recorded.
    await expect.poll(() => world.db.prisma.webMessage.count()).toBe(3);
    expect(await world.db.prisma.outboxMessage.count({ where: { status: 'SENDING', claimedBy: 'dead' } })).toBe(3);

    const next = observedWeb();
    expect(await dispatch(later(DEFAULT_LEASE_MS), next.messenger, 'next', DEFAULT_CONCURRENCY)).toEqual({ ...NOTHING, sent: 3 });
    expect(await world.db.prisma.webMessage.count()).toBe(3);
    expect((await world.db.prisma.outboxMessage.findMany()).map((r) => [r.id, r.status, r.claimedBy]).sort()).toEqual(rows.map((id) => [id, 'SENT', 'next']).sort());
  });

  it('puts back at once, on the embedded database, the rows a killed process held (kept as retries)', async () => {
    const rows = await queueOnePerPerson();
    await claimDueMessages({ prisma: world.db.prisma, now: NOW, platforms: ['WEB'], workerId: 'killed', limit: 10, leaseMs: DEFAULT_LEASE_MS });
    // What the server (or `rituel tick`) does when it opens the embedded database, which only it can hold.
    expect(await releaseOrphanedClaims(world.db.prisma, later(1000))).toBe(3);

    const next = observedWeb();
    expect(await dispatch(later(1000), next.messenger, 'next')).toEqual({ ...NOTHING, sent: 3 });
    const settled = await world.db.prisma.outboxMessage.findMany();
    expect(settled.map((r) => [r.id, r.status, r.attempts]).sort()).toEqual(rows.map((id) => [id, 'SENT', 2]).sort());
  });
});
