/**
 * The month as a few lines of text that fit a chat message: one line per week, one symbol per day
 * (ESN view), or the billable units per day (client view: no absence, no reason, just 0).
 */
import { addDays, isoWeekday, type IsoDate } from '../../domain/index.js';
import { formatShortDay } from '../../i18n/format-date.js';
import { formatNumber, t, type Locale } from '../../i18n/index.js';
import type { CraGridDay, CraVersionDay } from './cra-content.js';

/** Mondays-first weeks of the dates given (in order). */
function weeksOf<T extends { date: IsoDate }>(days: readonly T[]): T[][] {
  const weeks: T[][] = [];
  let current: T[] = [];
  for (const day of days) {
    if (current.length > 0 && isoWeekday(day.date) === 1) {
      weeks.push(current);
      current = [];
    }
    current.push(day);
  }
  if (current.length > 0) weeks.push(current);
  return weeks;
}

const dayNumber = (date: IsoDate): string => date.slice(8);

function symbol(day: CraGridDay, disputed: ReadonlySet<IsoDate>): string {
  let s: string;
  if (!day.inMission) s = '–';
  else if (day.missing) s = '⚠';
  else if (day.worked >= 1) s = '●';
  else if (day.worked > 0) s = '◐';
  else if (day.absent > 0) s = '○';
  else if (day.holiday) s = '☆';
  else if (!day.working) s = '▫';
  else s = '○';
  return disputed.has(day.date) ? `${s}⚑` : s;
}

/** ESN view (consultant, manager): "*Sem. du lun. 2* : 02● 03● 04◐ …" per week. */
export function gridLines(locale: Locale, days: readonly CraGridDay[], disputed: ReadonlySet<IsoDate> = new Set()): string[] {
  return weeksOf(days).map((week) =>
    t(locale, 'craflow.week', {
      day: formatShortDay(locale, week[0]!.date),
      cells: week.map((d) => `${dayNumber(d.date)}${symbol(d, disputed)}`).join(' '),
    }),
  );
}

/** Client view: billable units per day inside the mission window; weekends only when worked. */
export function billableLines(locale: Locale, days: readonly CraVersionDay[]): string[] {
  const shown = days.filter((d) => {
    const weekday = isoWeekday(d.date);
    return d.billable !== '0' || (weekday !== 6 && weekday !== 7);
  });
  return weeksOf(shown).map((week) =>
    t(locale, 'craflow.week', {
      day: formatShortDay(locale, mondayOf(week[0]!.date)),
      cells: week.map((d) => `${dayNumber(d.date)}: ${formatNumber(locale, d.billable)}`).join(' · '),
    }),
  );
}

function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}
