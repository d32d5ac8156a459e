import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  holidayOn,
  holidaysOf,
  isSupportedRegion,
  isWorkingDay,
  listRegions,
  monthCalendar,
  whitMonday,
  workingDaysBetween,
  type Region,
} from '../../../src/domain/calendar.js';
import { addDays, daysOfMonth, isoWeekday } from '../../../src/domain/dates.js';
import { CodedError } from '../../../src/domain/errors.js';

function holidayDates(cal: ReturnType<typeof monthCalendar>): string[] {
  return cal.days.filter((d) => d.holiday !== null).map((d) => d.date);
}

describe('regions', () => {
  it('supports FR and the date-holidays FR states', () => {
    for (const r of ['FR', 'FR-57', 'FR-67', 'FR-68', 'FR-GP', 'FR-MQ', 'FR-GF', 'FR-RE', 'FR-YT']) {
      expect(isSupportedRegion(r), r).toBe(true);
    }
    for (const r of ['fr', 'FR-', 'FR-75', 'FR-99', 'DE', 'DE-BY', 'FR-67-x', '', 67]) {
      expect(isSupportedRegion(r), String(r)).toBe(false);
    }
  });

  it('lists FR first then FR-<state> regions', () => {
    const regions = listRegions();
    expect(regions[0]).toBe('FR');
    expect(regions).toEqual(expect.arrayContaining(['FR-57', 'FR-67', 'FR-68', 'FR-GP', 'FR-RE']));
    expect(regions.every((r) => isSupportedRegion(r))).toBe(true);
    expect(new Set(regions).size).toBe(regions.length);
  });

  it('refuses unsupported regions', () => {
    expect(() => holidaysOf('FR-75' as Region, 2026)).toThrow(CodedError);
    expect(() => monthCalendar('2026-05', 'FR-XX' as Region)).toThrow(/Unsupported/);
  });
});

