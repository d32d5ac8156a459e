/**
 * What the CRA use cases read about one timesheet: its mission (people, organization, settings
 * that apply: mission override > organization) and its current frozen version.
 */
import type { Tx } from '../../db/client.js';
import { addDays, dateInTimeZone, isWorkingDay, type IsoDate } from '../../domain/index.js';
import { CodedError } from '../../errors.js';
import { personLocale, type Locale } from '../../i18n/index.js';
import type { CraVersionContent } from '../../rituals/cra/cra-content.js';
import { domainMission } from '../domain-mission.js';

export interface CraSettings {
  readonly responseDays: number;
  readonly reminderEvery: number;
  readonly escalateAfter: number;
  readonly backupAfter: number;
  readonly tacitDays: number;
  /** The contract allows tacit acceptance (Mission.tacitAcceptance). */
  readonly tacit: boolean;
}

export async function loadCraMission(tx: Tx, missionId: string) {
  const mission = await tx.mission.findUniqueOrThrow({
    where: { id: missionId },
    include: {
      organization: true,
      client: { select: { id: true, name: true } },
      consultant: { select: { id: true, name: true, locale: true } },
      manager: { select: { id: true, name: true, locale: true } },
    },
  });
  const org = mission.organization;
  const settings: CraSettings = {
    responseDays: mission.clientResponseWorkingDays ?? org.clientResponseWorkingDays,
    reminderEvery: Math.max(1, mission.reminderEveryWorkingDays ?? org.reminderEveryWorkingDays),
    escalateAfter: mission.escalateAfterWorkingDays ?? org.escalateAfterWorkingDays,
    backupAfter: mission.backupAfterWorkingDays ?? org.backupAfterWorkingDays,
    tacitDays: org.tacitAcceptanceWorkingDays,
    tacit: mission.tacitAcceptance,
  };
  const calendar = domainMission(mission);
  return {
    ...mission,
    settings,
    calendar,
    consultantLocale: personLocale(mission.consultant.locale, org.locale) as Locale,
    managerLocale: personLocale(mission.manager.locale, org.locale) as Locale,
  };
}

export type CraMission = Awaited<ReturnType<typeof loadCraMission>>;

export async function loadCraRecord(tx: Tx, timesheetId: string) {
  const timesheet = await tx.timesheet.findUnique({ where: { id: timesheetId } });
  if (!timesheet) throw new CodedError('NOT_FOUND', `No timesheet ${timesheetId}`);
  const mission = await loadCraMission(tx, timesheet.missionId);
  const current = await tx.timesheetVersion.findUnique({ where: { timesheetId_version: { timesheetId, version: timesheet.version } } });
  return { timesheet, mission, current, content: current ? (current.content as unknown as CraVersionContent) : null };
}

export type CraRecord = Awaited<ReturnType<typeof loadCraRecord>>;

/** The mission's local date of an instant. */
export function missionDate(mission: CraMission, instant: Date): IsoDate {
  return dateInTimeZone(instant, mission.timezone);
}

/** The working day `n` working days after `date` on the mission's calendar. */
export function addWorkingDays(mission: CraMission, date: IsoDate, n: number): IsoDate {
  let day = date;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, mission.calendar.region, { whitMondayWorked: mission.calendar.whitMondayWorked })) left -= 1;
  }
  return day;
}

/** Working days of the mission's calendar after `from` up to `to` included. */
export function workingDaysElapsed(mission: CraMission, from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day, mission.calendar.region, { whitMondayWorked: mission.calendar.whitMondayWorked })) count += 1;
  }
  return count;
}
