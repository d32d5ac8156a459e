/**
 * When a message may reach a person (nextWorkingMoment: quiet hours, weekends, holidays of their
 * calendar, leave) and which window a tick plans over (windowStart: previous tick, catch-up).
 */
import { describe, expect, it } from 'vitest';
import { inQuietHours, isWorkingDay, isWorkingMoment, nextWorkingMoment, type IsoDate, type WorkingHours } from '../../../src/domain/index.js';
import { windowStart } from '../../../src/scheduler/plan-due-rituals.js';

const MINUTE = 60_000;

function hours(overrides: Partial<Omit<WorkingHours, 'isWorkingDate'>> = {}, leave: readonly IsoDate[] = [], region: 'FR' | 'FR-67' = 'FR'): WorkingHours {
  return {
    timeZone: 'Europe/Paris',
    quietStart: '19:00',
    quietEnd: '08:30',
    ...overrides,
    isWorkingDate: (date) => isWorkingDay(date, region) && !leave.includes(date),
  };
}

const next = (at: string, h: WorkingHours = hours()) => nextWorkingMoment(new Date(at), h).toISOString();

describe('nextWorkingMoment (quiet hours 19:00–08:30, Europe/Paris, French holidays)', () => {
  it('moves Friday evening to Monday 08:30', () => {
    expect(next('2026-11-20T20:00:00+01:00')).toBe('2026-11-23T07:30:00.000Z');
    expect(next('2026-11-20T19:00:00+01:00')).toBe('2026-11-23T07:30:00.000Z');
    expect(next('2026-11-21T12:00:00+01:00')).toBe('2026-11-23T07:30:00.000Z'); // Saturday noon
    expect(next('2026-11-22T23:30:00+01:00')).toBe('2026-11-23T07:30:00.000Z'); // Sunday night
  });

  it('skips a holiday Monday: Easter Monday 6 April 2026 → Tuesday 08:30 (CEST)', () => {
    expect(next('2026-04-03T20:00:00+02:00')).toBe('2026-04-07T06:30:00.000Z');
    expect(next('2026-04-06T10:00:00+02:00')).toBe('2026-04-07T06:30:00.000Z');
    // Christmas 2026 is a Friday: Thursday evening waits until Monday 28 December.
    expect(next('2026-12-24T19:30:00+01:00')).toBe('2026-12-28T07:30:00.000Z');
  });

  it('applies the calendar it is given: Good Friday 2027 is worked in FR, not in FR-67', () => {
    expect(next('2027-03-25T20:00:00+01:00', hours({}, [], 'FR'))).toBe('2027-03-26T07:30:00.000Z');
    // FR-67: Good Friday off, then the weekend, then Easter Monday (29 March, after the change to CEST).
    expect(next('2027-03-25T20:00:00+01:00', hours({}, [], 'FR-67'))).toBe('2027-03-30T06:30:00.000Z');
  });

  it('keeps an instant inside working hours unchanged', () => {
    const at = new Date('2026-11-17T10:00:00+01:00');
    expect(nextWorkingMoment(at, hours()).getTime()).toBe(at.getTime());
    expect(next('2026-11-17T08:30:00+01:00')).toBe('2026-11-17T07:30:00.000Z');
    expect(next('2026-11-17T18:59:00+01:00')).toBe('2026-11-17T17:59:00.000Z');
  });

  it('moves the early morning of a working day to 08:30 that day', () => {
    expect(next('2026-11-17T07:00:00+01:00')).toBe('2026-11-17T07:30:00.000Z');
    expect(next('2026-11-17T08:29:00+01:00')).toBe('2026-11-17T07:30:00.000Z');
    expect(next('2026-11-17T00:10:00+01:00')).toBe('2026-11-17T07:30:00.000Z');
    // An evening moves to the next morning.
    expect(next('2026-11-17T19:45:00+01:00')).toBe('2026-11-18T07:30:00.000Z');
  });

  it('skips the days of leave', () => {
    const h = hours({}, ['2026-11-23', '2026-11-24']);
    expect(next('2026-11-20T20:00:00+01:00', h)).toBe('2026-11-25T07:30:00.000Z');
    expect(next('2026-11-23T11:00:00+01:00', h)).toBe('2026-11-25T07:30:00.000Z');
  });

  it('crosses the DST change: Friday 27 March 2026 evening (CET) → Monday 30 March 08:30 (CEST)', () => {
    expect(next('2026-03-27T20:00:00+01:00')).toBe('2026-03-30T06:30:00.000Z');
    expect(next('2026-10-23T20:00:00+02:00')).toBe('2026-10-26T07:30:00.000Z');
  });

  it('reads the clock of the person’s time zone', () => {
    const ny = hours({ timeZone: 'America/New_York' });
    // 20:00 in New York on Friday is Saturday 01:00Z; Monday 08:30 EST is 13:30Z.
    expect(next('2026-11-20T20:00:00-05:00', ny)).toBe('2026-11-23T13:30:00.000Z');
    // 10:00 in Paris (a working moment there) is 04:00 in New York: wait until 08:30 EST.
    expect(next('2026-11-17T10:00:00+01:00', ny)).toBe('2026-11-17T13:30:00.000Z');
  });

  it('handles quiet hours that do not span midnight (00:00–07:00, 12:00–14:00)', () => {
    const night = hours({ quietStart: '00:00', quietEnd: '07:00' });
    expect(next('2026-11-17T06:00:00+01:00', night)).toBe('2026-11-17T06:00:00.000Z');
    expect(next('2026-11-17T22:00:00+01:00', night)).toBe('2026-11-17T21:00:00.000Z'); // not quiet
    expect(next('2026-11-20T22:00:00+01:00', night)).toBe('2026-11-20T21:00:00.000Z'); // Friday 22:00 is not quiet
    expect(next('2026-11-21T10:00:00+01:00', night)).toBe('2026-11-23T06:00:00.000Z'); // Saturday → Monday 07:00
    const lunch = hours({ quietStart: '12:00', quietEnd: '14:00' });
    expect(next('2026-11-17T12:30:00+01:00', lunch)).toBe('2026-11-17T13:00:00.000Z');
    expect(next('2026-11-17T11:59:00+01:00', lunch)).toBe('2026-11-17T10:59:00.000Z');
    expect(next('2026-11-17T14:00:00+01:00', lunch)).toBe('2026-11-17T13:00:00.000Z');
    expect(next('2026-11-17T20:00:00+01:00', lunch)).toBe('2026-11-17T19:00:00.000Z');
    // A weekend: the first working moment is Monday midnight (the quiet hours end at lunch).
    expect(next('2026-11-21T10:00:00+01:00', lunch)).toBe('2026-11-22T23:00:00.000Z');
  });

  it('always returns a working moment, never earlier than the instant (every 20 minutes over two weeks)', () => {
    const h = hours({}, ['2026-12-31']);
    const start = new Date('2026-12-19T00:00:00+01:00').getTime();
    for (let t = start; t < start + 14 * 24 * 60 * MINUTE; t += 20 * MINUTE) {
      const result = nextWorkingMoment(new Date(t), h);
      expect(result.getTime()).toBeGreaterThanOrEqual(t);
      expect(isWorkingMoment(result, h)).toBe(true);
      // Nothing earlier: one minute before, if after the instant, is not a working moment.
      if (result.getTime() - MINUTE >= t) expect(isWorkingMoment(new Date(result.getTime() - MINUTE), h)).toBe(false);
    }
  });

  it('inQuietHours: a span over midnight, a span within the day, and an empty span', () => {
    expect([18 * 60 + 59, 19 * 60, 23 * 60 + 59, 0, 8 * 60 + 29, 8 * 60 + 30].map((m) => inQuietHours(m, '19:00', '08:30'))).toEqual([false, true, true, true, true, false]);
    expect([11 * 60 + 59, 12 * 60, 13 * 60 + 59, 14 * 60].map((m) => inQuietHours(m, '12:00', '14:00'))).toEqual([false, true, true, false]);
    expect([0, 12 * 60, 23 * 60 + 59].map((m) => inQuietHours(m, '09:00', '09:00'))).toEqual([false, false, false]);
  });
});