describe('holidaysOf', () => {
  it('gives the 11 national public holidays of 2026 for FR, observances excluded', () => {
    const h = holidaysOf('FR', 2026);
    expect(h.map((x) => x.date)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    // Pentecost Sunday (2026-05-24) and Mother's Day (2026-05-31) are observances, not holidays
    expect(h.some((x) => x.date === '2026-05-31' || x.date === '2026-05-24')).toBe(false);
    expect(h.every((x) => x.name.length > 0)).toBe(true);
  });

  it('uses French names', () => {
    expect(holidayOn('2026-05-01', 'FR')).toBe('Fête du travail');
    expect(holidayOn('2026-04-06', 'FR')).toBe('Lundi de Pâques');
  });

  it('adds Good Friday and 26 December in Alsace-Moselle only', () => {
    for (const region of ['FR-57', 'FR-67', 'FR-68'] as const) {
      const dates = holidaysOf(region, 2026).map((x) => x.date);
      expect(dates, region).toContain('2026-04-03');
      expect(dates, region).toContain('2026-12-26');
      expect(dates).toHaveLength(13);
      expect(holidayOn('2026-04-03', region)).toBe('Vendredi saint');
    }
    const fr = holidaysOf('FR', 2026).map((x) => x.date);
    expect(fr).not.toContain('2026-04-03');
    expect(fr).not.toContain('2026-12-26');
  });

  it('has overseas holidays (abolition of slavery on different dates)', () => {
    expect(holidayOn('2026-05-27', 'FR-GP')).toMatch(/esclavage/);
    expect(holidayOn('2026-05-22', 'FR-MQ')).toMatch(/esclavage/);
    expect(holidayOn('2026-12-20', 'FR-RE')).toMatch(/esclavage/);
    expect(holidayOn('2026-05-27', 'FR')).toBeNull();
  });

  it('is cached and cannot be mutated by callers', () => {
    const a = holidaysOf('FR-67', 2027);
    expect(holidaysOf('FR-67', 2027)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => (a as { date: string; name: string }[]).push({ date: '2027-06-01', name: 'x' })).toThrow();
    expect(holidaysOf('FR-67', 2027)).toHaveLength(13);
  });

  it('rejects invalid years', () => {
    expect(() => holidaysOf('FR', 2026.5)).toThrow(CodedError);
  });
});

describe('Easter-based holidays come out right for any year', () => {
  it.each([
    [2025, '2025-04-21'],
    [2026, '2026-04-06'],
    [2027, '2027-03-29'],
    [2030, '2030-04-22'],
  ])('Easter Monday %i is %s', (year, date) => {
    expect(holidayOn(date, 'FR')).toBe('Lundi de Pâques');
    expect(holidaysOf('FR', year).filter((h) => h.name === 'Lundi de Pâques').map((h) => h.date)).toEqual([date]);
    expect(isWorkingDay(date, 'FR')).toBe(false);
  });

  it('Ascension is 39 days and Whit Monday 50 days after Easter Sunday (2027: Easter on 03-28)', () => {
    expect(holidayOn('2027-05-06', 'FR')).toBe('Ascension');
    expect(holidayOn('2027-05-17', 'FR')).toBe('Lundi de Pentecôte');
    expect(holidayOn('2027-03-26', 'FR-57')).toBe('Vendredi saint');
  });
});

describe('monthCalendar', () => {
  it('2026-05 in FR-67: four holidays on weekdays, 17 working days', () => {
    const cal = monthCalendar('2026-05', 'FR-67');
    expect(cal.month).toBe('2026-05');
    expect(cal.region).toBe('FR-67');
    expect(holidayDates(cal)).toEqual(['2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25']);
    expect(cal.days.find((d) => d.date === '2026-05-14')?.holiday).toBe('Ascension');
    expect(cal.days.find((d) => d.date === '2026-05-25')?.holiday).toBe('Lundi de Pentecôte');
    expect(cal.workingDays).toBe(17);
    expect(cal.days.filter((d) => d.working)).toHaveLength(17);
  });

  it('has exactly the documented shape', () => {
    const cal = monthCalendar('2026-05', 'FR-67');
    expect(Object.keys(cal).sort()).toEqual(['days', 'month', 'region', 'workingDays']);
    expect(cal.days).toHaveLength(31);
    expect(cal.days[0]).toEqual({ date: '2026-05-01', weekday: 5, working: false, holiday: 'Fête du travail' });
    expect(cal.days[1]).toEqual({ date: '2026-05-02', weekday: 6, working: false, holiday: null });
    expect(cal.days[3]).toEqual({ date: '2026-05-04', weekday: 1, working: true, holiday: null });
    // Mother's Day (Sunday 31st) is an observance: no holiday name
    expect(cal.days[30]).toEqual({ date: '2026-05-31', weekday: 7, working: false, holiday: null });
  });

  it('2026-04 in FR-67 has Good Friday (04-03) and Easter Monday (04-06); FR only Easter Monday', () => {
    const alsace = monthCalendar('2026-04', 'FR-67');
    expect(holidayDates(alsace)).toEqual(['2026-04-03', '2026-04-06']);
    expect(alsace.workingDays).toBe(20);

    const fr = monthCalendar('2026-04', 'FR');
    expect(holidayDates(fr)).toEqual(['2026-04-06']);
    expect(fr.days.find((d) => d.date === '2026-04-03')).toEqual({
      date: '2026-04-03',
      weekday: 5,
      working: true,
      holiday: null,
    });
    expect(isWorkingDay('2026-04-03', 'FR')).toBe(true);
    expect(isWorkingDay('2026-04-03', 'FR-67')).toBe(false);
    expect(fr.workingDays).toBe(21);
  });

  it('26 December: a holiday in FR-68, a working day in FR (2025: a Friday)', () => {
    expect(holidayOn('2025-12-26', 'FR-68')).not.toBeNull();
    expect(isWorkingDay('2025-12-26', 'FR-68')).toBe(false);
    expect(holidayOn('2025-12-26', 'FR')).toBeNull();
    expect(isWorkingDay('2025-12-26', 'FR')).toBe(true);
    // December 2025 starts on a Monday: 23 weekdays; FR −25th = 22; FR-68 −25th −26th = 21
    expect(monthCalendar('2025-12', 'FR').workingDays).toBe(22);
    expect(monthCalendar('2025-12', 'FR-68').workingDays).toBe(21);
  });

  // Hand counts: Jan 2026 starts Thu → 22 weekdays − 1 Jan = 21; Feb 2026 starts Sun, 28 days = 20;
  // Aug 2026 starts Sat → 21 weekdays, 15 Aug is a Saturday = 21; Dec 2026 starts Tue → 23 weekdays
  // − 25 Dec (Fri) = 22, and 26 Dec is a Saturday so FR-57 is 22 too; Nov 2026 starts Sun → 21 weekdays,
  // 1 Nov is a Sunday, 11 Nov a Wednesday = 20.
  it.each([
    ['2026-01', 'FR', 21],
    ['2026-02', 'FR', 20],
    ['2026-05', 'FR', 17],
    ['2026-08', 'FR', 21],
    ['2026-11', 'FR', 20],
    ['2026-12', 'FR', 22],
    ['2026-12', 'FR-57', 22],
    ['2026-04', 'FR', 21],
    ['2026-04', 'FR-67', 20],
  ] as const)('%s in %s has %i working days', (month, region, expected) => {
    const cal = monthCalendar(month, region);
    expect(cal.workingDays).toBe(expected);
    // independent recount: weekdays minus weekday holidays
    const recount = daysOfMonth(month).filter((d) => isoWeekday(d) <= 5 && holidayOn(d, region) === null).length;
    expect(recount).toBe(expected);
  });
});

describe('workingDaysBetween', () => {
  it('lists working days inclusively across months and years', () => {
    expect(workingDaysBetween('2025-12-24', '2026-01-05', 'FR')).toEqual([
      '2025-12-24',
      '2025-12-26',
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
      '2026-01-02',
      '2026-01-05',
    ]);
    expect(workingDaysBetween('2025-12-24', '2026-01-05', 'FR-68')).not.toContain('2025-12-26');
    expect(workingDaysBetween('2026-05-02', '2026-05-03', 'FR')).toEqual([]);
    expect(workingDaysBetween('2026-05-05', '2026-05-04', 'FR')).toEqual([]);
  });

  it('counts a whole year', () => {
    // 2026: 261 weekdays; holidays on weekdays: 01-01, 04-06, 05-01, 05-08, 05-14, 05-25, 07-14, 11-11, 12-25 = 9
    expect(workingDaysBetween('2026-01-01', '2026-12-31', 'FR')).toHaveLength(252);
  });
});

describe('Whit Monday worked (journée de solidarité)', () => {
  const worked = { whitMondayWorked: true } as const;

  it.each([
    [1818, '1818-03-22'], // earliest possible Easter
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // latest possible Easter
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('Whit Monday is Easter + 50 days and agrees with date-holidays from 1583 to 2300', () => {
    expect(whitMonday(2026)).toBe('2026-05-25');
    expect(whitMonday(2027)).toBe('2027-05-17');
    expect(whitMonday(2038)).toBe('2038-06-14');
    for (let year = 1583; year <= 2300; year += 1) {
      const holidays = holidaysOf('FR', year);
      expect(holidays.find((h) => h.date === whitMonday(year))?.name, String(year)).toBe('Lundi de Pentecôte');
      expect(holidays.find((h) => h.date === addDays(easterSunday(year), 1))?.name, String(year)).toBe('Lundi de Pâques');
    }
    expect(() => whitMonday(0)).toThrow(expect.objectContaining({ code: 'INVALID_YEAR' }));
  });

  it('is a holiday by default and an ordinary working day with whitMondayWorked', () => {
    expect(holidayOn('2026-05-25', 'FR')).toBe('Lundi de Pentecôte');
    expect(holidayOn('2026-05-25', 'FR', { whitMondayWorked: false })).toBe('Lundi de Pentecôte');
    expect(holidayOn('2026-05-25', 'FR', {})).toBe('Lundi de Pentecôte');
    expect(holidayOn('2026-05-25', 'FR', worked)).toBeNull();
    expect(isWorkingDay('2026-05-25', 'FR')).toBe(false);
    expect(isWorkingDay('2026-05-25', 'FR', worked)).toBe(true);
    expect(isWorkingDay('2026-05-25', 'FR-67', worked)).toBe(true);
    // every other holiday stays one
    expect(holidayOn('2026-05-14', 'FR', worked)).toBe('Ascension');
    expect(holidayOn('2026-04-06', 'FR', worked)).toBe('Lundi de Pâques');
    expect(isWorkingDay('2026-05-24', 'FR', worked)).toBe(false); // Pentecost Sunday: a Sunday
  });

  it('removes only Whit Monday from the holidays of the year, and caches both calendars apart', () => {
    const flagged = holidaysOf('FR', 2029, worked);
    const normal = holidaysOf('FR', 2029);
    expect(normal).toHaveLength(11);
    expect(flagged.map((h) => h.date)).toEqual(normal.map((h) => h.date).filter((d) => d !== whitMonday(2029)));
    expect(holidaysOf('FR', 2029, worked)).toBe(flagged);
    expect(holidaysOf('FR', 2029)).toBe(normal);
    expect(Object.isFrozen(flagged)).toBe(true);
    expect(holidaysOf('FR-57', 2026, worked)).toHaveLength(12);
  });

  it('May 2026 in FR: 17 working days by default, 18 with Whit Monday worked', () => {
    // Hand count: May 2026 starts on a Friday → 21 weekdays (Fri 1, then 4 full weeks 4–29);
    // weekday holidays: Fri 1 (Fête du travail), Fri 8 (Victoire 1945), Thu 14 (Ascension),
    // Mon 25 (Whit Monday) → 21 − 4 = 17; with Whit Monday worked, 21 − 3 = 18.
    expect(monthCalendar('2026-05', 'FR').workingDays).toBe(17);
    const cal = monthCalendar('2026-05', 'FR', worked);
    expect(cal.workingDays).toBe(18);
    expect(cal.days.find((d) => d.date === '2026-05-25')).toEqual({ date: '2026-05-25', weekday: 1, working: true, holiday: null });
    expect(Object.keys(cal).sort()).toEqual(['days', 'month', 'region', 'workingDays']);
    expect(monthCalendar('2026-05', 'FR-67', worked).workingDays).toBe(18);
    // June 2038 (Easter on 25 April): starts on a Tuesday → 22 weekdays; Ascension Thu 3 June and
    // Whit Monday 14 June → 20; with Whit Monday worked, 21.
    expect(monthCalendar('2038-06', 'FR').workingDays).toBe(20);
    expect(monthCalendar('2038-06', 'FR', worked).workingDays).toBe(21);
  });

  it('counts one more working day in the year', () => {
    expect(workingDaysBetween('2026-01-01', '2026-12-31', 'FR', worked)).toHaveLength(253);
    expect(workingDaysBetween('2026-05-22', '2026-05-26', 'FR')).toEqual(['2026-05-22', '2026-05-26']);
    expect(workingDaysBetween('2026-05-22', '2026-05-26', 'FR', worked)).toEqual(['2026-05-22', '2026-05-25', '2026-05-26']);
  });

  it('keeps another holiday on the same date (Guadeloupe, 27 May 2075: abolition of slavery)', () => {
    expect(whitMonday(2075)).toBe('2075-05-27');
    expect(holidayOn('2075-05-27', 'FR-GP')).toMatch(/esclavage.*Pentecôte|Pentecôte.*esclavage/);
    expect(holidayOn('2075-05-27', 'FR-GP', worked)).toMatch(/esclavage/);
    expect(holidayOn('2075-05-27', 'FR-GP', worked)).not.toMatch(/Pentecôte/);
    expect(isWorkingDay('2075-05-27', 'FR-GP', worked)).toBe(false);
    expect(isWorkingDay('2075-05-27', 'FR', worked)).toBe(true);
  });
});
