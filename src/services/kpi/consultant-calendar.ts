/**
 * The working days of one consultant over one month, for the KPIs: which dates are "jours
 * potentiels" and which of them are intercontrat (covered by no mission window).
 */
import {
  daysOfMonth,
  isWithinMissionWindow,
  isWorkingDay,
  type IsoDate,
  type MissionWindow,
  type Region,
  type YearMonth,
} from '../../domain/index.js';

export interface CalendarMission extends MissionWindow {
  readonly ref: string;
  readonly region: Region;
  /** Whit Monday is a working day at this client site. */
  readonly whitMondayWorked?: boolean;
}

export interface ConsultantCalendar {
  /** Working days of the month for the consultant ("jours potentiels"), in date order. */
  readonly potential: IsoDate[];
  /** Potential days covered by no mission window of the consultant, in date order. */
  readonly intercontrat: IsoDate[];
  /** Region used for the days covered by no mission. */
  readonly homeRegion: Region;
}

/**
 * Rule (design): a date covered by one or more mission windows follows the calendar of those
 * missions (a working day if it is one at any of the client sites, so Whit Monday is a potential
 * day when a covering mission works it); a date covered by none
 * follows the "home" region: the region of the earliest-starting mission active that month
 * (the client site the consultant comes from or goes to), 'FR' when the consultant has none.
 * With a single mission, or several in one region, this is simply that region's calendar.
 * Whit Monday covered by no mission is a holiday (the journée de solidarité is a mission setting).
 *
 * `missions` are the consultant's missions whose window overlaps the month (any billing mode:
 * a consultant on a fixed-price project is not in intercontrat either).
 */
export function consultantCalendar(month: YearMonth, missions: readonly CalendarMission[]): ConsultantCalendar {
  const sorted = [...missions].sort((a, b) =>
    a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0,
  );
  const homeRegion: Region = sorted[0]?.region ?? 'FR';
  const potential: IsoDate[] = [];
  const intercontrat: IsoDate[] = [];
  for (const date of daysOfMonth(month)) {
    const covering = sorted.filter((m) => isWithinMissionWindow(date, m));
    const working =
      covering.length > 0
        ? covering.some((m) => isWorkingDay(date, m.region, { whitMondayWorked: m.whitMondayWorked }))
        : isWorkingDay(date, homeRegion);
    if (!working) continue;
    potential.push(date);
    if (covering.length === 0) intercontrat.push(date);
  }
  return { potential, intercontrat, homeRegion };
}
