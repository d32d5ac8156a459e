/**
 * The scheduler of the server: node-cron only ticks, every minute; each tick runs the planner and
 * the dispatcher (run-tick.ts). The first tick runs at start and catches up what was missed while
 * the process was down (within each organization's catch-up window). Ticks never overlap.
 * With several replicas, `deps.planLease` lets one of them plan while all dispatch; on stop, the
 * dispatcher claims nothing more, releases what it has not tried, and the lease is given up.
 * A retry that falls due before the next minute (a 429's Retry-After, an update waiting for its
 * original) gets a delivery-only pass at its time, so a rate limit costs seconds, not a minute.
 */
import cron from 'node-cron';
import type { Logger } from '../log.js';
import { releaseOrphanedClaims } from './dispatch/release-orphaned-claims.js';
import { nextDeliveryAt, runTick, type TickDeps, type TickSummary } from './run-tick.js';

/** A retry due sooner than this after a tick waits for the next minute's tick instead. */
const MIN_WAKE_UP_MS = 250;
const MINUTE_MS = 60_000;

export interface Scheduler {
  /** Runs one tick now (also what the cron job does); resolves when it is done. */
  tickNow(): Promise<TickSummary | null>;
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  clock?: () => Date;
  /** On stop, how long the tick in progress may take to finish its current delivery (default 10 s). */
  graceMs?: number;
  /** Run after each tick (the daily retention purge, which keeps its own once-a-day record). */
  afterTick?: (now: Date) => Promise<void>;
}

export function startScheduler(deps: TickDeps, logger: Logger, options: SchedulerOptions = {}): Scheduler {
  const clock = options.clock ?? (() => new Date());
  let running: Promise<TickSummary | null> | null = null;
  let stopped = false;
  // Stopping: the dispatcher claims nothing more and releases the rows it has not tried yet.
  const tickDeps: TickDeps = { ...deps, shouldStop: () => stopped };

  let wakeUp: NodeJS.Timeout | undefined;
  // A tick that failed midway (the database went away) may have left rows it claimed SENDING:
  // the next tick puts them back first, instead of waiting for their lease.
  let releaseOwnClaims = false;

  const run = async (at: Date, tickOptions: { plan?: boolean }): Promise<TickSummary> => {
    if (releaseOwnClaims) {
      const released = await releaseOrphanedClaims(deps.prisma, at, { claimedBy: deps.workerId });
      releaseOwnClaims = false;
      if (released > 0) logger.warn({ released }, 'outbox rows claimed by a failed tick put back');
    }
    return runTick(tickDeps, at, tickOptions);
  };

  /** Plans a delivery-only pass for the next retry if it falls due before the next minute. */
  const scheduleWakeUp = async (): Promise<void> => {
    const next = await nextDeliveryAt(deps);
    if (stopped || !next) return;
    const delay = next.getTime() - clock().getTime();
    if (delay >= MINUTE_MS) return;
    clearTimeout(wakeUp);
    wakeUp = setTimeout(() => void tick({ plan: false }), Math.max(delay, MIN_WAKE_UP_MS));
    wakeUp.unref();
  };

  const tick = (tickOptions: { plan?: boolean } = {}): Promise<TickSummary | null> => {
    if (stopped) return Promise.resolve(null);
    // A tick still running (a slow fan-out) is not doubled: the next minute's tick covers the gap.
    const at = clock();
    running ??= run(at, tickOptions)
      .then(async (summary) => {
        if (options.afterTick && !stopped && tickOptions.plan !== false) {
          await options.afterTick(at).catch((error: unknown) => logger.error({ err: error }, 'after-tick job failed'));
        }
        if (!stopped && summary.retried > 0) await scheduleWakeUp().catch((error: unknown) => logger.warn({ err: error }, 'next retry not scheduled'));
        return summary;
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'tick failed');
        releaseOwnClaims = true;
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const task = cron.schedule('* * * * *', () => void tick(), { name: 'rituel-tick' });
  void tick();
  return {
    tickNow: () => tick(),
    async stop() {
      stopped = true;
      clearTimeout(wakeUp);
      await task.stop();
      // The delivery in progress finishes (within the grace period); a row still claimed after it
      // is taken over by another process once its lease expires.
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          logger.warn({ graceMs: options.graceMs ?? 10_000 }, 'tick still running after the grace period; stopping anyway');
          resolve();
        }, options.graceMs ?? 10_000);
      });
      await Promise.race([running, grace]);
      clearTimeout(timer);
      await deps.planLease?.release().catch((error: unknown) => logger.warn({ err: error }, 'planner lease not released'));
    },
  };
}
