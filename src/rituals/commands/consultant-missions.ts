import type { HandlerContext } from '../../chat/router/definitions.js';
import { toDateOnlyUTC, type IsoDate } from '../../domain/index.js';

/** The acting person's missions that overlap a range of days (as consultant), by start date. */
export async function consultantMissions(ctx: HandlerContext, from: IsoDate, to: IsoDate) {
  return ctx.prisma.mission.findMany({
    where: {
      consultantId: ctx.person.id,
      startDate: { lte: toDateOnlyUTC(to) },
      OR: [{ endDate: null }, { endDate: { gte: toDateOnlyUTC(from) } }],
    },
    select: { id: true, title: true },
    orderBy: { startDate: 'asc' },
  });
}
