/** The working days of a mission target: its client site's calendar, inside its window. */
import { addDays, isWithinMissionWindow, isWorkingDay, type IsoDate } from '../domain/index.js';
import type { MissionTarget } from './mission-targets.js';

export function isMissionWorkingDay(target: Pick<MissionTarget, 'region' | 'whitMondayWorked' | 'startDate' | 'endDate'>, date: IsoDate): boolean {
  return isWithinMissionWindow(date, target) && isWorkingDay(date, target.region, { whitMondayWorked: target.whitMondayWorked });
}

/** The mission's working day before `date`, or null when there is none within `maxDays`. */
export function previousMissionWorkingDay(
  target: Pick<MissionTarget, 'region' | 'whitMondayWorked' | 'startDate' | 'endDate'>,
  date: IsoDate,
  maxDays = 10,
): IsoDate | null {
  for (let i = 1; i <= maxDays; i += 1) {
    const day = addDays(date, -i);
    if (isMissionWorkingDay(target, day)) return day;
  }
  return null;
}
