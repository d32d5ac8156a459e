/**
 * CRA completeness: a CRA can be submitted only when every working day of the month inside the
 * mission window is fully accounted for (the person's entries on that date, across all missions
 * and absences, total exactly one day). Weekends and holidays are never missing.
 */
import { compareDates, type IsoDate, type YearMonth } from './dates.js';
import { monthCalendar, type CalendarDay, type MissionCalendar } from './calendar.js';
import { isWithinMissionWindow, missionWorkingDaysOfMonth, type MissionWindow } from './mission-window.js';
import { parseFraction, QUARTERS_PER_DAY } from './fractions.js';

export interface CompletenessEntry {
  readonly date: IsoDate;
  readonly fraction: number | string;
}

export interface CraCompletenessInput {
  readonly month: YearMonth;
  /** Window and calendar of the mission (Whit Monday must be filled when `whitMondayWorked`). */
  readonly mission: MissionWindow & MissionCalendar;
  /** All of the person's entries in the month (this mission, other missions, absences). */
  readonly entries: readonly CompletenessEntry[];
}

export interface CraCompleteness {
  readonly complete: boolean;
  /** Working days in the window whose entries total less than one day, in date order. */
  readonly missingDays: IsoDate[];
}

export function craCompleteness(input: CraCompletenessInput): CraCompleteness {
  const totals = new Map<IsoDate, number>();
  for (const e of input.entries) {
    totals.set(e.date, (totals.get(e.date) ?? 0) + parseFraction(e.fraction, 'QUARTER'));
  }
  const { region, whitMondayWorked } = input.mission;
  const missingDays = missionWorkingDaysOfMonth(input.month, input.mission, region, { whitMondayWorked })
    .filter((d) => (totals.get(d) ?? 0) < QUARTERS_PER_DAY)
    .sort(compareDates);
  return { complete: missingDays.length === 0, missingDays };
}

/** One day of a mission's month as the ESN sees it, before what was recorded on it. */
export interface CraMonthDay extends CalendarDay {
  /** Inside the mission window (days outside are not part of the CRA). */
  readonly inMission: boolean;
  /** Working day inside the window that is not fully accounted for. */
  readonly missing: boolean;
}

/** The completeness of the month and each of its days (the CRA grid and `rituel cra show` add the entries). */
export function craMonthDays(input: CraCompletenessInput): CraCompleteness & { readonly days: CraMonthDay[] } {
  const completeness = craCompleteness(input);
  const missing = new Set(completeness.missingDays);
  const { region, whitMondayWorked } = input.mission;
  const days = monthCalendar(input.month, region, { whitMondayWorked }).days.map(
    (day): CraMonthDay => ({ ...day, inMission: isWithinMissionWindow(day.date, input.mission), missing: missing.has(day.date) }),
  );
  return { ...completeness, days };
}
