/**
 * Several dispatchers at once (several processes in production): each row is claimed by one of
 * them, so every message is delivered exactly once.
 */
import { describe, expect, it } from 'vitest';
import { textMessage } from '../../../src/chat/build.js';
import type { Messenger } from '../../../src/chat/messenger.js';
import { createLogger } from '../../../src/log.js';
import { dispatchDue } from '../../../src/scheduler/dispatch/index.js';
import { useDispatcherWorld } from '../../helpers/dispatcher-world.js';

const NOW = new Date('2026-11-17T09:00:00.000Z');
const MESSAGES = 200;
const logger = createLogger('silent');

const world = useDispatcherWorld();

/** Deterministic small delays (0 to 3 ms), so the dispatchers interleave the same way on every run. */
function seededDelays(seed: number): () => Promise<void> {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return new Promise((resolve) => setTimeout(resolve, state % 4));
  };
}

describe('concurrent dispatchers', () => {
  it('deliver each of 200 messages exactly once', async () => {
    const people = await world.db.prisma.person.findMany({ where: { roles: { has: 'CONSULTANT' } }, select: { id: true } });
    await world.db.prisma.outboxMessage.createMany({
      data: Array.from({ length: MESSAGES }, (_, i) => ({
        dedupeKey: `load:${i}`,
        recipientId: people[i % people.length]!.id,
        platform: 'WEB' as const,
        kind: 'test.load',
        payload: textMessage(`Message ${i}`),
        nextAttemptAt: new Date(NOW.getTime() - 60_000 + (i % 7)),
        createdAt: new Date(NOW.getTime() - 120_000 + i),
      })),
    });

    const sends = new Map<string, number>();
    const slowWeb = (seed: number): Messenger => {
      const delay = seededDelays(seed);
      return {
        platform: 'WEB',
        async send(delivery) {
          sends.set(delivery.deliveryId, (sends.get(delivery.deliveryId) ?? 0) + 1);
          await delay();
          return world.web.send(delivery);
        },
        update: world.web.update,
      };
    };
    const run = (workerId: string, seed: number) =>
      dispatchDue({ prisma: world.db.prisma, messengers: { WEB: slowWeb(seed) }, now: NOW, workerId, logger, batchSize: 10 });

    const [a, b] = await Promise.all([run('worker-a', 1), run('worker-b', 2)]);

    expect(a.sent + b.sent).toBe(MESSAGES);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    expect([a.retried, a.failed, b.retried, b.failed]).toEqual([0, 0, 0, 0]);
    expect(sends.size).toBe(MESSAGES);
    expect([...sends.values()].every((count) => count === 1)).toBe(true);

    expect(await world.db.prisma.webMessage.count()).toBe(MESSAGES);
    const rows = await world.db.prisma.outboxMessage.findMany({ select: { status: true, attempts: true, claimedBy: true } });
    expect(rows.filter((r) => r.status === 'SENT' && r.attempts === 1)).toHaveLength(MESSAGES);
    expect(rows.filter((r) => r.claimedBy === 'worker-a')).toHaveLength(a.sent);
    expect(rows.filter((r) => r.claimedBy === 'worker-b')).toHaveLength(b.sent);
  });
});
