/**
 * Calendar dates as 'YYYY-MM-DD' strings and months as 'YYYY-MM' strings.
 *
 * All arithmetic goes through UTC so the process time zone can never shift a date.
 */
import { CodedError } from './errors.js';

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** A calendar month, 'YYYY-MM'. */
export type YearMonth = string;
/** ISO weekday: Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH_RE = /^(\d{4})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Number of days of a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 1) - MS_PER_DAY).getUTCDate();
}

/** Epoch milliseconds of midnight UTC of a date; handles years 0–99 correctly (unlike Date.UTC). */
function utcMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
}

function formatUtc(date: Date): IsoDate {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isYearMonth(value: unknown): value is YearMonth {
  if (typeof value !== 'string') return false;
  const m = YEAR_MONTH_RE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  return month >= 1 && month <= 12;
}

/** Throws CodedError('INVALID_DATE') unless `value` is a valid 'YYYY-MM-DD' date. */
export function assertIsoDate(value: unknown): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new CodedError('INVALID_DATE', `Invalid date: ${String(value)} (expected YYYY-MM-DD)`, { value }, {
      params: { value: String(value) },
    });
  }
}

function parts(d: IsoDate): { year: number; month: number; day: number } {
  assertIsoDate(d);
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

/** Parses 'YYYY-MM'; throws CodedError('INVALID_MONTH'). */
export function parseYearMonth(ym: string): { year: number; month: number } {
  if (!isYearMonth(ym)) {
    throw new CodedError('INVALID_MONTH', `Invalid month: ${String(ym)} (expected YYYY-MM)`, { value: ym }, {
      params: { value: String(ym) },
    });
  }
  return { year: Number(ym.slice(0, 4)), month: Number(ym.slice(5, 7)) };
}

export function formatYearMonth(year: number, month: number): YearMonth {
  const ym = `${pad(year, 4)}-${pad(month, 2)}`;
  parseYearMonth(ym);
  return ym;
}

export function firstDay(ym: YearMonth): IsoDate {
  parseYearMonth(ym);
  return `${ym}-01`;
}

export function lastDay(ym: YearMonth): IsoDate {
  const { year, month } = parseYearMonth(ym);
  return `${ym}-${pad(daysInMonth(year, month), 2)}`;
}

/** All dates of the month, in order. */
export function daysOfMonth(ym: YearMonth): IsoDate[] {
  const { year, month } = parseYearMonth(ym);
  const count = daysInMonth(year, month);
  const result: IsoDate[] = [];
  for (let day = 1; day <= count; day += 1) result.push(`${ym}-${pad(day, 2)}`);
  return result;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) {
    throw new CodedError('INVALID_DATE', `Day offset must be an integer: ${n}`, { n }, { params: { offset: String(n) }, variant: 'offset' });
  }
  const { year, month, day } = parts(d);
  return formatUtc(new Date(utcMs(year, month, day) + n * MS_PER_DAY));
}

/** Adds (or subtracts) whole months to a 'YYYY-MM' month. */
export function addMonths(ym: YearMonth, n: number): YearMonth {
  if (!Number.isInteger(n)) {
    throw new CodedError('INVALID_MONTH', `Month offset must be an integer: ${n}`, { n }, { params: { offset: String(n) }, variant: 'offset' });
  }
  const { year, month } = parseYearMonth(ym);
  const index = year * 12 + (month - 1) + n;
  return formatYearMonth(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1);
}

/** ISO weekday of a date: Monday = 1 … Sunday = 7. */
export function isoWeekday(d: IsoDate): IsoWeekday {
  const { year, month, day } = parts(d);
  const jsDay = new Date(utcMs(year, month, day)).getUTCDay();
  return (jsDay === 0 ? 7 : jsDay) as IsoWeekday;
}

export function isWeekend(d: IsoDate): boolean {
  return isoWeekday(d) >= 6;
}

/** -1, 0 or 1 (usable as an Array.prototype.sort comparator). */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function monthOf(d: IsoDate): YearMonth {
  assertIsoDate(d);
  return d.slice(0, 7);
}

export function yearOf(d: IsoDate): number {
  assertIsoDate(d);
  return Number(d.slice(0, 4));
}

/** Dates from `from` to `to`, both included; empty when `from` is after `to`. */
export function datesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const result: IsoDate[] = [];
  if (compareDates(from, to) > 0) return result;
  for (let d = from; d <= to; d = addDays(d, 1)) result.push(d);
  return result;
}

/** Midnight-UTC Date for a calendar date (what Prisma expects for a `@db.Date` column). */
export function toDateOnlyUTC(d: IsoDate): Date {
  const { year, month, day } = parts(d);
  return new Date(utcMs(year, month, day));
}

/**
 * Calendar date of a midnight-UTC Date (as Prisma returns `@db.Date` columns).
 * Throws INVALID_DATE for an invalid Date or one not at midnight UTC: such a value is an
 * instant, not a date, and reading it would risk the classic one-day shift.
 */
export function fromDateOnlyUTC(date: Date): IsoDate {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new CodedError('INVALID_DATE', 'Invalid Date object', undefined, { variant: 'dateObject' });
  }
  if (
    date.getUTCHours() !== 0 ||
    date.getUTCMinutes() !== 0 ||
    date.getUTCSeconds() !== 0 ||
    date.getUTCMilliseconds() !== 0
  ) {
    throw new CodedError(
      'INVALID_DATE',
      `Not a date-only value (expected midnight UTC): ${date.toISOString()}`,
      { value: date.toISOString() },
      { params: { value: date.toISOString() }, variant: 'notDateOnly' },
    );
  }
  return formatUtc(date);
}

/** Formatters by time zone: building one is far costlier than using it (the scheduler asks often). */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      throw new CodedError('INVALID_TIME_ZONE', `Unknown time zone: ${timeZone}`, { timeZone }, { params: { timeZone: String(timeZone) } });
    }
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Calendar date of an instant in a time zone (default Europe/Paris), e.g. "today" for a mission. */
export function dateInTimeZone(instant: Date, timeZone = 'Europe/Paris'): IsoDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new CodedError('INVALID_DATE', 'Invalid Date object', undefined, { variant: 'dateObject' });
  }
  const fields = dateFormatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string => fields.find((p) => p.type === type)?.value ?? '';
  const result = `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
  assertIsoDate(result);
  return result;
}
