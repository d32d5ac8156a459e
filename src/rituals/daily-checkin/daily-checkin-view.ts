/** A daily check-in as its messages show it: the day, the mission, what is recorded, the answers. */
import type { Db, Tx } from '../../db/client.js';
import type { CheckInStatus, Granularity } from '../../db/generated/client.js';
import { fromDateOnlyUTC, type DayKind, type IsoDate } from '../../domain/index.js';
import { refusal } from '../../chat/router/refusal.js';
import { hasOtherMission } from '../consultant-missions.js';
import { choiceOf, type DayChoice } from '../day-choices.js';

export interface DailyCheckInView {
  readonly id: string;
  readonly personId: string;
  readonly missionId: string;
  readonly missionTitle: string;
  readonly granularity: Granularity;
  readonly date: IsoDate;
  readonly status: CheckInStatus;
  /** What this mission holds for the day, as one choice (null: nothing yet, or something the choices cannot say). */
  readonly choice: DayChoice | null;
  /** The consultant has another mission that day (a "nothing on this mission" answer makes sense). */
  readonly otherMission: boolean;
  /** 'AM' or 'PM' for a half day answered in the check-in. */
  readonly half: 'AM' | 'PM' | null;
  readonly note: string | null;
  readonly blocker: string | null;
}

/** Reads a daily check-in; refuses when it does not exist or is somebody else's. */
export async function loadDailyCheckIn(db: Db | Tx, checkInId: string, personId: string): Promise<DailyCheckInView> {
  const checkIn = await db.checkIn.findUnique({
    where: { id: checkInId },
    include: {
      answers: true,
      mission: {
        select: { title: true, granularity: true, consultantId: true },
      },
    },
  });
  if (!checkIn || checkIn.kind !== 'DAILY') throw refusal('NOT_FOUND', `No daily check-in ${checkInId}`);
  if (checkIn.personId !== personId || checkIn.mission.consultantId !== personId) {
    throw refusal('NOT_YOURS', `Check-in ${checkInId} belongs to somebody else`);
  }
  const entries = await db.dayEntry.findMany({
    where: { personId, date: checkIn.date },
    select: { missionId: true, kind: true, fraction: true },
  });
  const own = entries.filter((e) => e.missionId === checkIn.missionId);
  const date = fromDateOnlyUTC(checkIn.date);
  const answer = (key: string): string | null => checkIn.answers.find((a) => a.key === key)?.value ?? null;
  const half = answer('half');
  return {
    id: checkIn.id,
    personId,
    missionId: checkIn.missionId,
    missionTitle: checkIn.mission.title,
    granularity: checkIn.mission.granularity,
    date,
    status: checkIn.status,
    choice: choiceOf(own.map((e) => ({ kind: e.kind as DayKind, fraction: Number(e.fraction.toString()) }))),
    otherMission: await hasOtherMission(db, personId, checkIn.missionId, date, date),
    half: half === 'AM' || half === 'PM' ? half : null,
    note: answer('note'),
    blocker: answer('blocker'),
  };
}
