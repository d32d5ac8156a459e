/**
 * Failed attempts: a retryable failure puts the row back with an exponential backoff (or the
 * platform's Retry-After when longer), and after the last attempt the row fails.
 */
import { describe, expect, it } from 'vitest';
import { textMessage } from '../../../src/chat/build.js';
import { DeliveryError, type Messenger } from '../../../src/chat/messenger.js';
import { createLogger } from '../../../src/log.js';
import { dispatchDue, MAX_RETRY_DELAY_MS, RATE_LIMIT_GRACE_MS, retryDelayMs } from '../../../src/scheduler/dispatch/index.js';
import { useDispatcherWorld } from '../../helpers/dispatcher-world.js';

const NOW = new Date('2026-11-17T09:00:00.000Z'); // a Tuesday, 10:00 in Paris
const later = (ms: number) => new Date(NOW.getTime() + ms);
const SECOND = 1000;
const logger = createLogger('silent');

const world = useDispatcherWorld();

/** A web messenger whose sends fail with the next scripted errors, then succeed; `calls` lists the deliveries tried. */
function flaky(errors: Error[]): Messenger & { calls: string[] } {
  const messenger = {
    platform: 'WEB' as const,
    calls: [] as string[],
    async send(delivery: Parameters<Messenger['send']>[0]) {
      messenger.calls.push(delivery.deliveryId);
      const error = errors.shift();
      if (error) throw error;
      return world.web.send(delivery);
    },
    update: world.web.update,
  };
  return messenger;
}

const retryable = (code: string, retryAfterMs?: number) => new DeliveryError(code, 'try later', { permanent: false, retryAfterMs });

async function queueToAlice(key: string) {
  const row = await world.db.prisma.outboxMessage.create({
    data: { dedupeKey: key, recipientId: world.ids.alice!, platform: 'WEB', kind: 'test.message', payload: textMessage('Bonjour'), nextAttemptAt: NOW, createdAt: NOW },
  });
  return row.id;
}

const dispatch = (now: Date, messenger: Messenger, options: { maxAttempts?: number; random?: () => number } = {}) =>
  dispatchDue({ prisma: world.db.prisma, messengers: { WEB: messenger }, now, workerId: 'worker-a', logger, random: () => 0, ...options });

const rowOf = (id: string) => world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });

