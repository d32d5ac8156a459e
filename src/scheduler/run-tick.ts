/**
 * One tick: the planner (what is due since the previous tick, in each person's time zone), then
 * the dispatcher (what is due in the outbox). The server ticks every minute; `rituel tick --at`
 * runs the same as if the clock read another time.
 */
import type { ChatPlatform } from '../chat/interaction.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import type { PlannerLease } from '../ops/coordination/planner-lease.js';
import { dispatchDue, type DispatchDueOptions } from './dispatch/index.js';
import type { DispatchMessengers } from './dispatch/paced-messenger.js';
import { planDueRituals, type PlanSummary } from './plan-due-rituals.js';
import type { ScheduledRitual } from './scheduled-ritual.js';

export interface TickDeps {
  readonly prisma: Db;
  readonly logger: Logger;
  readonly rituals: readonly ScheduledRitual[];
  readonly messengers: DispatchMessengers;
  /** Platforms messages are queued for, in order of preference (those this process can deliver). */
  readonly platforms: readonly ChatPlatform[];
  /** Who holds the outbox claims of this process. */
  readonly workerId: string;
  /**
   * What the ticks of one run may share (the targets of a day): `rituel tick --until` passes one,
   * nothing changes the organization meanwhile. The server passes none: each tick reads afresh.
   */
  readonly memo?: Map<string, Promise<unknown>>;
  /** Several replicas: only the holder of this lease plans (src/ops/coordination); all dispatch. */
  readonly planLease?: PlannerLease;
  /** Operations hooks (metrics): a tick's role, each delivery outcome. */
  readonly onPlannerTick?: (role: 'leader' | 'follower') => void;
  readonly onOutcome?: DispatchDueOptions['onOutcome'];
  /** True once the process is stopping: the dispatcher claims nothing more and releases what it holds. */
  readonly shouldStop?: () => boolean;
}

export interface TickSummary {
  readonly at: string;
  readonly planned: PlanSummary;
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
}

export async function runTick(deps: TickDeps, now: Date): Promise<TickSummary> {
  const leader = deps.planLease ? await deps.planLease.acquire() : true;
  deps.onPlannerTick?.(leader ? 'leader' : 'follower');
  const planned = leader
    ? await planDueRituals(
        { prisma: deps.prisma, now, platforms: deps.platforms, logger: deps.logger, ...(deps.memo ? { memo: deps.memo } : {}) },
        deps.rituals,
      )
    : { planned: 0, already: 0, skipped: 0, failed: 0 };
  const dispatched = await dispatchDue({
    prisma: deps.prisma,
    messengers: deps.messengers,
    now,
    workerId: deps.workerId,
    logger: deps.logger,
    ...(deps.onOutcome ? { onOutcome: deps.onOutcome } : {}),
    ...(deps.shouldStop ? { shouldStop: deps.shouldStop } : {}),
  });
  return { at: now.toISOString(), planned, sent: dispatched.sent, retried: dispatched.retried, failed: dispatched.failed };
}
