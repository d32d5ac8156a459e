import { describe, expect, it } from 'vitest';
import {
  isWithinMissionWindow,
  missionDatesOfMonth,
  missionWorkingDaysOfMonth,
} from '../../../src/domain/mission-window.js';

describe('mission window', () => {
  const window = { startDate: '2026-05-11', endDate: '2026-05-20' };

  it('includes both ends', () => {
    expect(isWithinMissionWindow('2026-05-10', window)).toBe(false);
    expect(isWithinMissionWindow('2026-05-11', window)).toBe(true);
    expect(isWithinMissionWindow('2026-05-20', window)).toBe(true);
    expect(isWithinMissionWindow('2026-05-21', window)).toBe(false);
  });

  it('is open-ended without an end date', () => {
    expect(isWithinMissionWindow('2099-12-31', { startDate: '2026-05-11', endDate: null })).toBe(true);
    expect(isWithinMissionWindow('2026-05-10', { startDate: '2026-05-11', endDate: null })).toBe(false);
  });

  it('keeps only the days of the month inside the window (mission starting/ending mid-month)', () => {
    const dates = missionDatesOfMonth('2026-05', window);
    expect(dates[0]).toBe('2026-05-11');
    expect(dates.at(-1)).toBe('2026-05-20');
    expect(dates).toHaveLength(10);
    // 11–20 May 2026: Mon 11 … Fri 15, Mon 18 … Wed 20, minus Ascension Thu 14 = 7
    expect(missionWorkingDaysOfMonth('2026-05', window, 'FR')).toEqual([
      '2026-05-11',
      '2026-05-12',
      '2026-05-13',
      '2026-05-15',
      '2026-05-18',
      '2026-05-19',
      '2026-05-20',
    ]);
    expect(missionDatesOfMonth('2026-04', window)).toEqual([]);
  });

  it('counts Whit Monday as a working day of a mission that works it', () => {
    const late = { startDate: '2026-05-20', endDate: '2026-05-27' };
    // Wed 20, Thu 21, Fri 22, (Mon 25 Whit Monday), Tue 26, Wed 27
    expect(missionWorkingDaysOfMonth('2026-05', late, 'FR')).toEqual(['2026-05-20', '2026-05-21', '2026-05-22', '2026-05-26', '2026-05-27']);
    expect(missionWorkingDaysOfMonth('2026-05', late, 'FR', { whitMondayWorked: true })).toEqual([
      '2026-05-20',
      '2026-05-21',
      '2026-05-22',
      '2026-05-25',
      '2026-05-26',
      '2026-05-27',
    ]);
    expect(missionWorkingDaysOfMonth('2026-05', late, 'FR', { whitMondayWorked: false })).toHaveLength(5);
  });
});
