/**
 * occurrencesBetween: local wall-clock schedules become instants in (from, to], one per local
 * date, whatever the DST changes of the time zone, and a tick window split any way finds each
 * occurrence exactly once.
 */
import { describe, expect, it } from 'vitest';
import { datesBetween, instantAt, localMoment, type IsoWeekday } from '../../../src/domain/index.js';
import { occurrencesBetween, type LocalSchedule, type Occurrence } from '../../../src/scheduler/schedule.js';

const MINUTE = 60_000;
const PARIS = 'Europe/Paris';

const iso = (occurrences: readonly Occurrence[]) => occurrences.map((o) => [o.localDate, o.scheduledFor.toISOString()]);

/** Every occurrence found when (from, to] is walked in consecutive windows of `stepMinutes`. */
function walk(schedule: LocalSchedule, from: Date, to: Date, stepMinutes: number): Occurrence[] {
  const found: Occurrence[] = [];
  for (let start = from.getTime(); start < to.getTime(); start += stepMinutes * MINUTE) {
    const end = Math.min(start + stepMinutes * MINUTE, to.getTime());
    found.push(...occurrencesBetween(schedule, new Date(start), new Date(end)));
  }
  return found;
}

describe('occurrencesBetween in Europe/Paris over the DST weeks', () => {
  const daily: LocalSchedule = { timeZone: PARIS, time: '17:30' };

  it('gives one 17:30 per date across the spring change (CET 16:30Z, then CEST 15:30Z from Sunday 29 March)', () => {
    const from = new Date('2026-03-23T00:00:00+01:00');
    const to = new Date('2026-04-03T23:59:00+02:00');
    expect(iso(occurrencesBetween(daily, from, to))).toEqual([
      ['2026-03-23', '2026-03-23T16:30:00.000Z'],
      ['2026-03-24', '2026-03-24T16:30:00.000Z'],
      ['2026-03-25', '2026-03-25T16:30:00.000Z'],
      ['2026-03-26', '2026-03-26T16:30:00.000Z'],
      ['2026-03-27', '2026-03-27T16:30:00.000Z'],
      ['2026-03-28', '2026-03-28T16:30:00.000Z'],
      ['2026-03-29', '2026-03-29T15:30:00.000Z'],
      ['2026-03-30', '2026-03-30T15:30:00.000Z'],
      ['2026-03-31', '2026-03-31T15:30:00.000Z'],
      ['2026-04-01', '2026-04-01T15:30:00.000Z'],
      ['2026-04-02', '2026-04-02T15:30:00.000Z'],
      ['2026-04-03', '2026-04-03T15:30:00.000Z'],
    ]);
  });

  it('gives one 17:30 per date across the autumn change (CEST 15:30Z, then CET 16:30Z from Sunday 25 October)', () => {
    const from = new Date('2026-10-19T00:00:00+02:00');
    const to = new Date('2026-10-30T23:59:00+01:00');
    const found = occurrencesBetween(daily, from, to);
    expect(found.map((o) => o.localDate)).toEqual(datesBetween('2026-10-19', '2026-10-30'));
    expect(found.slice(0, 6).map((o) => o.scheduledFor.toISOString().slice(11))).toEqual(Array(6).fill('15:30:00.000Z'));
    expect(found.slice(6).map((o) => o.scheduledFor.toISOString().slice(11))).toEqual(Array(6).fill('16:30:00.000Z'));
    expect(found[5]!.scheduledFor.toISOString()).toBe('2026-10-24T15:30:00.000Z');
    expect(found[6]!.scheduledFor.toISOString()).toBe('2026-10-25T16:30:00.000Z');
    // 23 hours between the two 17:30 of the short night in spring, 25 in autumn.
    expect(found[6]!.scheduledFor.getTime() - found[5]!.scheduledFor.getTime()).toBe(25 * 60 * MINUTE);
  });

  it('keeps the window half-open: an occurrence exactly at `from` is not in it, one exactly at `to` is', () => {
    const at = new Date('2026-11-23T16:30:00Z'); // 17:30 in Paris
    expect(iso(occurrencesBetween(daily, new Date(at.getTime() - MINUTE), at))).toEqual([['2026-11-23', at.toISOString()]]);
    expect(occurrencesBetween(daily, at, new Date(at.getTime() + MINUTE))).toEqual([]);
    expect(occurrencesBetween(daily, at, at)).toEqual([]);
    expect(occurrencesBetween(daily, new Date(at.getTime() + MINUTE), at)).toEqual([]);
  });

  it('runs 02:30 once on 29 March 2026, a time that does not exist there: at 03:30 CEST', () => {
    const schedule: LocalSchedule = { timeZone: PARIS, time: '02:30' };
    const found = occurrencesBetween(schedule, new Date('2026-03-28T23:00:00Z'), new Date('2026-03-29T21:59:00Z'));
    expect(iso(found)).toEqual([['2026-03-29', '2026-03-29T01:30:00.000Z']]);
    expect(localMoment(found[0]!.scheduledFor, PARIS)).toEqual({ date: '2026-03-29', minutes: 3 * 60 + 30, weekday: 7 });
  });

  it('runs 02:30 once on 25 October 2026, when the clock reads 02:30 twice', () => {
    const schedule: LocalSchedule = { timeZone: PARIS, time: '02:30' };
    const found = occurrencesBetween(schedule, new Date('2026-10-24T22:00:00Z'), new Date('2026-10-25T22:59:00Z'));
    expect(found).toHaveLength(1);
    expect(found[0]!.localDate).toBe('2026-10-25');
    // One of the two 02:30 (00:30Z in CEST, 01:30Z in CET), whichever luxon resolves to.
    expect(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']).toContain(found[0]!.scheduledFor.toISOString());
    expect(localMoment(found[0]!.scheduledFor, PARIS)).toMatchObject({ date: '2026-10-25', minutes: 150 });
    expect(found[0]!.scheduledFor).toEqual(instantAt('2026-10-25', '02:30', PARIS));
  });

  describe('tick windows walked minute by minute across the DST changes', () => {
    // From just before midnight to just before midnight: every time of day falls in each local date once.
    const weeks = [
      { name: 'spring', from: new Date('2026-03-25T23:59:30+01:00'), to: new Date('2026-03-31T23:59:30+02:00'), dates: datesBetween('2026-03-26', '2026-03-31') },
      { name: 'autumn', from: new Date('2026-10-21T23:59:30+02:00'), to: new Date('2026-10-27T23:59:30+01:00'), dates: datesBetween('2026-10-22', '2026-10-27') },
    ];
    const changeDays = [
      { name: 'spring', from: new Date('2026-03-29T00:00:00+01:00'), to: new Date('2026-03-29T06:00:00+02:00'), date: '2026-03-29' },
      { name: 'autumn', from: new Date('2026-10-25T00:00:00+02:00'), to: new Date('2026-10-25T06:00:00+01:00'), date: '2026-10-25' },
    ];

    for (const week of weeks) {
      it(`finds 02:30 exactly once a day over the whole ${week.name} week in 1-minute windows`, () => {
        const schedule: LocalSchedule = { timeZone: PARIS, time: '02:30' };
        const found = walk(schedule, week.from, week.to, 1);
        expect(found.map((o) => o.localDate)).toEqual(week.dates);
        expect(new Set(found.map((o) => o.scheduledFor.getTime())).size).toBe(week.dates.length);
        expect(iso(found)).toEqual(iso(occurrencesBetween(schedule, week.from, week.to)));
      });
    }

    for (const day of changeDays) {
      it(`finds 01:59, 02:00, 02:59 and 03:00 exactly once in the ${day.name} change night in 1-minute windows`, () => {
        const instants = new Set<number>();
        for (const time of ['01:59', '02:00', '02:59', '03:00']) {
          const found = walk({ timeZone: PARIS, time }, day.from, day.to, 1);
          expect(found.map((o) => o.localDate), time).toEqual([day.date]);
          expect(found[0]!.scheduledFor, time).toEqual(instantAt(day.date, time, PARIS));
          instants.add(found[0]!.scheduledFor.getTime());
        }
        // In spring 02:00 and 03:00 are the same instant (02:00 does not exist); in autumn all differ.
        expect(instants.size).toBe(day.name === 'spring' ? 3 : 4);
      });
    }

    it('finds 02:30 exactly once a day with uneven windows too (7, 13, 61 and 180 minutes)', () => {
      const schedule: LocalSchedule = { timeZone: PARIS, time: '02:30' };
      for (const week of weeks) {
        const whole = iso(occurrencesBetween(schedule, week.from, week.to));
        expect(whole).toHaveLength(week.dates.length);
        for (const step of [7, 13, 61, 180]) expect(iso(walk(schedule, week.from, week.to, step)), `${week.name} ${step}`).toEqual(whole);
      }
    });
  });
});

describe('weekday filters', () => {
  it('keeps only the ISO weekdays listed, of the local date', () => {
    const workdays: LocalSchedule = { timeZone: PARIS, time: '17:30', weekdays: [1, 2, 3, 4, 5] };
    const found = occurrencesBetween(workdays, new Date('2026-11-16T00:00:00+01:00'), new Date('2026-11-29T23:59:00+01:00'));
    expect(found.map((o) => o.localDate)).toEqual([
      '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20',
      '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27',
    ]);
    const mondays: LocalSchedule = { timeZone: PARIS, time: '09:00', weekdays: [1] };
    expect(iso(occurrencesBetween(mondays, new Date('2026-10-01T00:00:00Z'), new Date('2026-11-01T00:00:00Z')))).toEqual([
      ['2026-10-05', '2026-10-05T07:00:00.000Z'],
      ['2026-10-12', '2026-10-12T07:00:00.000Z'],
      ['2026-10-19', '2026-10-19T07:00:00.000Z'],
      ['2026-10-26', '2026-10-26T08:00:00.000Z'],
    ]);
    expect(occurrencesBetween({ timeZone: PARIS, time: '09:00', weekdays: [] }, new Date('2026-10-01T00:00:00Z'), new Date('2026-11-01T00:00:00Z'))).toEqual([]);
  });

  it('applies the weekday of the local date, not of UTC (Monday 09:00 in Auckland is Sunday in UTC)', () => {
    const schedule: LocalSchedule = { timeZone: 'Pacific/Auckland', time: '09:00', weekdays: [1 as IsoWeekday] };
    const found = occurrencesBetween(schedule, new Date('2026-11-21T00:00:00Z'), new Date('2026-11-28T00:00:00Z'));
    expect(iso(found)).toEqual([['2026-11-23', '2026-11-22T20:00:00.000Z']]);
    const late: LocalSchedule = { timeZone: 'America/New_York', time: '21:00', weekdays: [5] };
    expect(iso(occurrencesBetween(late, new Date('2026-11-16T00:00:00Z'), new Date('2026-11-23T00:00:00Z')))).toEqual([
      ['2026-11-20', '2026-11-21T02:00:00.000Z'],
    ]);
  });
});

describe('other time zones', () => {
  it('America/New_York: 17:30 is 22:30Z in EST, 21:30Z in EDT from Sunday 8 March 2026; 02:30 that day runs once at 03:30 EDT', () => {
    const daily: LocalSchedule = { timeZone: 'America/New_York', time: '17:30' };
    expect(iso(occurrencesBetween(daily, new Date('2026-03-06T12:00:00Z'), new Date('2026-03-10T12:00:00Z')))).toEqual([
      ['2026-03-06', '2026-03-06T22:30:00.000Z'],
      ['2026-03-07', '2026-03-07T22:30:00.000Z'],
      ['2026-03-08', '2026-03-08T21:30:00.000Z'],
      ['2026-03-09', '2026-03-09T21:30:00.000Z'],
    ]);
    const night: LocalSchedule = { timeZone: 'America/New_York', time: '02:30' };
    const from = new Date('2026-03-08T04:00:00Z');
    const to = new Date('2026-03-08T10:00:00Z');
    expect(iso(walk(night, from, to, 1))).toEqual([['2026-03-08', '2026-03-08T07:30:00.000Z']]);
  });

  it('America/New_York: 01:30 on Sunday 1 November 2026 (read twice) runs once', () => {
    const night: LocalSchedule = { timeZone: 'America/New_York', time: '01:30' };
    const found = walk(night, new Date('2026-11-01T03:00:00Z'), new Date('2026-11-02T07:00:00Z'), 5);
    expect(found.map((o) => o.localDate)).toEqual(['2026-11-01', '2026-11-02']);
    expect(iso(walk(night, new Date('2026-11-01T03:00:00Z'), new Date('2026-11-01T09:00:00Z'), 1))).toEqual(iso(found.slice(0, 1)));
    expect(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']).toContain(found[0]!.scheduledFor.toISOString());
    expect(found[1]!.scheduledFor.toISOString()).toBe('2026-11-02T06:30:00.000Z');
  });

  it('Asia/Tokyo has no DST: 17:30 is always 08:30Z, across the European change', () => {
    const found = occurrencesBetween({ timeZone: 'Asia/Tokyo', time: '17:30' }, new Date('2026-03-26T00:00:00Z'), new Date('2026-04-01T00:00:00Z'));
    expect(iso(found)).toEqual(datesBetween('2026-03-26', '2026-03-31').map((d) => [d, `${d}T08:30:00.000Z`]));
  });

  it('Asia/Tokyo: the local date is ahead of UTC (09:00 on Monday is Monday 00:00Z)', () => {
    const found = occurrencesBetween({ timeZone: 'Asia/Tokyo', time: '09:00', weekdays: [1] }, new Date('2026-11-22T23:00:00Z'), new Date('2026-11-23T01:00:00Z'));
    expect(iso(found)).toEqual([['2026-11-23', '2026-11-23T00:00:00.000Z']]);
  });

  it('Pacific/Auckland changes the other way: NZDT (+13) ends on 5 April 2026, starts on 27 September 2026', () => {
    const daily: LocalSchedule = { timeZone: 'Pacific/Auckland', time: '17:30' };
    expect(iso(occurrencesBetween(daily, new Date('2026-04-03T00:00:00Z'), new Date('2026-04-06T12:00:00Z')))).toEqual([
      ['2026-04-03', '2026-04-03T04:30:00.000Z'],
      ['2026-04-04', '2026-04-04T04:30:00.000Z'],
      ['2026-04-05', '2026-04-05T05:30:00.000Z'],
      ['2026-04-06', '2026-04-06T05:30:00.000Z'],
    ]);
    expect(iso(occurrencesBetween(daily, new Date('2026-09-25T00:00:00Z'), new Date('2026-09-28T12:00:00Z')))).toEqual([
      ['2026-09-25', '2026-09-25T05:30:00.000Z'],
      ['2026-09-26', '2026-09-26T05:30:00.000Z'],
      ['2026-09-27', '2026-09-27T04:30:00.000Z'],
      ['2026-09-28', '2026-09-28T04:30:00.000Z'],
    ]);
    // While Paris springs forward (29 March), Auckland is still on +13: no change there.
    expect(iso(occurrencesBetween(daily, new Date('2026-03-28T00:00:00Z'), new Date('2026-03-30T12:00:00Z')))).toEqual([
      ['2026-03-28', '2026-03-28T04:30:00.000Z'],
      ['2026-03-29', '2026-03-29T04:30:00.000Z'],
      ['2026-03-30', '2026-03-30T04:30:00.000Z'],
    ]);
  });

  it('Pacific/Auckland: 02:30 runs once on each change day, walked minute by minute', () => {
    const night: LocalSchedule = { timeZone: 'Pacific/Auckland', time: '02:30' };
    // Spring forward on 27 September: 02:30 does not exist, it runs at 03:30 NZDT.
    expect(iso(walk(night, new Date('2026-09-26T11:00:00Z'), new Date('2026-09-26T17:00:00Z'), 1))).toEqual([
      ['2026-09-27', '2026-09-26T14:30:00.000Z'],
    ]);
    // Fall back on 5 April: 02:30 is read twice, it runs once.
    const found = walk(night, new Date('2026-04-04T11:00:00Z'), new Date('2026-04-04T17:00:00Z'), 1);
    expect(found.map((o) => o.localDate)).toEqual(['2026-04-05']);
    expect(['2026-04-04T13:30:00.000Z', '2026-04-04T14:30:00.000Z']).toContain(found[0]!.scheduledFor.toISOString());
  });

  it('refuses an unknown time zone or a malformed time', () => {
    const from = new Date('2026-11-23T00:00:00Z');
    const to = new Date('2026-11-24T00:00:00Z');
    expect(() => occurrencesBetween({ timeZone: 'Mars/Olympus', time: '17:30' }, from, to)).toThrow(expect.objectContaining({ code: 'INVALID_TIME_ZONE' }));
    expect(() => occurrencesBetween({ timeZone: PARIS, time: '24:00' }, from, to)).toThrow(expect.objectContaining({ code: 'INVALID_TIME' }));
    expect(() => occurrencesBetween({ timeZone: PARIS, time: '7:30' }, from, to)).toThrow(expect.objectContaining({ code: 'INVALID_TIME' }));
  });
});
