import { describe, expect, it } from 'vitest';
import { amountByRatePeriod, rateForDate, validateRatePeriods, type RatePeriod } from '../../../src/domain/billing.js';
import { workingDaysBetween } from '../../../src/domain/calendar.js';
import { errorOf } from '../../helpers/errors.js';

const full = (dates: string[]) => dates.map((date) => ({ date, worked: 1 }));

describe('validateRatePeriods', () => {
  it('accepts contiguous periods', () => {
    expect(
      validateRatePeriods([
        { from: '2026-01-01', to: '2026-05-14', tjm: '600' },
        { from: '2026-05-15', to: null, tjm: '650.00' },
      ]),
    ).toEqual([]);
  });

  it('detects overlaps, including with an open-ended period and sharing one day', () => {
    const codes = (rates: RatePeriod[]) => validateRatePeriods(rates).map((p) => p.code);
    expect(codes([{ from: '2026-01-01', to: '2026-05-15', tjm: '600' }, { from: '2026-05-15', to: null, tjm: '650' }])).toEqual([
      'RATE_PERIODS_OVERLAP',
    ]);
    expect(codes([{ from: '2026-06-01', to: null, tjm: '650' }, { from: '2026-01-01', to: null, tjm: '600' }])).toEqual([
      'RATE_PERIODS_OVERLAP',
    ]);
    expect(
      codes([
        { from: '2026-01-01', to: '2026-12-31', tjm: '600' },
        { from: '2026-02-01', to: '2026-02-28', tjm: '610' },
        { from: '2026-06-01', to: '2026-06-30', tjm: '620' },
      ]),
    ).toEqual(['RATE_PERIODS_OVERLAP', 'RATE_PERIODS_OVERLAP']);
  });

  it('requires a positive decimal TJM and well-formed periods', () => {
    const problems = validateRatePeriods([
      { from: '2026-01-01', to: '2026-01-31', tjm: '0' },
      { from: '2026-02-01', to: '2026-02-28', tjm: '-650' },
      { from: '2026-03-01', to: '2026-03-31', tjm: '650,00' },
      { from: '2026-04-30', to: '2026-04-01', tjm: '650' },
      { from: '2026-02-30', to: null, tjm: '650' },
    ]);
    expect(problems.map((p) => p.code)).toEqual([
      'RATE_NOT_POSITIVE',
      'RATE_NOT_POSITIVE',
      'RATE_NOT_POSITIVE',
      'INVALID_RATE_PERIOD',
      'INVALID_RATE_PERIOD',
    ]);
  });
});

describe('amountByRatePeriod', () => {
  it('bills a simple month: 20 days × 650 = 13000.00', () => {
    const days = full(workingDaysBetween('2026-02-01', '2026-02-28', 'FR'));
    expect(amountByRatePeriod(days, [{ from: '2026-01-01', to: null, tjm: '650' }])).toEqual({
      lines: [{ from: '2026-02-02', to: '2026-02-27', days: '20', tjm: '650', amount: '13000.00' }],
      totalDays: '20',
      totalAmount: '13000.00',
    });
  });

  it('splits lines when the TJM changes mid-month, clipped to the days covered', () => {
    const days = [
      ...full(workingDaysBetween('2026-05-01', '2026-05-31', 'FR')),
      { date: '2026-05-29', worked: 0 }, // a zero entry changes nothing
    ].map((d) => (d.date === '2026-05-12' ? { ...d, worked: '0.5' } : d));
    const rates: RatePeriod[] = [
      { from: '2026-01-01', to: '2026-05-15', tjm: '600' },
      { from: '2026-05-16', to: null, tjm: '650.50' },
    ];
    // May 2026 FR: working days 4-7, 11-13, 15 (8) then 18-22, 26-29 (9); 12th is half a day
    const result = amountByRatePeriod(days, rates);
    expect(result.lines).toEqual([
      { from: '2026-05-04', to: '2026-05-15', days: '7.5', tjm: '600', amount: '4500.00' },
      { from: '2026-05-18', to: '2026-05-29', days: '9', tjm: '650.5', amount: '5854.50' },
    ]);
    expect(result.totalDays).toBe('16.5');
    expect(result.totalAmount).toBe('10354.50');
  });

  it('orders lines by date whatever the order of days and rates', () => {
    const result = amountByRatePeriod(
      [
        { date: '2026-05-20', worked: 1 },
        { date: '2026-05-04', worked: 1 },
      ],
      [
        { from: '2026-05-16', to: null, tjm: '700' },
        { from: '2026-01-01', to: '2026-05-15', tjm: '600' },
      ],
    );
    expect(result.lines.map((l) => l.tjm)).toEqual(['600', '700']);
  });

  it('rounds each line to cents half up, and the total is the sum of rounded lines', () => {
    const result = amountByRatePeriod(
      [
        { date: '2026-05-04', worked: 0.25 },
        { date: '2026-05-20', worked: 0.25 },
      ],
      [
        { from: '2026-05-01', to: '2026-05-15', tjm: '600.10' }, // 150.025 → 150.03
        { from: '2026-05-16', to: '2026-05-31', tjm: '600.02' }, // 150.005 → 150.01
      ],
    );
    expect(result.lines.map((l) => l.amount)).toEqual(['150.03', '150.01']);
    expect(result.totalAmount).toBe('300.04');
    expect(result.totalDays).toBe('0.5');
  });

  it('avoids float error (0.1 + 0.2 style)', () => {
    const result = amountByRatePeriod(
      [
        { date: '2026-05-04', worked: 1 },
        { date: '2026-05-05', worked: 1 },
        { date: '2026-05-06', worked: 1 },
      ],
      [{ from: '2026-05-01', to: null, tjm: '0.1' }],
    );
    expect(result.lines[0]?.amount).toBe('0.30');
  });

  it('returns an empty summary when nothing is worked', () => {
    expect(amountByRatePeriod([{ date: '2026-05-04', worked: 0 }], [])).toEqual({ lines: [], totalDays: '0', totalAmount: '0.00' });
  });

  it('throws NO_RATE_FOR_DATE for a worked date without rate', () => {
    const e = errorOf(() =>
      amountByRatePeriod([{ date: '2026-05-04', worked: 1 }, { date: '2026-06-01', worked: 0.5 }], [
        { from: '2026-05-01', to: '2026-05-31', tjm: '650' },
      ]),
    );
    expect(e.code).toBe('NO_RATE_FOR_DATE');
    expect(e.details).toEqual({ date: '2026-06-01' });
  });

  it('throws on overlapping rates', () => {
    expect(
      errorOf(() =>
        amountByRatePeriod([{ date: '2026-05-04', worked: 1 }], [
          { from: '2026-05-01', to: null, tjm: '650' },
          { from: '2026-05-10', to: null, tjm: '700' },
        ]),
      ).code,
    ).toBe('RATE_PERIODS_OVERLAP');
  });

  it('finds the rate of a date with inclusive bounds', () => {
    const rates: RatePeriod[] = [
      { from: '2026-01-01', to: '2026-05-15', tjm: '600' },
      { from: '2026-05-16', to: null, tjm: '650' },
    ];
    expect(rateForDate('2026-05-15', rates)?.tjm).toBe('600');
    expect(rateForDate('2026-05-16', rates)?.tjm).toBe('650');
    expect(rateForDate('2025-12-31', rates)).toBeUndefined();
  });
});