describe('windowStart (catch-up window of 180 minutes)', () => {
  const now = new Date('2026-11-23T16:31:00Z');
  const earliest = new Date(now.getTime() - 180 * MINUTE);

  it('starts the catch-up window back without a previous tick', () => {
    expect(windowStart(null, now, 180)).toEqual(earliest);
  });

  it('starts at the previous tick when it is within the window', () => {
    const previous = new Date(now.getTime() - MINUTE);
    expect(windowStart(previous, now, 180)).toBe(previous);
    expect(windowStart(earliest, now, 180)).toEqual(earliest);
    const ninetyAgo = new Date(now.getTime() - 90 * MINUTE);
    expect(windowStart(ninetyAgo, now, 180)).toBe(ninetyAgo);
  });

  it('does not go further back than the window after a long gap', () => {
    expect(windowStart(new Date(earliest.getTime() - 1), now, 180)).toEqual(earliest);
    expect(windowStart(new Date('2026-11-20T16:31:00Z'), now, 180)).toEqual(earliest);
  });

  it('ignores a previous tick at or after now (clock moved back, a simulated tick in the past)', () => {
    expect(windowStart(now, now, 180)).toEqual(earliest);
    expect(windowStart(new Date(now.getTime() + 60 * MINUTE), now, 180)).toEqual(earliest);
  });

  it('looks back at least one minute', () => {
    expect(windowStart(null, now, 0)).toEqual(new Date(now.getTime() - MINUTE));
    expect(windowStart(null, now, -5)).toEqual(new Date(now.getTime() - MINUTE));
    expect(windowStart(new Date(now.getTime() - 2 * MINUTE), now, 0)).toEqual(new Date(now.getTime() - MINUTE));
  });
});