describe('retries', () => {
  it('backs off exponentially and delivers once the platform answers', async () => {
    const id = await queueToAlice('backoff');
    const messenger = flaky([retryable('UNAVAILABLE'), retryable('UNAVAILABLE')]);

    expect(await dispatch(NOW, messenger)).toEqual({ sent: 0, retried: 1, failed: 0, deferred: 0, cancelled: 0 });
    expect(await rowOf(id)).toMatchObject({ status: 'PENDING', attempts: 1, nextAttemptAt: later(30 * SECOND), lastError: 'UNAVAILABLE' });

    expect(await dispatch(later(30 * SECOND - 1), messenger)).toMatchObject({ sent: 0, retried: 0 });
    expect(messenger.calls).toEqual([id]);

    expect(await dispatch(later(30 * SECOND), messenger)).toMatchObject({ retried: 1 });
    expect(await rowOf(id)).toMatchObject({ status: 'PENDING', attempts: 2, nextAttemptAt: later(90 * SECOND) });

    expect(await dispatch(later(90 * SECOND), messenger)).toMatchObject({ sent: 1, retried: 0 });
    expect(await rowOf(id)).toMatchObject({ status: 'SENT', attempts: 3, lastError: null, sentAt: later(90 * SECOND) });
    expect(messenger.calls).toEqual([id, id, id]);
    expect(await world.db.prisma.webMessage.count()).toBe(1);
  });

  it('comes back at the Retry-After of a rate limit, without using an attempt', async () => {
    const long = await queueToAlice('retry-after-long');
    await dispatch(NOW, flaky([retryable('RATE_LIMITED', 120 * SECOND)]));
    expect(await rowOf(long)).toMatchObject({ status: 'PENDING', attempts: 0, nextAttemptAt: later(120 * SECOND), lastError: 'RATE_LIMITED' });

    const short = await queueToAlice('retry-after-short');
    const limited = flaky([retryable('RATE_LIMITED', 5 * SECOND), retryable('RATE_LIMITED', 5 * SECOND), retryable('RATE_LIMITED', 5 * SECOND)]);
    await dispatch(NOW, limited);
    expect(await rowOf(short)).toMatchObject({ attempts: 0, nextAttemptAt: later(5 * SECOND) });
    // Rate limits, however many, never exhaust the attempts of a young row.
    await dispatch(later(5 * SECOND), limited);
    await dispatch(later(10 * SECOND), limited);
    expect(await dispatch(later(15 * SECOND), limited)).toMatchObject({ sent: 1 });
    expect(await rowOf(short)).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('counts rate limits as attempts once the row is old, so that it ends', async () => {
    const id = await queueToAlice('retry-after-old');
    const old = later(RATE_LIMIT_GRACE_MS);
    await dispatch(old, flaky([retryable('RATE_LIMITED', 5 * SECOND)]));
    expect(await rowOf(id)).toMatchObject({ status: 'PENDING', attempts: 1, nextAttemptAt: new Date(old.getTime() + 30 * SECOND) });
  });

  it('shortens the backoff by up to 20 % at random, and caps it at one hour', async () => {
    const id = await queueToAlice('jitter');
    await dispatch(NOW, flaky([retryable('UNAVAILABLE')]), { random: () => 0.5 });
    expect(await rowOf(id)).toMatchObject({ nextAttemptAt: later(27 * SECOND) });

    expect(retryDelayMs({ attempts: 1, random: () => 0.999_999 })).toBe(24_000);
    expect(retryDelayMs({ attempts: 4, random: () => 0 })).toBe(240_000);
    expect(retryDelayMs({ attempts: 8, random: () => 0 })).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs({ attempts: 50, random: () => 0 })).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs({ attempts: 50, retryAfterMs: 2 * MAX_RETRY_DELAY_MS, random: () => 0 })).toBe(2 * MAX_RETRY_DELAY_MS);
  });

  it('retries an unexpected error, stored as a code only', async () => {
    const id = await queueToAlice('unexpected');
    await dispatch(NOW, flaky([new Error('socket hang up at 10.0.0.1 for alice.martin@acme-conseil.fr')]));
    expect(await rowOf(id)).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'UNEXPECTED' });
  });

  it('fails after the last attempt and tells the manager', async () => {
    const id = await queueToAlice('exhausted');
    const messenger = flaky([retryable('UNAVAILABLE'), retryable('UNAVAILABLE'), retryable('UNAVAILABLE')]);
    let now = NOW;
    const results = [];
    for (let i = 0; i < 3; i += 1) {
      results.push(await dispatch(now, messenger, { maxAttempts: 3 }));
      now = (await rowOf(id)).nextAttemptAt;
    }
    // The last round also delivers the alert to the manager (the messenger answers again by then).
    expect(results.map((r) => [r.retried, r.failed, r.sent])).toEqual([[1, 0, 0], [1, 0, 0], [0, 1, 1]]);
    expect(await rowOf(id)).toMatchObject({ status: 'FAILED', attempts: 3, lastError: 'UNAVAILABLE' });

    const alerts = await world.db.prisma.alert.findMany();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'DELIVERY_FAILED', subjectId: world.ids.alice!, data: { code: 'UNAVAILABLE', attempts: 3, outboxId: id } });
    const toManager = await world.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'alert.delivery_failed' } });
    expect(messenger.calls).toEqual([id, id, id, toManager.id]);
    expect((toManager.payload as { text: string }).text).toBe(
      'Rituel n’a pas pu joindre *Alice Martin* sur le chat web : la plateforme ne répond pas, encore après 3 tentatives.',
    );
  });
});
