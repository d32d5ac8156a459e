/**
 * Local wall-clock times in a time zone ('HH:mm' on a calendar date), through luxon, which knows
 * the DST rules: a time that does not exist on the spring-forward day (02:30 in Europe/Paris) moves
 * forward to the first existing minute; an ambiguous one on the fall-back day (02:30) is the first
 * of the two. Either way one local (date, time) gives exactly one instant.
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

/** The instant at which the clock of `timeZone` reads `time` on `date`. */
export function instantAt(date: IsoDate, time: string, timeZone: string): Date {
  if (!isIsoDate(date)) throw new CodedError('INVALID_DATE', `Invalid date: ${date}`, { date }, { params: { value: date } });
  const minutes = minutesOf(time);
  const local = DateTime.fromObject(
    { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)), hour: Math.floor(minutes / 60), minute: minutes % 60 },
    { zone: zoneChecked(timeZone) },
  );
  return local.toJSDate();
}

export interface LocalMoment {
  readonly date: IsoDate;
  /** Minutes since local midnight. */
  readonly minutes: number;
  readonly weekday: IsoWeekday;
}

/** What the clock and calendar of `timeZone` read at `instant`. */
export function localMoment(instant: Date, timeZone: string): LocalMoment {
  const local = DateTime.fromJSDate(instant, { zone: zoneChecked(timeZone) });
  return {
    date: local.toISODate() as IsoDate,
    minutes: local.hour * 60 + local.minute,
    weekday: local.weekday as IsoWeekday,
  };
}

/** Whether `minutes` (since midnight) falls in quiet hours from `start` to `end` ('HH:mm', may span midnight). */
export function inQuietHours(minutes: number, start: string, end: string): boolean {
  const from = minutesOf(start);
  const to = minutesOf(end);
  if (from === to) return false;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}
