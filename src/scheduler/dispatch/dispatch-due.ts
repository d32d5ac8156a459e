/**
 * The outbox dispatcher: claims the rows that are due and delivers them through the Messenger of
 * their platform, until nothing is due. Called once per tick (every minute by the server, once by
 * `rituel tick --at`); several processes may run it at once (each row is claimed by one of them).
 *
 * Outcomes: delivered → SENT with the platform's reference; a retryable failure → PENDING again
 * after a backoff (or the platform's Retry-After); a permanent failure, or no attempt left →
 * FAILED, and for a new message the people responsible for the recipient are alerted. An update
 * whose original is not sent yet waits for it without using an attempt, and so does a row the
 * platform rate-limited (it comes back at the Retry-After).
 *
 * A batch is delivered to several recipients at once (DEFAULT_CONCURRENCY), each recipient's rows
 * in order; the Messenger's `pace` keeps the platform's limits whatever the concurrency.
 *
 * Time: `now` is the only clock, for every comparison and write (the tick may be simulated);
 * randomness is used only for the backoff's jitter. Logs carry ids, kinds and codes only.
 */
import type { Db } from '../../db/client.js';
import type { ChatPlatform } from '../../chat/interaction.js';
import type { Logger } from '../../log.js';
import { attemptDelivery } from './attempt-delivery.js';
import { claimDueMessages, type ClaimedMessage } from './claim-due-messages.js';
import type { DispatchMessengers } from './paced-messenger.js';
import { recordFailure } from './record-failure.js';
import { releaseClaims } from './release-claims.js';
import { retryDelayMs } from './retry-delay.js';
import { isStillClaimed, markSent, markSettled, postpone, retryLater } from './settle-claim.js';

export const DEFAULT_BATCH_SIZE = 50;
/** Far above a platform call's own timeout: a live dispatcher never loses a row it is sending. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 8;
/** Recipients delivered to at the same time (pacing still holds each platform to its limits). */
export const DEFAULT_CONCURRENCY = 8;
/**
 * A platform's "come back later" (429 with Retry-After) is not a failed attempt: the row waits and
 * keeps its attempts, as long as it is younger than this (a platform that never lets it through
 * still ends it).
 */
export const RATE_LIMIT_GRACE_MS = 6 * 60 * 60_000;
/** Preference order of the platforms a dispatcher queues its alerts on. */
const PLATFORM_ORDER: readonly ChatPlatform[] = ['SLACK', 'TEAMS', 'WEB'];

export interface DispatchDueOptions {
  prisma: Db;
  messengers: DispatchMessengers;
  now: Date;
  /** Unique per dispatcher (host, pid, loop): who holds a claim. */
  workerId: string;
  logger: Logger;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** Recipients delivered to at once (default DEFAULT_CONCURRENCY; 1: one row after the other). */
  concurrency?: number;
  /** Jitter of the backoff, a number in [0, 1): Math.random by default, fixed in tests. */
  random?: () => number;
  /** Each recorded outcome (metrics). */
  onOutcome?: (platform: ChatPlatform, outcome: Outcome) => void;
  /** True once the process is stopping: no new claim, and the claimed rows not tried yet are released. */
  shouldStop?: () => boolean;
}

export interface DispatchResult {
  sent: number;
  /** Failed attempts put back for later. */
  retried: number;
  failed: number;
  /** Updates waiting for their original to be sent. */
  deferred: number;
  /** Updates dropped because their original will never be sent. */
  cancelled: number;
}

type Outcome = keyof DispatchResult;

