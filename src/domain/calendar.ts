/**
 * French public-holiday calendars and working days ("jours ouvrés" = Monday–Friday minus public holidays).
 *
 * Regions: 'FR' (metropolitan France) or 'FR-<state>' with a date-holidays FR state code
 * (57, 67, 68 for Alsace-Moselle; GP, MQ, GF, RE, YT, … for overseas).
 * Only holidays of type 'public' count: observances (Mother's Day, Pentecost Sunday…) do not.
 *
 * Whit Monday ("Lundi de Pentecôte") is often the "journée de solidarité": a mission whose
 * client site works that day passes `{ whitMondayWorked: true }` (CalendarOptions), and Whit
 * Monday is then an ordinary working day on its calendar. By default it is a public holiday.
 */
import Holidays from 'date-holidays';
import { CodedError } from './errors.js';
import {
  addDays,
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

/** Mission-specific calendar choices; omitted = the region's public holidays as they are. */
export interface CalendarOptions {
  /** Whit Monday (Easter + 50 days) is worked at the client site: not a holiday on this calendar. */
  readonly whitMondayWorked?: boolean | undefined;
}

/** The calendar of a mission: the client site's region and its choices. */
export interface MissionCalendar extends CalendarOptions {
  readonly region: Region;
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
    throw new CodedError('UNSUPPORTED_REGION', `Unsupported calendar region: ${region}`, { region }, { params: { region: String(region) } });
  }
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new CodedError('INVALID_YEAR', `Invalid year: ${year}`, { year }, { params: { year: String(year) } });
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Easter Sunday of a year of the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
 * date-holidays uses the Julian computus before 1583: compare only from 1583 on.
 */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Whit Monday ("Lundi de Pentecôte", often the journée de solidarité): Easter Sunday + 50 days. */
export function whitMonday(year: number): IsoDate {
  return addDays(easterSunday(year), 50);
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

function cacheKey(region: Region, year: number, options: CalendarOptions | undefined): string {
  return `${region}|${year}|${options?.whitMondayWorked === true ? 'whit-monday-worked' : 'default'}`;
}

/**
 * Public holidays of a region and year, sorted by date (results are cached and frozen).
 * With `whitMondayWorked`, Whit Monday is left out; another holiday falling on the same date
 * (e.g. 27 May in Guadeloupe in 2075) stays.
 */
export function holidaysOf(region: Region, year: number, options?: CalendarOptions): readonly PublicHoliday[] {
  assertRegion(region);
  assertYear(year);
  const key = cacheKey(region, year, options);
  const cached = holidaysCache.get(key);
  if (cached) return cached;

  // Whit Monday is recognised by its date (Easter + 50) and by being an Easter-relative rule of
  // date-holidays, so that a fixed-date holiday on the same day is kept.
  const worked = options?.whitMondayWorked === true ? whitMonday(year) : null;
  const byDate = new Map<IsoDate, string[]>();
  for (const h of holidaysInstance(region).getHolidays(year, LANGUAGE)) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    if (date === worked && /^easter\b/i.test(h.rule)) continue;
    const names = byDate.get(date);
    if (names) {
      if (!names.includes(h.name)) names.push(h.name);
    } else {
      byDate.set(date, [h.name]);
    }
  }
  const result = Object.freeze(
    [...byDate.entries()]
      .filter(([date]) => date.startsWith(pad(year, 4)))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([date, names]): PublicHoliday => Object.freeze({ date, name: names.join(' / ') })),
  );
  holidaysCache.set(key, result);
  return result;
}

function holidayIndex(region: Region, year: number, options: CalendarOptions | undefined): ReadonlyMap<IsoDate, string> {
  const key = cacheKey(region, year, options);
  let index = holidayIndexCache.get(key);
  if (!index) {
    index = new Map(holidaysOf(region, year, options).map((h) => [h.date, h.name]));
    holidayIndexCache.set(key, index);
  }
  return index;
}

/** Name of the public holiday on that date in that region, or null (Whit Monday is none when worked). */
export function holidayOn(date: IsoDate, region: Region, options?: CalendarOptions): string | null {
  assertIsoDate(date);
  assertRegion(region);
  return holidayIndex(region, Number(date.slice(0, 4)), options).get(date) ?? null;
}

/** Monday–Friday and not a public holiday of the region (Whit Monday is one when worked). */
export function isWorkingDay(date: IsoDate, region: Region, options?: CalendarOptions): boolean {
  return isoWeekday(date) <= 5 && holidayOn(date, region, options) === null;
}

export function monthCalendar(ym: YearMonth, region: Region, options?: CalendarOptions): MonthCalendar {
  parseYearMonth(ym);
  assertRegion(region);
  const days = daysOfMonth(ym).map((date): CalendarDay => {
    const weekday = isoWeekday(date);
    const holiday = holidayOn(date, region, options);
    return { date, weekday, working: weekday <= 5 && holiday === null, holiday };
  });
  return { month: ym, region, workingDays: days.filter((d) => d.working).length, days };
}

/** Working days from `from` to `to`, both included. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, region: Region, options?: CalendarOptions): IsoDate[] {
  assertRegion(region);
  return datesBetween(from, to).filter((d) => isWorkingDay(d, region, options));
}
