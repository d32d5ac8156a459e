/** A consultant's missions over a range of days (the window of each overlaps it). */
import type { HandlerContext } from '../chat/router/definitions.js';
import type { Db, Tx } from '../db/client.js';
import { toDateOnlyUTC, type IsoDate } from '../domain/index.js';

function overlapping(consultantId: string, from: IsoDate, to: IsoDate) {
  return {
    consultantId,
    startDate: { lte: toDateOnlyUTC(to) },
    OR: [{ endDate: null }, { endDate: { gte: toDateOnlyUTC(from) } }],
  };
}

/** The acting person's missions that overlap a range of days (as consultant), by start date. */
export async function consultantMissions(ctx: HandlerContext, from: IsoDate, to: IsoDate) {
  return ctx.prisma.mission.findMany({
    where: overlapping(ctx.person.id, from, to),
    select: { id: true, title: true },
    orderBy: { startDate: 'asc' },
  });
}

/** Whether the consultant has a mission besides `missionId` during the range ("nothing on this mission" is then an answer). */
export async function hasOtherMission(db: Db | Tx, consultantId: string, missionId: string, from: IsoDate, to: IsoDate): Promise<boolean> {
  return (await db.mission.count({ where: { ...overlapping(consultantId, from, to), id: { not: missionId } } })) > 0;
}
