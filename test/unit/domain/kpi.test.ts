import { describe, expect, it } from 'vitest';
import { dailyMargin, intercontratRate, purchaseOrderBurn, tace, taci, tjmRealise } from '../../../src/domain/kpi.js';
import { CodedError } from '../../../src/domain/errors.js';

describe('TACE / TACI / intercontrat', () => {
  it('DOMAIN.md example: 50 people × 20 days, 100 CP/RTT days, 675 produced → TACE 0.75 exactly', () => {
    expect(tace({ producedDays: 675, potentialDays: 50 * 20, cpDays: 60, rttDays: 40 })).toBe(0.75);
    expect(taci({ producedDays: 675, potentialDays: 1000 })).toBe(0.675);
  });

  it('sick leave stays in the base: only CP and RTT are removed', () => {
    // 20 potential, 2 CP, 1 RTT, 15 produced (2 sick days are not passed anywhere) → 15 / 17
    expect(tace({ producedDays: 15, potentialDays: 20, cpDays: 2, rttDays: 1 })).toBe(15 / 17);
  });

  it('returns full precision (no rounding)', () => {
    expect(tace({ producedDays: 1, potentialDays: 3, cpDays: 0, rttDays: 0 })).toBe(1 / 3);
  });

  it('is null when the base is zero or negative', () => {
    expect(tace({ producedDays: 0, potentialDays: 20, cpDays: 15, rttDays: 5 })).toBeNull();
    expect(tace({ producedDays: 0, potentialDays: 20, cpDays: 20, rttDays: 5 })).toBeNull();
    expect(taci({ producedDays: 0, potentialDays: 0 })).toBeNull();
    expect(intercontratRate({ intercontratDays: 0, potentialDays: 0 })).toBeNull();
  });

  it('computes the intercontrat rate', () => {
    expect(intercontratRate({ intercontratDays: 5, potentialDays: 20 })).toBe(0.25);
  });

  it('rejects negative days', () => {
    expect(() => tace({ producedDays: -1, potentialDays: 20, cpDays: 0, rttDays: 0 })).toThrow(CodedError);
  });
});

describe('TJM réalisé', () => {
  it('= revenue / days billed, to the cent', () => {
    expect(tjmRealise({ revenue: '13000', daysBilled: 20 })).toBe('650.00');
    expect(tjmRealise({ revenue: '10000', daysBilled: 3 })).toBe('3333.33');
    expect(tjmRealise({ revenue: 12350.5, daysBilled: 19.5 })).toBe('633.36');
  });

  it('is null without billed days', () => {
    expect(tjmRealise({ revenue: '0', daysBilled: 0 })).toBeNull();
  });
});

describe('dailyMargin', () => {
  it('DOMAIN.md example: TJM 650, CJM 545 → 105/day, taux de marque 16.2 %', () => {
    const m = dailyMargin({ tjm: '650', cjm: '545' });
    expect(m.margin).toBe('105');
    expect(m.markupRate).toBeCloseTo(105 / 650, 15);
    expect(m.markupRate?.toFixed(4)).toBe('0.1615');
    expect(((m.markupRate ?? 0) * 100).toFixed(1)).toBe('16.2');
    expect(m.fragile).toBe(false);
  });

  it('flags a TJM below the CJM as fragile, not an equal one', () => {
    const below = dailyMargin({ tjm: '500', cjm: '545.50' });
    expect(below).toEqual({ margin: '-45.5', markupRate: -45.5 / 500, fragile: true });
    expect(dailyMargin({ tjm: 545, cjm: 545 })).toEqual({ margin: '0', markupRate: 0, fragile: false });
  });

  it('computes margins exactly in decimal', () => {
    expect(dailyMargin({ tjm: '650.30', cjm: '545.10' }).margin).toBe('105.2');
  });

  it('has no markup rate for a zero TJM', () => {
    expect(dailyMargin({ tjm: '0', cjm: '100' }).markupRate).toBeNull();
  });
});

describe('purchaseOrderBurn', () => {
  const base = { daysOrdered: 100, consumedDays: 0, pendingDays: 0, plannedWorkingDaysUntilEnd: 0 };

  it('computes consumed, remaining and forecast', () => {
    expect(purchaseOrderBurn({ daysOrdered: 100, consumedDays: 60, pendingDays: 10.5, plannedWorkingDaysUntilEnd: 20 })).toEqual({
      consumed: 60,
      remaining: 29.5,
      forecast: 9.5,
      consumedRatio: 0.6,
      flags: { reached80: false, reached100: false, forecastNegative: false },
    });
  });

  it('80 % threshold: 79.9 % is not reached, exactly 80 % is', () => {
    const justBelow = purchaseOrderBurn({ ...base, daysOrdered: 1000, consumedDays: 799 });
    expect(justBelow.consumedRatio).toBe(0.799);
    expect(justBelow.flags.reached80).toBe(false);
    const exactly = purchaseOrderBurn({ ...base, consumedDays: 80 });
    expect(exactly.flags.reached80).toBe(true);
    expect(exactly.flags.reached100).toBe(false);
    // 0.8 × 2.5 days, where float division would be fragile
    expect(purchaseOrderBurn({ ...base, daysOrdered: 2.5, consumedDays: 2 }).flags.reached80).toBe(true);
    expect(purchaseOrderBurn({ ...base, daysOrdered: 2.5, consumedDays: 1.75 }).flags.reached80).toBe(false);
  });

  it('100 % threshold: 99.5 % is not reached, exactly 100 % is, above too', () => {
    expect(purchaseOrderBurn({ ...base, consumedDays: 99.5 }).flags.reached100).toBe(false);
    const full = purchaseOrderBurn({ ...base, consumedDays: 100 });
    expect(full.flags).toEqual({ reached80: true, reached100: true, forecastNegative: false });
    expect(full.remaining).toBe(0);
    expect(full.consumedRatio).toBe(1);
    const over = purchaseOrderBurn({ ...base, consumedDays: 101 });
    expect(over.flags.reached100).toBe(true);
    expect(over.remaining).toBe(-1);
    expect(over.flags.forecastNegative).toBe(true);
  });

  it('forecast exactly 0 is not negative; −0.5 is', () => {
    const zero = purchaseOrderBurn({ daysOrdered: 20, consumedDays: 10, pendingDays: 4.5, plannedWorkingDaysUntilEnd: 5.5 });
    expect(zero.forecast).toBe(0);
    expect(zero.flags.forecastNegative).toBe(false);
    const negative = purchaseOrderBurn({ daysOrdered: 20, consumedDays: 10, pendingDays: 4.5, plannedWorkingDaysUntilEnd: 6 });
    expect(negative.forecast).toBe(-0.5);
    expect(negative.flags.forecastNegative).toBe(true);
  });

  it('pending days reduce remaining but do not count as consumed', () => {
    const r = purchaseOrderBurn({ daysOrdered: 10, consumedDays: 7, pendingDays: 3, plannedWorkingDaysUntilEnd: 0 });
    expect(r.remaining).toBe(0);
    expect(r.flags.reached80).toBe(false);
  });

  it('handles an order of zero days', () => {
    expect(purchaseOrderBurn({ ...base, daysOrdered: 0 }).consumedRatio).toBeNull();
    expect(purchaseOrderBurn({ ...base, daysOrdered: 0, consumedDays: 1 }).flags.reached100).toBe(true);
  });
});
