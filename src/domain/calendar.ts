/**
 * French public-holiday calendars and working days ("jours ouvrés" = Monday–Friday minus public holidays).
 *
 * Regions: 'FR' (metropolitan France) or 'FR-<state>' with a date-holidays FR state code
 * (57, 67, 68 for Alsace-Moselle; GP, MQ, GF, RE, YT, … for overseas).
 * Only holidays of type 'public' count: observances (Mother's Day, Pentecost Sunday…) do not.
 */
import Holidays from 'date-holidays';
import { CodedError } from './errors.js';
import {
  assertIsoDate,
  datesBetween,
  daysOfMonth,
  isoWeekday,
  parseYearMonth,
  type IsoDate,
  type IsoWeekday,
  type YearMonth,
} from './dates.js';

export type Region = 'FR' | `FR-${string}`;

export interface PublicHoliday {
  readonly date: IsoDate;
  /** French name from date-holidays; several holidays on one date are joined with ' / '. */
  readonly name: string;
}

export interface CalendarDay {
  readonly date: IsoDate;
  readonly weekday: IsoWeekday;
  readonly working: boolean;
  /** Public holiday name, or null. */
  readonly holiday: string | null;
}

export interface MonthCalendar {
  readonly month: YearMonth;
  readonly region: Region;
  readonly workingDays: number;
  readonly days: readonly CalendarDay[];
}

const COUNTRY = 'FR';
const LANGUAGE = 'fr';

let frStates: readonly string[] | undefined;

function supportedStates(): readonly string[] {
  if (!frStates) {
    frStates = Object.keys(new Holidays().getStates(COUNTRY, LANGUAGE)).sort();
  }
  return frStates;
}

export function isSupportedRegion(region: unknown): region is Region {
  if (region === COUNTRY) return true;
  if (typeof region !== 'string' || !region.startsWith(`${COUNTRY}-`)) return false;
  return supportedStates().includes(region.slice(COUNTRY.length + 1));
}

/** 'FR' first, then every 'FR-<state>' region. */
export function listRegions(): Region[] {
  return [COUNTRY, ...supportedStates().map((state): Region => `FR-${state}`)];
}

function assertRegion(region: string): asserts region is Region {
  if (!isSupportedRegion(region)) {
    throw new CodedError('UNSUPPORTED_REGION', `Unsupported calendar region: ${region}`, { region });
  }
}

const instances = new Map<Region, Holidays>();
const holidaysCache = new Map<string, readonly PublicHoliday[]>();
const holidayIndexCache = new Map<string, ReadonlyMap<IsoDate, string>>();

function holidaysInstance(region: Region): Holidays {
  let instance = instances.get(region);
  if (!instance) {
    const state = region === COUNTRY ? undefined : region.slice(COUNTRY.length + 1);
    instance = state
      ? new Holidays(COUNTRY, state, { languages: [LANGUAGE] })
      : new Holidays(COUNTRY, { languages: [LANGUAGE] });
    instances.set(region, instance);
  }
  return instance;
}

/** Public holidays of a region and year, sorted by date (results are cached and frozen). */
export function holidaysOf(region: Region, year: number): readonly PublicHoliday[] {
  assertRegion(region);
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new CodedError('INVALID_YEAR', `Invalid year: ${year}`, { year });
  }
  const key = `${region}|${year}`;
  const cached = holidaysCache.get(key);
  if (cached) return cached;

  const byDate = new Map<IsoDate, string[]>();
  for (const h of holidaysInstance(region).getHolidays(year, LANGUAGE)) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    const names = byDate.get(date);
    if (names) {
      if (!names.includes(h.name)) names.push(h.name);
    } else {
      byDate.set(date, [h.name]);
    }
  }
  const result = Object.freeze(
    [...byDate.entries()]
      .filter(([date]) => date.startsWith(String(year).padStart(4, '0')))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([date, names]): PublicHoliday => Object.freeze({ date, name: names.join(' / ') })),
  );
  holidaysCache.set(key, result);
  return result;
}

function holidayIndex(region: Region, year: number): ReadonlyMap<IsoDate, string> {
  const key = `${region}|${year}`;
  let index = holidayIndexCache.get(key);
  if (!index) {
    index = new Map(holidaysOf(region, year).map((h) => [h.date, h.name]));
    holidayIndexCache.set(key, index);
  }
  return index;
}

/** Name of the public holiday on that date in that region, or null. */
export function holidayOn(date: IsoDate, region: Region): string | null {
  assertIsoDate(date);
  assertRegion(region);
  return holidayIndex(region, Number(date.slice(0, 4))).get(date) ?? null;
}

/** Monday–Friday and not a public holiday of the region. */
export function isWorkingDay(date: IsoDate, region: Region): boolean {
  return isoWeekday(date) <= 5 && holidayOn(date, region) === null;
}

export function monthCalendar(ym: YearMonth, region: Region): MonthCalendar {
  parseYearMonth(ym);
  assertRegion(region);
  const days = daysOfMonth(ym).map((date): CalendarDay => {
    const weekday = isoWeekday(date);
    const holiday = holidayOn(date, region);
    return { date, weekday, working: weekday <= 5 && holiday === null, holiday };
  });
  return { month: ym, region, workingDays: days.filter((d) => d.working).length, days };
}

/** Working days from `from` to `to`, both included. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, region: Region): IsoDate[] {
  assertRegion(region);
  return datesBetween(from, to).filter((d) => isWorkingDay(d, region));
}
