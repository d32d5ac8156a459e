/**
 * The days of one mission over a range, as the consultant's views show them: working or not
 * (weekend, holiday of the client site's calendar), inside the mission window or not, what is
 * recorded (as one day choice when it can be said so), and whether the month can still change.
 */
import type { Db, Tx } from '../db/client.js';
import type { Granularity } from '../db/generated/client.js';
import {
  datesBetween,
  fromDateOnlyUTC,
  holidayOn,
  isWithinMissionWindow,
  isWorkingDay,
  monthOf,
  toDateOnlyUTC,
  type DayKind,
  type IsoDate,
} from '../domain/index.js';
import { formatNumber, t, type Locale } from '../i18n/index.js';
import { isMonthEditable } from '../services/assert-month-editable.js';
import { domainMission } from '../services/domain-mission.js';
import { choiceLabel, choiceOf, type DayChoice } from './day-choices.js';

export interface MissionDay {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly holiday: string | null;
  readonly inMission: boolean;
  /** After today: nothing is expected yet (leave can be declared ahead). */
  readonly future: boolean;
  /** This mission's entries that day, as a choice (null: nothing, or quarters). */
  readonly choice: DayChoice | null;
  readonly worked: number;
  readonly absent: number;
  /** Everything the person recorded that day, all missions together. */
  readonly personTotal: number;
  /** The month's CRA is still a draft (or disputed). */
  readonly editable: boolean;
}

export interface MissionDays {
  readonly missionId: string;
  readonly missionTitle: string;
  readonly consultantId: string;
  readonly granularity: Granularity;
  readonly days: readonly MissionDay[];
}

/** `today` (the person's): days after it are not missing yet. Without it, no day is in the future. */
export async function loadMissionDays(db: Db | Tx, missionId: string, from: IsoDate, to: IsoDate, today?: IsoDate): Promise<MissionDays> {
  const mission = await db.mission.findUniqueOrThrow({ where: { id: missionId } });
  const window = domainMission(mission);
  const { region } = window;
  const calendar = { whitMondayWorked: window.whitMondayWorked };
  const entries = await db.dayEntry.findMany({
    where: { personId: mission.consultantId, date: { gte: toDateOnlyUTC(from), lte: toDateOnlyUTC(to) } },
    select: { missionId: true, date: true, kind: true, fraction: true },
  });
  const dates = datesBetween(from, to);
  const editableByMonth = new Map<string, boolean>();
  for (const month of new Set(dates.map(monthOf))) editableByMonth.set(month, await isMonthEditable(db, missionId, month));

  const days = dates.map((date): MissionDay => {
    const ofDay = entries.filter((e) => fromDateOnlyUTC(e.date) === date).map((e) => ({ ...e, value: Number(e.fraction.toString()) }));
    const own = ofDay.filter((e) => e.missionId === missionId);
    return {
      date,
      working: isWorkingDay(date, region, calendar),
      holiday: holidayOn(date, region, calendar),
      inMission: isWithinMissionWindow(date, window),
      future: today !== undefined && date > today,
      choice: choiceOf(own.map((e) => ({ kind: e.kind as DayKind, fraction: e.value }))),
      worked: own.filter((e) => e.kind === 'WORKED').reduce((sum, e) => sum + e.value, 0),
      absent: own.filter((e) => e.kind !== 'WORKED').reduce((sum, e) => sum + e.value, 0),
      personTotal: ofDay.reduce((sum, e) => sum + e.value, 0),
      editable: editableByMonth.get(monthOf(date)) ?? true,
    };
  });
  return { missionId, missionTitle: mission.title, consultantId: mission.consultantId, granularity: mission.granularity, days };
}

/** A working day of the mission, today or before, the consultant still has to account for. */
export function isGap(day: MissionDay): boolean {
  return day.working && day.inMission && !day.future && day.personTotal < 1;
}

/** How a day reads in a view: its choice, "to fill in", a holiday... */
export function dayStatusText(locale: Locale, day: MissionDay): string {
  if (!day.inMission) return t(locale, 'day.outside');
  if (day.holiday && day.worked === 0) return t(locale, 'day.holiday', { holiday: day.holiday });
  if (!day.working && day.worked === 0) return t(locale, 'day.notWorking');
  if (day.choice) return choiceLabel(locale, day.choice);
  if (day.worked === 0 && day.absent === 0 && day.personTotal >= 1) return choiceLabel(locale, 'none');
  if (day.worked > 0 || day.absent > 0) {
    return t(locale, 'day.custom', { worked: formatNumber(locale, day.worked), absent: formatNumber(locale, day.absent) });
  }
  return t(locale, day.future ? 'day.future' : 'day.empty');
}
