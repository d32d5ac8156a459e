/**
 * Local wall-clock times in a time zone ('HH:mm' on a calendar date), through luxon, which knows
 * the DST rules: a time that does not exist on the spring-forward day (02:30 in Europe/Paris) moves
 * forward to the first existing minute; an ambiguous one on the fall-back day (02:30) is one of the
 * two (luxon's choice). Either way one local (date, time) gives exactly one instant.
 */
import { DateTime } from 'luxon';
import { isIsoDate, type IsoDate, type IsoWeekday } from './dates.js';
import { CodedError } from './errors.js';

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isLocalTime(value: unknown): value is string {
  return typeof value === 'string' && TIME_RE.test(value);
}

/** Minutes since midnight of an 'HH:mm' time. */
export function minutesOf(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new CodedError('INVALID_TIME', `Invalid time: ${time} (expected HH:mm)`, { time }, { params: { value: time } });
  return Number(m[1]) * 60 + Number(m[2]);
}

function zoneChecked(timeZone: string): string {
  if (!DateTime.local().setZone(timeZone).isValid) {
    throw new CodedError('INVALID_TIME_ZONE', `Unknown time zone: ${timeZone}`, { timeZone }, { params: { timeZone } });
  }
  return timeZone;
}

/** Instants already computed: a schedule asks for the same (date, time, zone) at every tick. */
const instants = new Map<string, number>();
const MAX_CACHED_INSTANTS = 50_000;

/** The instant at which the clock of `timeZone` reads `time` on `date`. */
export function instantAt(date: IsoDate, time: string, timeZone: string): Date {
  const key = `${date}|${time}|${timeZone}`;
  const cached = instants.get(key);
  if (cached !== undefined) return new Date(cached);
  if (!isIsoDate(date)) throw new CodedError('INVALID_DATE', `Invalid date: ${date}`, { date }, { params: { value: date } });
  const minutes = minutesOf(time);
  const local = DateTime.fromObject(
    { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)), hour: Math.floor(minutes / 60), minute: minutes % 60 },
    { zone: zoneChecked(timeZone) },
  );
  if (instants.size >= MAX_CACHED_INSTANTS) instants.clear();
  instants.set(key, local.toMillis());
  return local.toJSDate();
}

export interface LocalMoment {
  readonly date: IsoDate;
  /** Minutes since local midnight. */
  readonly minutes: number;
  readonly weekday: IsoWeekday;
}

const momentFormatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Readonly<Record<string, IsoWeekday>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function momentFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = momentFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zoneChecked(timeZone),
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    momentFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What the clock and calendar of `timeZone` read at `instant`. */
export function localMoment(instant: Date, timeZone: string): LocalMoment {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of momentFormatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    date: `${(parts.year ?? '').padStart(4, '0')}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1,
  };
}

/** Whether `minutes` (since midnight) falls in quiet hours from `start` to `end` ('HH:mm', may span midnight). */
export function inQuietHours(minutes: number, start: string, end: string): boolean {
  const from = minutesOf(start);
  const to = minutesOf(end);
  if (from === to) return false;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}
