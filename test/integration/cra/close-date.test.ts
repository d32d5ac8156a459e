/** The closing date of a month: the last working day of the client site's calendar, or day n (clamped). */
import { describe, expect, it } from 'vitest';
import { craCloseDate } from '../../../src/rituals/cra/close-date.js';

describe('craCloseDate', () => {
  it('is the last working day of the month by default', () => {
    expect(craCloseDate('2026-11', 'LAST_WORKING_DAY', 'FR', false)).toBe('2026-11-30');
    expect(craCloseDate('2027-01', 'LAST_WORKING_DAY', 'FR', false)).toBe('2027-01-29'); // the 31st is a Sunday
    expect(craCloseDate('2026-10', 'LAST_WORKING_DAY', 'FR', false)).toBe('2026-10-30'); // the 31st is a Saturday
  });

  it('is day n with DAY_<n>, clamped to the month', () => {
    expect(craCloseDate('2026-11', 'DAY_25', 'FR', false)).toBe('2026-11-25');
    expect(craCloseDate('2027-02', 'DAY_31', 'FR', false)).toBe('2027-02-28');
  });
});
