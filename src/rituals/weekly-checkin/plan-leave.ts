/**
 * Leave declared ahead (CP or RTT, from the weekly check-in): a full day of leave on every working
 * day of the mission in the period. A day already recorded as worked is refused rather than
 * overwritten. Those days then get no check-in and no ping.
 */
import type { Tx } from '../../db/client.js';
import type { Channel } from '../../db/generated/client.js';
import { datesBetween, toDateOnlyUTC, type IsoDate } from '../../domain/index.js';
import { domainMission } from '../../services/domain-mission.js';
import { isMissionWorkingDay } from '../mission-calendar.js';
import { CodedError } from '../../errors.js';
import { recordDay } from '../../services/record-day.js';

export interface LeaveRequest {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly kind: 'CP' | 'RTT';
}

export interface PlanLeaveOptions {
  missionId: string;
  leave: LeaveRequest;
  channel: Channel;
  actorId: string;
}

/** Records the leave; returns the days it covers. Throws CodedError LEAVE_OVER_WORK (params { date }). */
export async function planLeave(tx: Tx, options: PlanLeaveOptions): Promise<IsoDate[]> {
  const mission = await tx.mission.findUniqueOrThrow({ where: { id: options.missionId } });
  const calendar = domainMission(mission);
  const days = datesBetween(options.leave.from, options.leave.to).filter((d) => isMissionWorkingDay(calendar, d));
  for (const date of days) {
    const worked = await tx.dayEntry.findFirst({
      where: { personId: mission.consultantId, date: toDateOnlyUTC(date), kind: 'WORKED' },
      select: { id: true },
    });
    if (worked) {
      throw new CodedError('LEAVE_OVER_WORK', `${date} is already recorded as worked`, { date }, { params: { date } });
    }
    await recordDay(tx, { missionId: options.missionId, date, parts: [{ kind: options.leave.kind, fraction: 1 }], channel: options.channel, actorId: options.actorId });
  }
  return days;
}
