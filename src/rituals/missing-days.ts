/** Working days of a mission not fully accounted for, up to a date (the days a reminder asks for). */
import type { Db, Tx } from '../db/client.js';
import {
  craCompleteness,
  firstDay,
  fromDateOnlyUTC,
  lastDay,
  monthOf,
  toDateOnlyUTC,
  type IsoDate,
} from '../domain/index.js';
import { domainMission } from '../services/domain-mission.js';

export async function missingDaysUntil(db: Db | Tx, missionId: string, until: IsoDate, from?: IsoDate): Promise<IsoDate[]> {
  const month = monthOf(until);
  const mission = await db.mission.findUniqueOrThrow({
    where: { id: missionId },
    select: { consultantId: true, startDate: true, endDate: true, region: true, whitMondayWorked: true },
  });
  const entries = await db.dayEntry.findMany({
    where: { personId: mission.consultantId, date: { gte: toDateOnlyUTC(firstDay(month)), lte: toDateOnlyUTC(lastDay(month)) } },
    select: { date: true, fraction: true },
  });
  const { missingDays } = craCompleteness({
    month,
    mission: domainMission(mission),
    entries: entries.map((e) => ({ date: fromDateOnlyUTC(e.date), fraction: e.fraction.toString() })),
  });
  return missingDays.filter((d) => d <= until && (!from || d >= from));
}
