/**
 * When a ritual falls due: a local wall-clock time in a person's time zone, on some weekdays.
 * `occurrencesBetween` lists the occurrences whose instant lies in (from, to]: a tick covers the
 * time since the previous tick (a minute, or a longer gap caught up after a restart), so every
 * occurrence is found by exactly one tick window. Each local date gives one instant (see
 * domain/local-time.ts), so a DST change neither skips nor doubles an occurrence.
 */
import { addDays, instantAt, isoWeekday, localMoment, type IsoDate, type IsoWeekday } from '../domain/index.js';

export interface LocalSchedule {
  readonly timeZone: string;
  /** 'HH:mm' local time. */
  readonly time: string;
  /** ISO weekdays the ritual runs on (default: every day; working days are the ritual's own check). */
  readonly weekdays?: readonly IsoWeekday[];
}

export interface Occurrence {
  /** The person's calendar date the occurrence belongs to. */
  readonly localDate: IsoDate;
  readonly scheduledFor: Date;
}

export function occurrencesBetween(schedule: LocalSchedule, from: Date, to: Date): Occurrence[] {
  if (to.getTime() <= from.getTime()) return [];
  const first = addDays(localMoment(from, schedule.timeZone).date, -1);
  const last = addDays(localMoment(to, schedule.timeZone).date, 1);
  const result: Occurrence[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    if (schedule.weekdays && !schedule.weekdays.includes(isoWeekday(date))) continue;
    const scheduledFor = instantAt(date, schedule.time, schedule.timeZone);
    if (scheduledFor.getTime() > from.getTime() && scheduledFor.getTime() <= to.getTime()) {
      result.push({ localDate: date, scheduledFor });
    }
  }
  return result;
}
