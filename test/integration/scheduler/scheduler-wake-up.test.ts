/**
 * The server's scheduler ticks every minute; a retry that falls due sooner (a 429's Retry-After)
 * gets a delivery-only pass at its time instead of waiting for the next minute.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { textMessage } from '../../../src/chat/build.js';
import { DeliveryError, type Messenger } from '../../../src/chat/messenger.js';
import { createLogger } from '../../../src/log.js';
import { startScheduler, type Scheduler } from '../../../src/scheduler/start-scheduler.js';
import { useDispatcherWorld } from '../../helpers/dispatcher-world.js';

const world = useDispatcherWorld();
const logger = createLogger('silent');
let scheduler: Scheduler | undefined;

afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
});

describe('retries between two minutes', () => {
  it('delivers a rate-limited message at its Retry-After, not at the next minute', async () => {
    const row = await world.db.prisma.outboxMessage.create({
      data: { dedupeKey: 'wake-up', recipientId: world.ids.alice!, platform: 'WEB', kind: 'test.message', payload: textMessage('Bonjour'), nextAttemptAt: new Date() },
    });
    const attempts: number[] = [];
    const limitedOnce: Messenger = {
      platform: 'WEB',
      async send(delivery) {
        attempts.push(Date.now());
        if (attempts.length === 1) throw new DeliveryError('RATE_LIMITED', 'slow down', { permanent: false, retryAfterMs: 1500 });
        return world.web.send(delivery);
      },
      update: world.web.update,
    };
    const deps = { prisma: world.db.prisma, logger, rituals: [], messengers: { WEB: limitedOnce }, platforms: ['WEB' as const], workerId: 'wake-up-test' };
    scheduler = startScheduler(deps, logger);

    await expect.poll(async () => (await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status, { timeout: 20_000, interval: 100 }).toBe('SENT');
    expect(attempts).toHaveLength(2);
    // Retried at its Retry-After (1.5 s), by the wake-up pass rather than a minute's tick.
    const gap = attempts[1]! - attempts[0]!;
    expect(gap).toBeGreaterThanOrEqual(1000); // 1.5 s after the tick began (the dispatcher's clock)
    expect(gap).toBeLessThan(10_000);
    // The rate limit did not use an attempt.
    expect(await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ attempts: 1, lastError: null });
  });
});
