/**
 * Month closing (default: the last working day of the month at 15:00, the mission's time; org
 * settings craCloseRule LAST_WORKING_DAY | DAY_<n> and craCloseTime): each consultant gets, per
 * mission whose window meets the month, their CRA message (calendar, totals, missing days, fix
 * days, Submit). A month with zero activity gets one too. A consultant away on closing day is not
 * pinged: their ESN manager is offered to submit on their behalf, and the consultant gets their
 * month at the closing time of their first day back (unless it was submitted meanwhile).
 * Keys: run and message "cra-close:<missionId>:<month>", manager notice "cra-close-manager:…".
 */
import { firstDay, lastDay } from '../../domain/index.js';
import type { Prisma } from '../../db/client.js';
import { loadCraMission } from '../../services/cra/cra-record.js';
import { ensureTimesheet } from '../../services/cra/submit-cra.js';
import { enqueueMessage } from '../../scheduler/outbox/enqueue-message.js';
import type { RunOutcome, ScheduledRitual } from '../../scheduler/scheduled-ritual.js';
import { isOnLeave } from '../day-state.js';
import { recordRun } from '../record-run.js';
import { dayStateOfTick } from '../tick-day-states.js';
import { absentNoticeMessage } from './close-message.js';
import { craCloseKey, craCloseManagerKey } from './cra-keys.js';
import { craCloseTargets, type CraCloseTarget } from './cra-targets.js';
import { loadCloseMessage } from './load-close-message.js';

export { craCloseDate } from './close-date.js';

export const craCloseRitual: ScheduledRitual<CraCloseTarget> = {
  id: 'cra-close',
  audience: 'consultant',
  targets: craCloseTargets,
  schedule: (target) => ({ timeZone: target.timeZone, time: target.closeTime }),
  async run(ctx, target, occurrence): Promise<RunOutcome> {
    const date = occurrence.localDate;
    const { month } = target;
    if (target.late ? date <= target.closeDate : date !== target.closeDate) return 'skipped';
    const mission = await loadCraMission(ctx.prisma, target.missionId);
    const { calendar } = mission;
    if (calendar.startDate > lastDay(month) || (calendar.endDate !== null && calendar.endDate < firstDay(month))) return 'skipped';
    const away = isOnLeave(await dayStateOfTick(ctx, mission.consultantId, date));
    if (target.late && away) return 'skipped';
    const key = craCloseKey(mission.id, month);
    return ctx.prisma.$transaction(async (tx) => {
      if (target.late) {
        if (!(await recordRun(tx, { key: `${key}:late:${date}`, ritual: 'cra-close', target: { missionId: mission.id, consultantId: mission.consultantId }, occurrence }))) return 'already';
      } else if (away) {
        // Recorded SKIPPED: the consultant gets their month when back (see craCloseTargets).
        const { count } = await tx.ritualRun.createMany({
          data: [{ key, ritual: 'cra-close', missionId: mission.id, personId: mission.consultantId, localDate: new Date(`${date}T00:00:00Z`), scheduledFor: occurrence.scheduledFor, status: 'SKIPPED' }],
          skipDuplicates: true,
        } satisfies Prisma.RitualRunCreateManyArgs);
        if (count === 0) return 'already';
      } else if (!(await recordRun(tx, { key, ritual: 'cra-close', target: { missionId: mission.id, consultantId: mission.consultantId }, occurrence }))) {
        return 'already';
      }
      const timesheetId = await ensureTimesheet(tx, mission.id, month, ctx.now);
      const timesheet = await tx.timesheet.findUniqueOrThrow({ where: { id: timesheetId }, select: { status: true } });
      if (timesheet.status !== 'DRAFT') return 'skipped';
      if (away) {
        await enqueueMessage(tx, {
          dedupeKey: craCloseManagerKey(mission.id, month),
          recipientId: mission.managerId,
          kind: 'cra.close.manager',
          message: absentNoticeMessage(mission.managerLocale, { name: mission.consultant.name, missionTitle: mission.title, missionId: mission.id, month }),
          now: ctx.now,
          platforms: ctx.platforms,
        });
        return 'planned';
      }
      await enqueueMessage(tx, {
        dedupeKey: key,
        recipientId: mission.consultantId,
        kind: 'cra.close',
        message: await loadCloseMessage(tx, mission, month),
        now: ctx.now,
        platforms: ctx.platforms,
      });
      return 'planned';
    });
  },
};
