/**
 * The right to disconnect (L2242-17): a person is pinged only on their working days, outside quiet
 * hours. `nextWorkingMoment` says when a message may reach them: now, or the end of the quiet
 * hours of their next working day.
 */
import { addDays, type IsoDate } from './dates.js';
import { inQuietHours, instantAt, localMoment } from './local-time.js';

export interface WorkingHours {
  readonly timeZone: string;
  /** Quiet hours 'HH:mm' (may span midnight): nobody is pinged from `quietStart` to `quietEnd`. */
  readonly quietStart: string;
  readonly quietEnd: string;
  /** A working day for this person: not a weekend, holiday of their calendar, or day of leave. */
  isWorkingDate(date: IsoDate): boolean;
}

/** How far ahead a working moment is looked for (a long leave); beyond, the instant is kept. */
const HORIZON_DAYS = 120;

export function isWorkingMoment(instant: Date, hours: WorkingHours): boolean {
  const local = localMoment(instant, hours.timeZone);
  return hours.isWorkingDate(local.date) && !inQuietHours(local.minutes, hours.quietStart, hours.quietEnd);
}

/** `instant` itself when it is a working moment, else the first working moment after it. */
export function nextWorkingMoment(instant: Date, hours: WorkingHours): Date {
  if (isWorkingMoment(instant, hours)) return instant;
  // A working day's first working moment is midnight, or the end of the quiet hours when they span midnight.
  let date = localMoment(instant, hours.timeZone).date;
  for (let i = 0; i < HORIZON_DAYS; i += 1, date = addDays(date, 1)) {
    if (!hours.isWorkingDate(date)) continue;
    for (const time of ['00:00', hours.quietEnd]) {
      const candidate = instantAt(date, time, hours.timeZone);
      if (candidate.getTime() >= instant.getTime() && isWorkingMoment(candidate, hours)) return candidate;
    }
  }
  return instant;
}
