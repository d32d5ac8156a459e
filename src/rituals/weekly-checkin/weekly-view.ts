/** A weekly check-in as its message and form show it. */
import type { Db, Tx } from '../../db/client.js';
import type { CheckInStatus } from '../../db/generated/client.js';
import { addDays, fromDateOnlyUTC, type IsoDate } from '../../domain/index.js';
import { refusal } from '../../chat/router/refusal.js';
import { loadMissionDays, type MissionDays } from '../mission-days.js';

export interface WeeklyCheckInView {
  readonly id: string;
  readonly missionId: string;
  readonly missionTitle: string;
  readonly managerId: string;
  readonly organizationId: string;
  /** Monday of the week. */
  readonly monday: IsoDate;
  readonly friday: IsoDate;
  readonly status: CheckInStatus;
  readonly days: MissionDays;
  readonly answers: Readonly<Record<string, string>>;
}

/** `today`: the person's date, so that the days after it are not counted as missing. */
export async function loadWeeklyCheckIn(db: Db | Tx, checkInId: string, personId: string, today?: IsoDate): Promise<WeeklyCheckInView> {
  const checkIn = await db.checkIn.findUnique({
    where: { id: checkInId },
    include: { answers: true, mission: { select: { title: true, consultantId: true, managerId: true, organizationId: true } } },
  });
  if (!checkIn || checkIn.kind !== 'WEEKLY') throw refusal('NOT_FOUND', `No weekly check-in ${checkInId}`);
  if (checkIn.personId !== personId || checkIn.mission.consultantId !== personId) {
    throw refusal('NOT_YOURS', `Check-in ${checkInId} belongs to somebody else`);
  }
  const monday = fromDateOnlyUTC(checkIn.date);
  const friday = addDays(monday, 4);
  return {
    id: checkIn.id,
    missionId: checkIn.missionId,
    missionTitle: checkIn.mission.title,
    managerId: checkIn.mission.managerId,
    organizationId: checkIn.mission.organizationId,
    monday,
    friday,
    status: checkIn.status,
    days: await loadMissionDays(db, checkIn.missionId, monday, friday, today),
    answers: Object.fromEntries(checkIn.answers.map((a) => [a.key, a.value])),
  };
}
