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

export interface TickOptions {
  /** false: deliver only (a retry falling due between two minutes); the planner waits for the minute. */
  readonly plan?: boolean;
}

const NOTHING_PLANNED: PlanSummary = { planned: 0, already: 0, skipped: 0, failed: 0 };
/** While the planner works, how often the dispatcher looks again when nothing was due yet. */
const DELIVER_WHILE_PLANNING_POLL_MS = 200;

type Delivered = Pick<TickSummary, 'sent' | 'retried' | 'failed'>;

export async function runTick(deps: TickDeps, now: Date, options: TickOptions = {}): Promise<TickSummary> {
  if (options.plan === false) return { at: now.toISOString(), planned: NOTHING_PLANNED, ...(await dispatch(deps, now)) };
  const leader = deps.planLease ? await deps.planLease.acquire() : true;
  deps.onPlannerTick?.(leader ? 'leader' : 'follower');
  if (!leader) return { at: now.toISOString(), planned: NOTHING_PLANNED, ...(await dispatch(deps, now)) };

  // A fan-out to thousands is delivered while it is planned: what the planner has queued is due
  // at `now` like the rest, and the dispatcher takes it at once instead of after the last target.
  const planned = planDueRituals(
    { prisma: deps.prisma, now, platforms: deps.platforms, logger: deps.logger, ...(deps.memo ? { memo: deps.memo } : {}) },
    deps.rituals,
  );
  const early = deliverWhilePlanning(planned, deps, now);
  // Both are awaited before anything is thrown: no delivery of this tick outlives it.
  const [plan, during] = await Promise.allSettled([planned, early]);
  if (plan.status === 'rejected') throw plan.reason;
  if (during.status === 'rejected') throw during.reason;
  const after = await dispatch(deps, now);
  return { at: now.toISOString(), planned: plan.value, ...add(during.value, after) };
}

async function deliverWhilePlanning(planned: Promise<unknown>, deps: TickDeps, now: Date): Promise<Delivered> {
  let planning = true;
  const done = planned.then(
    () => (planning = false),
    () => (planning = false),
  );
  let total: Delivered = { sent: 0, retried: 0, failed: 0 };
  // Nothing is due before the planner has queued something: first wait a little (a small tick
  // plans in less, and its messages are then sent by the tick's last pass alone).
  await Promise.race([done, sleep(DELIVER_WHILE_PLANNING_POLL_MS)]);
  while (planning && !deps.shouldStop?.()) {
    const round = await dispatch(deps, now);
    total = add(total, round);
    if (round.sent + round.retried + round.failed === 0) await Promise.race([done, sleep(DELIVER_WHILE_PLANNING_POLL_MS)]);
  }
  return total;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function add(a: Delivered, b: Delivered): Delivered {
  return { sent: a.sent + b.sent, retried: a.retried + b.retried, failed: a.failed + b.failed };
}

/** When the next outbox row of this process's platforms falls due (null: nothing pending). */
export async function nextDeliveryAt(deps: Pick<TickDeps, 'prisma' | 'platforms'>): Promise<Date | null> {
  const next = await deps.prisma.outboxMessage.findFirst({
    where: { status: 'PENDING', platform: { in: [...deps.platforms] } },
    orderBy: { nextAttemptAt: 'asc' },
    select: { nextAttemptAt: true },
  });
  return next?.nextAttemptAt ?? null;
}

async function dispatch(deps: TickDeps, now: Date): Promise<Delivered> {
  const dispatched = await dispatchDue({
    prisma: deps.prisma,
    messengers: deps.messengers,
    now,
    workerId: deps.workerId,
    logger: deps.logger,
    ...(deps.onOutcome ? { onOutcome: deps.onOutcome } : {}),
    ...(deps.shouldStop ? { shouldStop: deps.shouldStop } : {}),
  });
  return { sent: dispatched.sent, retried: dispatched.retried, failed: dispatched.failed };
}
