/**
 * The mission window: a mission runs from its start date to its end date (both included),
 * or indefinitely when it has no end date. Days outside the window are not part of the CRA.
 */
import { assertIsoDate, daysOfMonth, type IsoDate, type YearMonth } from './dates.js';
import { isWorkingDay, type CalendarOptions, type Region } from './calendar.js';

export interface MissionWindow {
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
}

export function isWithinMissionWindow(date: IsoDate, window: MissionWindow): boolean {
  assertIsoDate(date);
  assertIsoDate(window.startDate);
  if (window.endDate !== null) assertIsoDate(window.endDate);
  return date >= window.startDate && (window.endDate === null || date <= window.endDate);
}

/** Dates of the month that fall inside the mission window (the days of that month's CRA). */
export function missionDatesOfMonth(ym: YearMonth, window: MissionWindow): IsoDate[] {
  return daysOfMonth(ym).filter((d) => isWithinMissionWindow(d, window));
}

/**
 * Working days of the month inside the mission window ("jours potentiels" of the mission);
 * Whit Monday is one with `whitMondayWorked`.
 */
export function missionWorkingDaysOfMonth(
  ym: YearMonth,
  window: MissionWindow,
  region: Region,
  options?: CalendarOptions,
): IsoDate[] {
  return missionDatesOfMonth(ym, window).filter((d) => isWorkingDay(d, region, options));
}