export async function dispatchDue(options: DispatchDueOptions): Promise<DispatchResult> {
  const { prisma, messengers, now, workerId } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const random = options.random ?? Math.random;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const logger = options.logger.child({ component: 'dispatcher', workerId });
  const platforms = PLATFORM_ORDER.filter((p) => messengers[p] !== undefined);
  const result: DispatchResult = { sent: 0, retried: 0, failed: 0, deferred: 0, cancelled: 0 };

  // Each round's rows leave the due set (settled, or due again only after `now`), so this ends.
  const stopping = options.shouldStop ?? (() => false);
  for (;;) {
    if (stopping()) break;
    const rows = await claimDueMessages({ prisma, now, platforms, workerId, limit: batchSize, leaseMs });
    if (rows.length === 0) break;
    const untried = await deliverBatch(rows);
    if (untried.length > 0) {
      // Graceful stop: the rows not tried yet go back to PENDING, due at once for the next process.
      const released = await releaseClaims(prisma, untried);
      logger.info({ released }, 'outbox claims released on stop');
      break;
    }
  }
  if (result.sent + result.retried + result.failed + result.deferred + result.cancelled > 0) {
    logger.info({ ...result }, 'outbox dispatched');
  }
  return result;

  /**
   * Delivers a claimed batch, several recipients at a time (`concurrency`) but each recipient's rows
   * one after the other, in order (an original before its update). Answers the rows left untried
   * because the process is stopping.
   */
  async function deliverBatch(rows: readonly ClaimedMessage[]): Promise<ClaimedMessage[]> {
    const byRecipient = new Map<string, ClaimedMessage[]>();
    for (const row of rows) {
      const queue = byRecipient.get(row.recipientId);
      if (queue) queue.push(row);
      else byRecipient.set(row.recipientId, [row]);
    }
    const queues = [...byRecipient.values()];
    const untried: ClaimedMessage[] = [];
    let next = 0;
    // A worker that fails (the database went away) stops the others taking new rows; the error is
    // thrown once every worker is done, so that no delivery of this tick outlives it.
    let failure: { error: unknown } | null = null;
    const worker = async (): Promise<void> => {
      while (next < queues.length && !failure) {
        const queue = queues[next++]!;
        for (const [index, row] of queue.entries()) {
          if (stopping()) {
            untried.push(...queue.slice(index));
            break;
          }
          try {
            const outcome = await deliverClaimed(row);
            if (outcome) {
              result[outcome] += 1;
              options.onOutcome?.(row.platform, outcome);
            }
          } catch (error) {
            failure ??= { error };
            return;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queues.length) }, worker));
    if (failure) throw (failure as { error: unknown }).error;
    return untried;
  }

  async function deliverClaimed(row: ClaimedMessage): Promise<Outcome | null> {
    const log = { outboxId: row.id, kind: row.kind, platform: row.platform, attempts: row.attempts };
    const messenger = messengers[row.platform];
    if (!messenger) throw new Error(`no messenger for claimed platform ${row.platform}`);
    // Claimed more often than allowed: the dispatchers holding it died each time (a message that
    // crashes or hangs the process). Stop there instead of taking it over forever.
    if (row.attempts > maxAttempts) return fail(row, 'INTERRUPTED', false, log);
    if (!(await isStillClaimed(prisma, row))) {
      logger.warn(log, 'outbox row taken over by another dispatcher before sending; skipped');
      return null;
    }

    const attempt = await attemptDelivery({ prisma, messenger, row, now });
    switch (attempt.outcome) {
      case 'sent':
        logger.debug(log, 'outbox message delivered');
        return kept(await markSent(prisma, row, attempt.sent, now), 'sent', log);
      case 'wait':
        return kept(await postpone(prisma, row, attempt.until), 'deferred', log);
      case 'cancel':
        logger.info({ ...log, code: attempt.code }, 'outbox message cancelled');
        return kept(await markSettled(prisma, row, 'CANCELLED', attempt.code), 'cancelled', log);
      case 'error': {
        const { code } = attempt;
        const rateLimited = attempt.retryAfterMs !== undefined && now.getTime() - row.createdAt.getTime() < RATE_LIMIT_GRACE_MS;
        if (!attempt.permanent && rateLimited) {
          // The platform said when: back then, without using an attempt (nor growing the backoff).
          const at = new Date(now.getTime() + Math.max(attempt.retryAfterMs ?? 0, 1000));
          logger.info({ ...log, code, nextAttemptAt: at.toISOString() }, 'outbox delivery rate limited; will be retried');
          return kept(await retryLater(prisma, row, code, at, { countAttempt: false }), 'retried', log);
        }
        if (!attempt.permanent && row.attempts < maxAttempts) {
          const at = new Date(now.getTime() + retryDelayMs({ attempts: row.attempts, retryAfterMs: attempt.retryAfterMs, random }));
          logger.warn({ ...log, code, detail: attempt.detail, nextAttemptAt: at.toISOString() }, 'outbox delivery will be retried');
          return kept(await retryLater(prisma, row, code, at), 'retried', log);
        }
        return fail(row, code, !attempt.permanent, { ...log, detail: attempt.detail });
      }
    }
  }

  async function fail(row: ClaimedMessage, code: string, exhausted: boolean, log: object): Promise<Outcome | null> {
    const { recorded, alert } = await recordFailure({ prisma, row, code, exhausted, now, platforms });
    const level = code === 'INVALID_MESSAGE' ? 'error' : 'warn';
    logger[level]({ ...log, code, exhausted }, 'outbox delivery failed');
    if (alert) logger.info({ ...log, alertId: alert.alertId, queued: alert.queued }, 'delivery alert raised');
    return kept(recorded, 'failed', log);
  }

  /** A write dropped because another dispatcher took the row over after our lease: theirs counts. */
  function kept(written: boolean, outcome: Outcome, log: object): Outcome | null {
    if (written) return outcome;
    logger.warn(log, 'outbox claim lost to another dispatcher; outcome not recorded');
    return null;
  }
}
