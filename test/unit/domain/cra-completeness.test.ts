import { describe, expect, it } from 'vitest';
import { craCompleteness } from '../../../src/domain/cra-completeness.js';
import { missionWorkingDaysOfMonth } from '../../../src/domain/mission-window.js';

const mission = { startDate: '2026-01-01', endDate: null, region: 'FR' as const };

describe('craCompleteness', () => {
  it('a fully filled month is complete (entries across missions and absences count)', () => {
    const days = missionWorkingDaysOfMonth('2026-02', mission, 'FR');
    const entries = days.flatMap((date, i) =>
      i === 0
        ? [
            { date, fraction: 0.5 },
            { date, fraction: '0.5' },
          ]
        : [{ date, fraction: 1 }],
    );
    expect(craCompleteness({ month: '2026-02', mission, entries })).toEqual({ complete: true, missingDays: [] });
  });

  it('lists working days not fully accounted for, in date order', () => {
    const days = missionWorkingDaysOfMonth('2026-02', mission, 'FR').filter((d) => d !== '2026-02-10' && d !== '2026-02-03');
    const entries = [...days.map((date) => ({ date, fraction: 1 })), { date: '2026-02-10', fraction: 0.5 }].reverse();
    expect(craCompleteness({ month: '2026-02', mission, entries })).toEqual({
      complete: false,
      missingDays: ['2026-02-03', '2026-02-10'],
    });
  });

  it('never asks for weekends, holidays or days outside the mission window', () => {
    const short = { startDate: '2026-05-11', endDate: '2026-05-15', region: 'FR' as const };
    const result = craCompleteness({ month: '2026-05', mission: short, entries: [] });
    // 14 May is Ascension
    expect(result.missingDays).toEqual(['2026-05-11', '2026-05-12', '2026-05-13', '2026-05-15']);
  });

  it('a whole month of leave is complete (a month with zero activity still gets a CRA)', () => {
    const entries = missionWorkingDaysOfMonth('2026-08', mission, 'FR').map((date) => ({ date, fraction: 1 }));
    expect(craCompleteness({ month: '2026-08', mission, entries }).complete).toBe(true);
  });

  it('asks for Whit Monday only on a mission that works it (journée de solidarité)', () => {
    const may = { startDate: '2026-05-01', endDate: '2026-05-31', region: 'FR' as const };
    // Every working day of the default calendar filled: 17 days in May 2026.
    const filled = missionWorkingDaysOfMonth('2026-05', may, 'FR').map((date) => ({ date, fraction: 1 }));
    expect(filled).toHaveLength(17);
    expect(craCompleteness({ month: '2026-05', mission: may, entries: filled })).toEqual({ complete: true, missingDays: [] });
    expect(craCompleteness({ month: '2026-05', mission: { ...may, whitMondayWorked: false }, entries: filled }).complete).toBe(true);
    const solidarity = { ...may, whitMondayWorked: true };
    expect(craCompleteness({ month: '2026-05', mission: solidarity, entries: filled })).toEqual({
      complete: false,
      missingDays: ['2026-05-25'],
    });
    const withWhitMonday = [...filled, { date: '2026-05-25', fraction: '1' }];
    expect(craCompleteness({ month: '2026-05', mission: solidarity, entries: withWhitMonday }).complete).toBe(true);
  });
});
