import { addDays, daysInMonth, firstDay, isWorkingDay, lastDay, parseYearMonth, type IsoDate, type Region, type YearMonth } from '../../domain/index.js';

/** The closing date of a month: the last working day of the client site's calendar (LAST_WORKING_DAY), or day n (DAY_<n>, clamped). */
export function craCloseDate(month: YearMonth, rule: string, region: Region, whitMondayWorked: boolean): IsoDate {
  const day = /^DAY_(\d{1,2})$/.exec(rule);
  if (day) {
    const { year, month: m } = parseYearMonth(month);
    const n = Math.min(Math.max(Number(day[1]), 1), daysInMonth(year, m));
    return `${month}-${String(n).padStart(2, '0')}`;
  }
  let date = lastDay(month);
  while (date > firstDay(month) && !isWorkingDay(date, region, { whitMondayWorked })) date = addDays(date, -1);
  return date;
}
