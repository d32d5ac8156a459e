/**
 * Day entries: what a person did on one calendar date, as a fraction of the day.
 * A date can hold several entries (0.5 WORKED + 0.5 CP); the total of a person on a date,
 * across all missions and absences, is at most 1.
 */
import { isIsoDate, isWeekend, type IsoDate } from './dates.js';
import { holidayOn, type CalendarOptions, type Region } from './calendar.js';
import { isWithinMissionWindow, type MissionWindow } from './mission-window.js';
import {
  checkFraction,
  parseFraction,
  quartersToDays,
  quartersToString,
  QUARTERS_PER_DAY,
  type Granularity,
} from './fractions.js';
import type { DomainProblem, ProblemParams } from './errors.js';

export const DAY_KINDS = ['WORKED', 'CP', 'RTT', 'SICK', 'TRAINING', 'OTHER'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** Every kind but WORKED. */
export const ABSENCE_KINDS = ['CP', 'RTT', 'SICK', 'TRAINING', 'OTHER'] as const satisfies readonly DayKind[];
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

/** CP and RTT: planned leave, excluded from the TACE base. */
export const PLANNED_LEAVE_KINDS = ['CP', 'RTT'] as const satisfies readonly DayKind[];
export type PlannedLeaveKind = (typeof PLANNED_LEAVE_KINDS)[number];

export function isDayKind(value: unknown): value is DayKind {
  return typeof value === 'string' && (DAY_KINDS as readonly string[]).includes(value);
}

export function isAbsence(kind: DayKind): kind is AbsenceKind {
  return kind !== 'WORKED';
}

export function isPlannedLeave(kind: DayKind): kind is PlannedLeaveKind {
  return kind === 'CP' || kind === 'RTT';
}

export interface DayEntryInput {
  readonly date: IsoDate;
  /** Fraction of the day: a number or a decimal string with '.' ("0.5"). */
  readonly fraction: number | string;
  readonly kind: DayKind;
}

export interface DayEntryMission extends MissionWindow, CalendarOptions {
  readonly granularity: Granularity;
  readonly region: Region;
}

export interface OtherDayEntry {
  readonly missionId?: string | null;
  readonly kind: DayKind;
  /** Stored fraction (any whole number of quarters up to 1). */
  readonly fraction: number | string;
}

export interface ValidateDayEntryInput {
  readonly entry: DayEntryInput;
  readonly mission: DayEntryMission;
  /** All of this person's other entries on that date (all missions and absences), excluding the one being replaced. */
  readonly otherEntriesSameDate: readonly OtherDayEntry[];
  /** Explicit override to record WORKED time on a weekend or public holiday (flagged on the CRA). */
  readonly allowNonWorkingDay: boolean;
}

/**
 * Validates one day entry. Returns every problem found (empty array = valid):
 * INVALID_DATE, INVALID_KIND, INVALID_FRACTION, FRACTION_NOT_ALLOWED, OUTSIDE_MISSION_WINDOW,
 * NON_WORKING_DAY, DAY_OVERBOOKED. Each problem has the `params` of its localized text:
 * INVALID_DATE { value }; INVALID_KIND { kind }; INVALID_FRACTION / FRACTION_NOT_ALLOWED { value,
 * granularity, allowed }; OUTSIDE_MISSION_WINDOW { date, start, end } (variant 'openEnded' without
 * `end`); NON_WORKING_DAY { date, holiday? } with variant holidayWork, holidayAbsence, weekendWork
 * or weekendAbsence; DAY_OVERBOOKED { date, total, already } (days, numbers).
 * Whit Monday is a working day for a mission with `whitMondayWorked`.
 * Throws INVALID_FRACTION only when one of `otherEntriesSameDate` holds corrupt data.
 */
export function validateDayEntry(input: ValidateDayEntryInput): DomainProblem[] {
  const { entry, mission, otherEntriesSameDate, allowNonWorkingDay } = input;
  const { date } = entry;
  if (!isIsoDate(date)) {
    return [
      {
        code: 'INVALID_DATE',
        message: `Invalid date: ${String(date)} (expected YYYY-MM-DD)`,
        params: { value: String(date) },
      },
    ];
  }

  const problems: DomainProblem[] = [];
  const kindValid = isDayKind(entry.kind);
  if (!kindValid) {
    problems.push({
      code: 'INVALID_KIND',
      message: `Invalid day kind: ${String(entry.kind)}`,
      date,
      params: { kind: String(entry.kind) },
    });
  }

  const fraction = checkFraction(entry.fraction, mission.granularity);
  if (!fraction.ok) problems.push({ code: fraction.code, message: fraction.message, date, params: fraction.params });

  if (!isWithinMissionWindow(date, mission)) {
    const end = mission.endDate ?? 'open-ended';
    problems.push({
      code: 'OUTSIDE_MISSION_WINDOW',
      message: `${date} is outside the mission window (${mission.startDate} – ${end})`,
      date,
      params:
        mission.endDate === null
          ? { date, start: mission.startDate }
          : { date, start: mission.startDate, end: mission.endDate },
      ...(mission.endDate === null ? { variant: 'openEnded' } : {}),
    });
  }

  if (fraction.ok && fraction.quarters > 0 && kindValid) {
    const holiday = holidayOn(date, mission.region, { whitMondayWorked: mission.whitMondayWorked });
    const weekend = isWeekend(date);
    if (weekend || holiday !== null) {
      const what = holiday !== null ? `a public holiday (${holiday})` : 'a weekend day';
      const params: ProblemParams = holiday !== null ? { date, holiday } : { date };
      const day = holiday !== null ? 'holiday' : 'weekend';
      if (isAbsence(entry.kind)) {
        problems.push({
          code: 'NON_WORKING_DAY',
          message: `${date} is ${what}: no absence can be recorded on it`,
          date,
          params,
          variant: `${day}Absence`,
        });
      } else if (!allowNonWorkingDay) {
        problems.push({
          code: 'NON_WORKING_DAY',
          message: `${date} is ${what}: recording work needs an explicit override`,
          date,
          params,
          variant: `${day}Work`,
        });
      }
    }
  }

  if (fraction.ok) {
    const others = otherEntriesSameDate.reduce((sum, other) => sum + parseFraction(other.fraction, 'QUARTER'), 0);
    const total = others + fraction.quarters;
    if (total > QUARTERS_PER_DAY) {
      problems.push({
        code: 'DAY_OVERBOOKED',
        message: `${date} would total ${quartersToString(total)} days (at most 1; already ${quartersToString(others)} elsewhere)`,
        date,
        params: { date, total: quartersToDays(total), already: quartersToDays(others) },
      });
    }
  }

  return problems;
}

export interface DayEntryFlags {
  readonly weekend: boolean;
  /** Public holiday name, or null. */
  readonly holiday: string | null;
  /** True for WORKED time (> 0) on a weekend or holiday: an explicit override, flagged on the CRA. */
  readonly nonWorkingDayOverride: boolean;
}

/**
 * Tells whether an entry falls on a weekend/holiday and whether it is a flagged override
 * (work on Whit Monday is not one for a mission with `whitMondayWorked`).
 */
export function flagsForEntry(entry: DayEntryInput, region: Region, options?: CalendarOptions): DayEntryFlags {
  const weekend = isWeekend(entry.date);
  const holiday = holidayOn(entry.date, region, options);
  const quarters = parseFraction(entry.fraction, 'QUARTER');
  return {
    weekend,
    holiday,
    nonWorkingDayOverride: entry.kind === 'WORKED' && quarters > 0 && (weekend || holiday !== null),
  };
}
