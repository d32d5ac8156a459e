/**
 * The planner: for each ritual and each of its targets, the occurrences due since the previous
 * tick (at most the organization's catch-up window back) are run. The previous tick is remembered
 * in SchedulerState; the unique run keys make a second look at the same window harmless.
 */
import type { ScheduledRitual, ScheduledTarget, TickContext } from './scheduled-ritual.js';
import { occurrencesBetween } from './schedule.js';

const PLANNER_STATE = 'planner';

export interface PlanSummary {
  readonly planned: number;
  readonly already: number;
  readonly skipped: number;
  readonly failed: number;
}

/** Start of the window a target is planned over: the previous tick, within its catch-up window. */
export function windowStart(previousTick: Date | null, now: Date, catchUpMinutes: number): Date {
  const earliest = new Date(now.getTime() - Math.max(catchUpMinutes, 1) * 60_000);
  if (!previousTick || previousTick.getTime() >= now.getTime() || previousTick.getTime() < earliest.getTime()) return earliest;
  return previousTick;
}

export async function planDueRituals(tick: TickContext, rituals: readonly ScheduledRitual[]): Promise<PlanSummary> {
  const ctx: TickContext = { ...tick, memo: tick.memo ?? new Map() };
  const { prisma, now, logger } = ctx;
  const state = await prisma.schedulerState.findUnique({ where: { name: PLANNER_STATE } });
  const previous = state?.lastTickAt ?? null;
  const counts = { planned: 0, already: 0, skipped: 0, failed: 0 };
  for (const ritual of rituals) {
    for (const target of await ritual.targets(ctx)) {
      await planTarget(ctx, ritual, target, windowStart(previous, now, target.catchUpMinutes), counts);
    }
  }
  // A failed occurrence was not recorded: the window is kept, so the next tick tries it again.
  if (counts.failed === 0) {
    await prisma.schedulerState.upsert({
      where: { name: PLANNER_STATE },
      create: { name: PLANNER_STATE, lastTickAt: now },
      update: { lastTickAt: now },
    });
  }
  if (counts.planned > 0 || counts.failed > 0) logger.info({ ...counts, at: now.toISOString() }, 'rituals planned');
  return counts;
}

async function planTarget<T extends ScheduledTarget>(
  ctx: TickContext,
  ritual: ScheduledRitual<T>,
  target: T,
  from: Date,
  counts: { planned: number; already: number; skipped: number; failed: number },
): Promise<void> {
  const schedule = ritual.schedule(target);
  if (!schedule) return;
  for (const occurrence of occurrencesBetween(schedule, from, ctx.now)) {
    try {
      counts[await ritual.run(ctx, target, occurrence)] += 1;
    } catch (error) {
      // One broken target must not stop the others; the occurrence was not recorded.
      counts.failed += 1;
      ctx.logger.error({ err: error, ritual: ritual.id, date: occurrence.localDate }, 'ritual occurrence failed');
    }
  }
}
