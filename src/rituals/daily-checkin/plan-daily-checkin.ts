/**
 * The daily check-in (default 17:30, the consultant's time): on each working day of the mission's
 * calendar inside its window, unless the consultant is on leave, the day is already filled or the
 * month's CRA is submitted, one check-in per mission and day ("daily:<missionId>:<date>").
 */
import type { Tx } from '../../db/client.js';
import { monthOf, type IsoDate } from '../../domain/index.js';
import { enqueueMessage } from '../../scheduler/outbox/enqueue-message.js';
import type { Occurrence } from '../../scheduler/schedule.js';
import type { RunOutcome, ScheduledRitual, TickContext } from '../../scheduler/scheduled-ritual.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { ensureCheckIn } from '../check-in-answers.js';
import { isFilled } from '../day-state.js';
import { isMissionWorkingDay } from '../mission-calendar.js';
import { missionTargetsOfTick, type MissionTarget } from '../mission-targets.js';
import { recordRun } from '../record-run.js';
import { dayStateOfTick, monthEditableOfTick } from '../tick-day-states.js';
import { dailyQuestionMessage } from './daily-checkin-messages.js';
import { loadDailyCheckIn } from './daily-checkin-view.js';
import { dailyCheckInKey } from './keys.js';

/** Whether a check-in makes sense for that day (shared by the schedule and the demo trigger). */
export async function dailyCheckInDue(ctx: TickContext, target: MissionTarget, date: IsoDate): Promise<boolean> {
  if (!isMissionWorkingDay(target, date)) return false;
  if (isFilled(await dayStateOfTick(ctx, target.consultantId, date))) return false;
  return monthEditableOfTick(ctx, target.missionId, monthOf(date));
}

export interface QueueOptions {
  /** Key of the message in the outbox (the run key, or a demo trigger's own key). */
  messageKey: string;
  /** False only for the demo trigger: show it now, whatever the hour. */
  respectQuietHours?: boolean;
  /** Words the question as the next morning's reminder. */
  reminder?: boolean;
}

/** Creates the check-in (once) and queues its message; returns its id. */
export async function createDailyCheckIn(tx: Tx, ctx: TickContext, target: MissionTarget, date: IsoDate, queue: QueueOptions): Promise<string> {
  const checkInId = await ensureCheckIn(tx, { missionId: target.missionId, personId: target.consultantId, kind: 'DAILY', date, now: ctx.now });
  const view = await loadDailyCheckIn(tx, checkInId, target.consultantId);
  const queued = await enqueueMessage(tx, {
    dedupeKey: queue.messageKey,
    recipientId: target.consultantId,
    kind: queue.reminder ? 'checkin.daily.reminder' : 'checkin.daily',
    message: dailyQuestionMessage(target.locale, view, queue.reminder === true),
    now: ctx.now,
    platforms: ctx.platforms,
    respectQuietHours: queue.respectQuietHours !== false,
  });
  if (queued.status === 'unreachable') await alertUnreachable(tx, ctx, target);
  return checkInId;
}

/** Nobody can be reached on any configured platform: the manager is told, once per person. */
export async function alertUnreachable(tx: Tx, ctx: TickContext, target: MissionTarget): Promise<void> {
  await raiseAlert(tx, {
    kind: 'UNKNOWN_USER',
    dedupeKey: `unreachable:${target.consultantId}`,
    organizationId: target.organizationId,
    missionId: target.missionId,
    subjectId: target.consultantId,
    recipientId: target.managerId,
    facts: { mission: target.missionTitle },
    now: ctx.now,
    platforms: ctx.platforms,
  });
}

export const dailyCheckInRitual: ScheduledRitual<MissionTarget> = {
  id: 'daily',
  audience: 'consultant',
  targets: missionTargetsOfTick,
  schedule: (target) => ({ timeZone: target.timeZone, time: target.dailyTime }),
  async run(ctx, target, occurrence: Occurrence): Promise<RunOutcome> {
    const date = occurrence.localDate;
    if (!(await dailyCheckInDue(ctx, target, date))) return 'skipped';
    const key = dailyCheckInKey(target.missionId, date);
    return ctx.prisma.$transaction(async (tx) => {
      if (!(await recordRun(tx, { key, ritual: 'daily', target, occurrence }))) return 'already';
      await createDailyCheckIn(tx, ctx, target, date, { messageKey: key });
      return 'planned';
    });
  },
};
