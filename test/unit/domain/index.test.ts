import { describe, expect, it } from 'vitest';
import * as domain from '../../../src/domain/index.js';

describe('domain index', () => {
  it('re-exports the public API', () => {
    const names = [
      'CodedError',
      'isIsoDate',
      'parseYearMonth',
      'daysOfMonth',
      'addDays',
      'isoWeekday',
      'compareDates',
      'monthOf',
      'firstDay',
      'lastDay',
      'datesBetween',
      'toDateOnlyUTC',
      'fromDateOnlyUTC',
      'isSupportedRegion',
      'listRegions',
      'holidaysOf',
      'monthCalendar',
      'workingDaysBetween',
      'isWorkingDay',
      'parseFraction',
      'DAY_KINDS',
      'validateDayEntry',
      'flagsForEntry',
      'CRA_STATUSES',
      'applyCraEvent',
      'craContentHash',
      'isLocked',
      'amountByRatePeriod',
      'validateRatePeriods',
      'tace',
      'taci',
      'intercontratRate',
      'tjmRealise',
      'dailyMargin',
      'purchaseOrderBurn',
      'craCompleteness',
      'easterSunday',
      'whitMonday',
      'problemOf',
      'DOMAIN_ERROR_CODES',
    ];
    const exported = domain as unknown as Record<string, unknown>;
    for (const name of names) expect(exported[name], name).toBeDefined();
    expect(new domain.CodedError('X', 'y')).toBeInstanceOf(Error);
    expect(domain.monthCalendar('2026-05', 'FR-67').workingDays).toBe(17);
  });
});
