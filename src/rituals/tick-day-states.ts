/**
 * What the planner asks about every target of a tick, read once per tick for all of them instead of
 * once per target (a fan-out of thousands of check-ins would otherwise cost two queries each):
 * everybody's day state on a date, and the missions whose month is no longer editable.
 * Keyed by the tick's instant: a run of ticks (`rituel tick --until`) reads afresh at each tick.
 */
import type { TickContext } from '../scheduler/scheduled-ritual.js';
import { oncePerTick } from '../scheduler/scheduled-ritual.js';
import { toDateOnlyUTC, type IsoDate, type YearMonth } from '../domain/index.js';
import type { DayState } from './day-state.js';

const EMPTY: DayState = { total: 0, absent: 0 };

function dayStatesOn(ctx: TickContext, date: IsoDate): Promise<Map<string, DayState>> {
  return oncePerTick(ctx, `day-states:${date}:${ctx.now.toISOString()}`, async () => {
    const entries = await ctx.prisma.dayEntry.findMany({ where: { date: toDateOnlyUTC(date) }, select: { personId: true, kind: true, fraction: true } });
    const states = new Map<string, { total: number; absent: number }>();
    for (const e of entries) {
      const state = states.get(e.personId) ?? { total: 0, absent: 0 };
      const value = Number(e.fraction.toString());
      state.total += value;
      if (e.kind !== 'WORKED') state.absent += value;
      states.set(e.personId, state);
    }
    return states;
  });
}

/** The person's day state on `date` (as personDayState), from the tick's one read of that date. */
export async function dayStateOfTick(ctx: TickContext, personId: string, date: IsoDate): Promise<DayState> {
  return (await dayStatesOn(ctx, date)).get(personId) ?? EMPTY;
}

/** Whether the days of the mission's month may still change (as isMonthEditable), from the tick's one read of that month. */
export async function monthEditableOfTick(ctx: TickContext, missionId: string, month: YearMonth): Promise<boolean> {
  const locked = await oncePerTick(ctx, `locked-months:${month}:${ctx.now.toISOString()}`, async () => {
    const rows = await ctx.prisma.timesheet.findMany({ where: { month, status: { notIn: ['DRAFT', 'DISPUTED'] } }, select: { missionId: true } });
    return new Set(rows.map((r) => r.missionId));
  });
  return !locked.has(missionId);
}
