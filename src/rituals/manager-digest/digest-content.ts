/**
 * What a manager's weekly digest says of each consultant mission: the days of the week gone by,
 * the days still missing this month, the mood trend of the weekly check-ins, the blockers raised.
 * Internal to the ESN.
 */
import type { Db } from '../../db/client.js';
import { addDays, fromDateOnlyUTC, toDateOnlyUTC, type IsoDate } from '../../domain/index.js';
import { missingDaysUntil } from '../missing-days.js';
import { loadMissionDays } from '../mission-days.js';

export interface DigestLine {
  readonly missionId: string;
  readonly missionTitle: string;
  readonly consultantName: string;
  readonly worked: number;
  readonly absent: number;
  /** Working days of the month so far not accounted for. */
  readonly monthGaps: readonly IsoDate[];
  /** Moods of the last weekly check-ins, oldest first. */
  readonly moods: readonly number[];
  readonly blockers: readonly string[];
}

const MOOD_WEEKS = 4;

/** The digest of the period [from, to] (the week before the digest), per active mission of the manager. */
export async function digestLines(prisma: Db, managerId: string, from: IsoDate, to: IsoDate): Promise<DigestLine[]> {
  const missions = await prisma.mission.findMany({
    where: {
      managerId,
      checkinsEnabled: true,
      consultant: { active: true, erasedAt: null },
      startDate: { lte: toDateOnlyUTC(to) },
      OR: [{ endDate: null }, { endDate: { gte: toDateOnlyUTC(from) } }],
    },
    select: { id: true, title: true, consultant: { select: { name: true } } },
    orderBy: [{ consultant: { name: 'asc' } }, { ref: 'asc' }],
  });
  const lines: DigestLine[] = [];
  for (const mission of missions) {
    const days = await loadMissionDays(prisma, mission.id, from, to);
    const checkIns = await prisma.checkIn.findMany({
      where: { missionId: mission.id, date: { gte: toDateOnlyUTC(addDays(from, -7 * MOOD_WEEKS)), lte: toDateOnlyUTC(to) } },
      select: { kind: true, date: true, answers: { where: { key: { in: ['mood', 'blocker', 'blockers'] } } } },
      orderBy: { date: 'asc' },
    });
    const moods = checkIns
      .filter((c) => c.kind === 'WEEKLY')
      .flatMap((c) => c.answers.filter((a) => a.key === 'mood').map((a) => Number(a.value)))
      .slice(-MOOD_WEEKS);
    const blockers = checkIns
      .filter((c) => fromDateOnlyUTC(c.date) >= addDays(from, c.kind === 'WEEKLY' ? -6 : 0))
      .flatMap((c) => c.answers.filter((a) => a.key !== 'mood').map((a) => a.value));
    lines.push({
      missionId: mission.id,
      missionTitle: mission.title,
      consultantName: mission.consultant.name,
      worked: days.days.reduce((sum, d) => sum + d.worked, 0),
      absent: days.days.reduce((sum, d) => sum + d.absent, 0),
      monthGaps: await missingDaysUntil(prisma, mission.id, to),
      moods,
      blockers,
    });
  }
  return lines;
}
