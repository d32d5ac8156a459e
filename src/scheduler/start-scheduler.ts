/**
 * The scheduler of the server: node-cron only ticks, every minute; each tick runs the planner and
 * the dispatcher (run-tick.ts). The first tick runs at start and catches up what was missed while
 * the process was down (within each organization's catch-up window). Ticks never overlap.
 */
import cron from 'node-cron';
import type { Logger } from '../log.js';
import { runTick, type TickDeps, type TickSummary } from './run-tick.js';

export interface Scheduler {
  /** Runs one tick now (also what the cron job does); resolves when it is done. */
  tickNow(): Promise<TickSummary | null>;
  stop(): Promise<void>;
}

export function startScheduler(deps: TickDeps, logger: Logger, options: { clock?: () => Date } = {}): Scheduler {
  const clock = options.clock ?? (() => new Date());
  let running: Promise<TickSummary | null> | null = null;
  let stopped = false;

  const tick = (): Promise<TickSummary | null> => {
    if (stopped) return Promise.resolve(null);
    // A tick still running (a slow fan-out) is not doubled: the next minute's tick covers the gap.
    running ??= runTick(deps, clock())
      .catch((error: unknown) => {
        logger.error({ err: error }, 'tick failed');
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
    tickNow: tick,
    async stop() {
      stopped = true;
      await task.stop();
      await running;
    },
  };
}
