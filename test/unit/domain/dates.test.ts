import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  dateInTimeZone,
  datesBetween,
  daysInMonth,
  daysOfMonth,
  firstDay,
  fromDateOnlyUTC,
  isIsoDate,
  isoWeekday,
  isYearMonth,
  lastDay,
  monthOf,
  parseYearMonth,
  toDateOnlyUTC,
} from '../../../src/domain/dates.js';
import { CodedError } from '../../../src/domain/errors.js';

const ORIGINAL_TZ = process.env.TZ;
const ZONES = ['UTC', 'Europe/Paris', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Los_Angeles'];

function withTz<T>(tz: string, fn: () => T): T {
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (ORIGINAL_TZ === undefined) delete process.env.TZ;
    else process.env.TZ = ORIGINAL_TZ;
  }
}

describe('isIsoDate / isYearMonth', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2026-01-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('2026-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2026-01-01')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('validates months', () => {
    expect(isYearMonth('2026-05')).toBe(true);
    expect(isYearMonth('2026-13')).toBe(false);
    expect(isYearMonth('2026-5')).toBe(false);
    expect(isYearMonth('2026-05-01')).toBe(false);
  });
});

describe('parseYearMonth', () => {
  it('parses YYYY-MM', () => {
    expect(parseYearMonth('2026-05')).toEqual({ year: 2026, month: 5 });
  });

  it.each(['2026-13', '2026-00', '26-05', '2026/05', '', '2026-05-01'])('throws INVALID_MONTH for %j', (value) => {
    expect(() => parseYearMonth(value)).toThrow(CodedError);
    try {
      parseYearMonth(value);
    } catch (e) {
      expect((e as CodedError).code).toBe('INVALID_MONTH');
    }
  });
});

describe('month helpers', () => {
  it('lists every day of a month', () => {
    const feb = daysOfMonth('2026-02');
    expect(feb).toHaveLength(28);
    expect(feb[0]).toBe('2026-02-01');
    expect(feb.at(-1)).toBe('2026-02-28');
    expect(daysOfMonth('2024-02')).toHaveLength(29);
    expect(daysOfMonth('2026-12')).toHaveLength(31);
    expect(daysOfMonth('2026-04')).toHaveLength(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('gives first and last days', () => {
    expect(firstDay('2026-02')).toBe('2026-02-01');
    expect(lastDay('2026-02')).toBe('2026-02-28');
    expect(lastDay('2028-02')).toBe('2028-02-29');
    expect(lastDay('2026-12')).toBe('2026-12-31');
    expect(() => lastDay('2026-13')).toThrow(CodedError);
  });

  it('gives the month of a date and adds months', () => {
    expect(monthOf('2026-01-31')).toBe('2026-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-05', 14)).toBe('2027-07');
    expect(addMonths('2026-05', -17)).toBe('2024-12');
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // DST change in Europe on 2026-03-29
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26'); // DST change in Europe on 2026-10-25
    expect(addDays('2026-01-15', 0)).toBe('2026-01-15');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('rejects invalid input', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(CodedError);
    expect(() => addDays('2026-02-01', 0.5)).toThrow(CodedError);
  });
});

describe('isoWeekday / compareDates / datesBetween', () => {
  it('uses ISO weekdays (Monday = 1, Sunday = 7)', () => {
    expect(isoWeekday('2026-01-01')).toBe(4); // Thursday
    expect(isoWeekday('2026-05-04')).toBe(1); // Monday
    expect(isoWeekday('2026-05-03')).toBe(7); // Sunday
    expect(isoWeekday('2026-05-02')).toBe(6); // Saturday
  });

  it('compares dates', () => {
    expect(compareDates('2026-01-01', '2025-12-31')).toBe(1);
    expect(compareDates('2025-12-31', '2026-01-01')).toBe(-1);
    expect(compareDates('2026-01-01', '2026-01-01')).toBe(0);
    expect(['2026-03-01', '2025-12-31', '2026-01-15'].sort(compareDates)).toEqual([
      '2025-12-31',
      '2026-01-15',
      '2026-03-01',
    ]);
  });

  it('lists dates inclusively', () => {
    expect(datesBetween('2025-12-30', '2026-01-02')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    expect(datesBetween('2026-01-02', '2026-01-02')).toEqual(['2026-01-02']);
    expect(datesBetween('2026-01-03', '2026-01-02')).toEqual([]);
  });
});

describe('date-only values are never shifted by the time zone', () => {
  afterEach(() => {
    if (ORIGINAL_TZ === undefined) delete process.env.TZ;
    else process.env.TZ = ORIGINAL_TZ;
  });

  it.each(ZONES)('in TZ=%s', (tz) => {
    withTz(tz, () => {
      // the zone really is active (otherwise this test would prove nothing)
      expect(new Date('2026-01-01T00:00:00.000Z').getTimezoneOffset() !== 0).toBe(tz !== 'UTC');
      const date = toDateOnlyUTC('2026-01-01');
      expect(date.toISOString()).toBe('2026-01-01T00:00:00.000Z');
      expect(fromDateOnlyUTC(date)).toBe('2026-01-01');
      expect(fromDateOnlyUTC(new Date('2025-12-31T00:00:00.000Z'))).toBe('2025-12-31');
      expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
      expect(isoWeekday('2026-01-01')).toBe(4);
      expect(daysOfMonth('2026-01')[0]).toBe('2026-01-01');
      expect(datesBetween('2026-03-28', '2026-03-30')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    });
  });

  it('refuses instants that are not midnight UTC (the classic one-day shift)', () => {
    expect(() => fromDateOnlyUTC(new Date('2025-12-31T23:00:00.000Z'))).toThrow(CodedError);
    expect(() => fromDateOnlyUTC(new Date('invalid'))).toThrow(CodedError);
  });

  it('round-trips early years', () => {
    expect(toDateOnlyUTC('0099-03-01').toISOString()).toBe('0099-03-01T00:00:00.000Z');
    expect(fromDateOnlyUTC(toDateOnlyUTC('0099-03-01'))).toBe('0099-03-01');
  });
});

describe('dateInTimeZone', () => {
  it('gives the calendar date of an instant in a zone', () => {
    const instant = new Date('2025-12-31T23:30:00.000Z');
    expect(dateInTimeZone(instant)).toBe('2026-01-01'); // Paris is UTC+1 in winter
    expect(dateInTimeZone(instant, 'UTC')).toBe('2025-12-31');
    expect(dateInTimeZone(instant, 'America/Guadeloupe')).toBe('2025-12-31');
    expect(dateInTimeZone(new Date('2026-01-01T10:00:00.000Z'), 'Pacific/Kiritimati')).toBe('2026-01-02');
  });

  it('rejects unknown zones', () => {
    expect(() => dateInTimeZone(new Date(), 'Mars/Olympus')).toThrow(CodedError);
  });
});
