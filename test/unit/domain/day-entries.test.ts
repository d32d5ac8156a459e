import { describe, expect, it } from 'vitest';
import {
  ABSENCE_KINDS,
  DAY_KINDS,
  flagsForEntry,
  isAbsence,
  isDayKind,
  isPlannedLeave,
  validateDayEntry,
  type DayKind,
  type DayEntryMission,
  type OtherDayEntry,
  type ValidateDayEntryInput,
} from '../../../src/domain/day-entries.js';

const mission: DayEntryMission = { startDate: '2026-05-04', endDate: '2026-06-30', granularity: 'HALF', region: 'FR-67' };

function validate(
  entry: { date: string; fraction: number | string; kind: DayKind },
  options: { others?: OtherDayEntry[]; allowNonWorkingDay?: boolean; mission?: Partial<DayEntryMission> } = {},
) {
  const input: ValidateDayEntryInput = {
    entry,
    mission: { ...mission, ...options.mission },
    otherEntriesSameDate: options.others ?? [],
    allowNonWorkingDay: options.allowNonWorkingDay ?? false,
  };
  return validateDayEntry(input);
}

function codes(problems: { code: string }[]): string[] {
  return problems.map((p) => p.code);
}

describe('day kinds', () => {
  it('lists the kinds; absence = every kind but WORKED; CP and RTT are planned leave', () => {
    expect(DAY_KINDS).toEqual(['WORKED', 'CP', 'RTT', 'SICK', 'TRAINING', 'OTHER']);
    expect(ABSENCE_KINDS).toEqual(['CP', 'RTT', 'SICK', 'TRAINING', 'OTHER']);
    expect(DAY_KINDS.filter(isAbsence)).toEqual(ABSENCE_KINDS);
    expect(DAY_KINDS.filter(isPlannedLeave)).toEqual(['CP', 'RTT']);
    expect(isDayKind('SICK')).toBe(true);
    expect(isDayKind('HOLIDAY')).toBe(false);
  });
});

describe('validateDayEntry', () => {
  it('accepts a normal worked day, a half day and a zero', () => {
    expect(validate({ date: '2026-05-04', fraction: 1, kind: 'WORKED' })).toEqual([]);
    expect(validate({ date: '2026-05-04', fraction: '0.5', kind: 'WORKED' })).toEqual([]);
    expect(validate({ date: '2026-05-04', fraction: 0, kind: 'WORKED' })).toEqual([]);
  });

  it('accepts 0.5 worked + 0.5 CP on the same date', () => {
    expect(
      validate({ date: '2026-05-05', fraction: 0.5, kind: 'WORKED' }, { others: [{ kind: 'CP', fraction: 0.5 }] }),
    ).toEqual([]);
    expect(
      validate({ date: '2026-05-05', fraction: 0.5, kind: 'CP' }, { others: [{ kind: 'WORKED', fraction: '0.5', missionId: 'm1' }] }),
    ).toEqual([]);
  });

  it('FRACTION_NOT_ALLOWED depends on the mission granularity', () => {
    const p = validate({ date: '2026-05-04', fraction: 0.25, kind: 'WORKED' });
    expect(codes(p)).toEqual(['FRACTION_NOT_ALLOWED']);
    expect(p[0]?.date).toBe('2026-05-04');
    expect(validate({ date: '2026-05-04', fraction: 0.25, kind: 'WORKED' }, { mission: { granularity: 'QUARTER' } })).toEqual([]);
    expect(codes(validate({ date: '2026-05-04', fraction: 0.5, kind: 'WORKED' }, { mission: { granularity: 'DAY' } }))).toEqual([
      'FRACTION_NOT_ALLOWED',
    ]);
    expect(codes(validate({ date: '2026-05-04', fraction: 1.5, kind: 'WORKED' }))).toEqual(['FRACTION_NOT_ALLOWED']);
    expect(codes(validate({ date: '2026-05-04', fraction: '0,5', kind: 'WORKED' }))).toEqual(['INVALID_FRACTION']);
  });

  it('OUTSIDE_MISSION_WINDOW before the start or after the end, inclusive bounds', () => {
    expect(codes(validate({ date: '2026-05-01', fraction: 0, kind: 'WORKED' }))).toEqual(['OUTSIDE_MISSION_WINDOW']);
    expect(codes(validate({ date: '2026-07-01', fraction: 1, kind: 'WORKED' }))).toEqual(['OUTSIDE_MISSION_WINDOW']);
    expect(validate({ date: '2026-06-30', fraction: 1, kind: 'WORKED' })).toEqual([]);
    expect(validate({ date: '2027-03-01', fraction: 1, kind: 'WORKED' }, { mission: { endDate: null } })).toEqual([]);
  });

  it('NON_WORKING_DAY for work on a weekend or holiday, unless explicitly overridden', () => {
    // Saturday
    expect(codes(validate({ date: '2026-05-09', fraction: 1, kind: 'WORKED' }))).toEqual(['NON_WORKING_DAY']);
    expect(validate({ date: '2026-05-09', fraction: 1, kind: 'WORKED' }, { allowNonWorkingDay: true })).toEqual([]);
    // Ascension (Thursday)
    const p = validate({ date: '2026-05-14', fraction: 0.5, kind: 'WORKED' });
    expect(codes(p)).toEqual(['NON_WORKING_DAY']);
    expect(p[0]?.message).toContain('Ascension');
    expect(validate({ date: '2026-05-14', fraction: 0.5, kind: 'WORKED' }, { allowNonWorkingDay: true })).toEqual([]);
    // zero on a weekend is fine (nothing recorded)
    expect(validate({ date: '2026-05-09', fraction: 0, kind: 'WORKED' })).toEqual([]);
  });

  it('uses the mission region: Good Friday is a holiday in FR-67, a working day in FR', () => {
    const entry = { date: '2026-04-03', fraction: 1, kind: 'WORKED' } as const;
    const window = { startDate: '2026-01-01', endDate: null };
    expect(codes(validate(entry, { mission: { ...window, region: 'FR-67' } }))).toEqual(['NON_WORKING_DAY']);
    expect(validate(entry, { mission: { ...window, region: 'FR' } })).toEqual([]);
  });

  it('refuses absences on non-working days, even with the override', () => {
    for (const kind of ABSENCE_KINDS) {
      expect(codes(validate({ date: '2026-05-10', fraction: 1, kind }, { allowNonWorkingDay: true })), kind).toEqual([
        'NON_WORKING_DAY',
      ]);
      expect(codes(validate({ date: '2026-05-25', fraction: 0.5, kind })), kind).toEqual(['NON_WORKING_DAY']);
    }
  });

  it('DAY_OVERBOOKED when the person total on the date exceeds one day, across missions and absences', () => {
    expect(
      codes(validate({ date: '2026-05-05', fraction: 1, kind: 'WORKED' }, { others: [{ kind: 'WORKED', fraction: 0.5, missionId: 'other' }] })),
    ).toEqual(['DAY_OVERBOOKED']);
    expect(
      codes(
        validate(
          { date: '2026-05-05', fraction: 0.5, kind: 'WORKED' },
          { others: [{ kind: 'CP', fraction: 0.5 }, { kind: 'WORKED', fraction: '0.25', missionId: 'other' }] },
        ),
      ),
    ).toEqual(['DAY_OVERBOOKED']);
    // exactly 1 is fine
    expect(
      validate(
        { date: '2026-05-05', fraction: 0.5, kind: 'WORKED' },
        { others: [{ kind: 'WORKED', fraction: 0.25, missionId: 'a' }, { kind: 'WORKED', fraction: 0.25, missionId: 'b' }] },
      ),
    ).toEqual([]);
  });

  it('INVALID_DATE short-circuits other checks', () => {
    expect(validate({ date: '2026-02-30', fraction: 3, kind: 'WORKED' })).toEqual([
      { code: 'INVALID_DATE', message: expect.stringContaining('2026-02-30'), params: { value: '2026-02-30' } },
    ]);
    expect(codes(validate({ date: '05/05/2026', fraction: 1, kind: 'WORKED' }))).toEqual(['INVALID_DATE']);
  });

  it('reports several problems at once, each with its date', () => {
    const p = validate(
      { date: '2026-07-04', fraction: 1, kind: 'WORKED' }, // Saturday after the mission end
      { others: [{ kind: 'CP', fraction: 0.5 }] },
    );
    expect(codes(p).sort()).toEqual(['DAY_OVERBOOKED', 'NON_WORKING_DAY', 'OUTSIDE_MISSION_WINDOW']);
    expect(p.every((x) => x.date === '2026-07-04' && x.message.length > 0)).toBe(true);
  });

  it('INVALID_KIND for an unknown kind', () => {
    expect(codes(validate({ date: '2026-05-05', fraction: 1, kind: 'HOLIDAY' as DayKind }))).toEqual(['INVALID_KIND']);
  });
});

describe('validateDayEntry: Whit Monday (2026-05-25) and the journée de solidarité', () => {
  const whitMonday = { date: '2026-05-25', fraction: 1, kind: 'WORKED' } as const;

  it('is a holiday by default: work needs the override, absences are refused', () => {
    const p = validate(whitMonday);
    expect(p).toEqual([
      {
        code: 'NON_WORKING_DAY',
        message: '2026-05-25 is a public holiday (Lundi de Pentecôte): recording work needs an explicit override',
        date: '2026-05-25',
        params: { date: '2026-05-25', holiday: 'Lundi de Pentecôte' },
        variant: 'holidayWork',
      },
    ]);
    expect(validate(whitMonday, { mission: { whitMondayWorked: false } })).toEqual(p);
    expect(validate(whitMonday, { allowNonWorkingDay: true })).toEqual([]);
    expect(codes(validate({ ...whitMonday, kind: 'CP' }))).toEqual(['NON_WORKING_DAY']);
  });

  it('is an ordinary working day for a mission that works it: work and absences without override', () => {
    const solidarity = { mission: { whitMondayWorked: true } };
    expect(validate(whitMonday, solidarity)).toEqual([]);
    expect(validate({ ...whitMonday, kind: 'CP' }, solidarity)).toEqual([]);
    expect(validate({ ...whitMonday, fraction: 0.5, kind: 'RTT' }, solidarity)).toEqual([]);
    // the other rules still apply
    expect(codes(validate(whitMonday, { ...solidarity, others: [{ kind: 'CP', fraction: 0.5 }] }))).toEqual(['DAY_OVERBOOKED']);
    // other holidays stay holidays
    expect(codes(validate({ ...whitMonday, date: '2026-05-14' }, solidarity))).toEqual(['NON_WORKING_DAY']);
  });
});

describe('validateDayEntry: params of the localized texts', () => {
  it('OUTSIDE_MISSION_WINDOW gives the window, with an open-ended variant', () => {
    expect(validate({ date: '2026-07-01', fraction: 1, kind: 'WORKED' })[0]).toMatchObject({
      params: { date: '2026-07-01', start: '2026-05-04', end: '2026-06-30' },
    });
    const open = validate({ date: '2026-05-01', fraction: 0, kind: 'WORKED' }, { mission: { endDate: null } })[0];
    expect(open).toMatchObject({ variant: 'openEnded', params: { date: '2026-05-01', start: '2026-05-04' } });
    expect(open?.params).not.toHaveProperty('end');
  });

  it('NON_WORKING_DAY tells weekend from holiday and work from absence', () => {
    expect(validate({ date: '2026-05-09', fraction: 1, kind: 'WORKED' })[0]).toMatchObject({
      variant: 'weekendWork',
      params: { date: '2026-05-09' },
    });
    expect(validate({ date: '2026-05-09', fraction: 1, kind: 'SICK' })[0]).toMatchObject({ variant: 'weekendAbsence' });
    expect(validate({ date: '2026-05-14', fraction: 1, kind: 'CP' })[0]).toMatchObject({
      variant: 'holidayAbsence',
      params: { date: '2026-05-14', holiday: 'Ascension' },
    });
  });

  it('DAY_OVERBOOKED gives the total and what is already recorded, in days', () => {
    const [p] = validate({ date: '2026-05-05', fraction: 1, kind: 'WORKED' }, { others: [{ kind: 'CP', fraction: '0.5' }] });
    expect(p).toMatchObject({ code: 'DAY_OVERBOOKED', params: { date: '2026-05-05', total: 1.5, already: 0.5 } });
    expect(p?.message).toContain('would total 1.5 days');
  });

  it('fraction and kind problems carry their values', () => {
    expect(validate({ date: '2026-05-04', fraction: 0.25, kind: 'WORKED' })[0]).toMatchObject({
      code: 'FRACTION_NOT_ALLOWED',
      params: { value: '0.25', granularity: 'HALF', allowed: '0, 0.5, 1' },
    });
    expect(validate({ date: '2026-05-04', fraction: '0,5', kind: 'WORKED' })[0]).toMatchObject({ params: { value: '0,5' } });
    expect(validate({ date: '2026-05-04', fraction: 1, kind: 'NAP' as DayKind })[0]).toMatchObject({
      code: 'INVALID_KIND',
      params: { kind: 'NAP' },
    });
  });
});

describe('flagsForEntry', () => {
  it('does not flag work on Whit Monday for a mission that works it', () => {
    const entry = { date: '2026-05-25', fraction: 1, kind: 'WORKED' } as const;
    expect(flagsForEntry(entry, 'FR')).toEqual({ weekend: false, holiday: 'Lundi de Pentecôte', nonWorkingDayOverride: true });
    expect(flagsForEntry(entry, 'FR', { whitMondayWorked: false }).nonWorkingDayOverride).toBe(true);
    expect(flagsForEntry(entry, 'FR', { whitMondayWorked: true })).toEqual({ weekend: false, holiday: null, nonWorkingDayOverride: false });
    expect(flagsForEntry({ ...entry, date: '2026-05-14' }, 'FR', { whitMondayWorked: true }).nonWorkingDayOverride).toBe(true);
  });

  it('flags worked time on a weekend or holiday as an override', () => {
    expect(flagsForEntry({ date: '2026-05-09', fraction: 1, kind: 'WORKED' }, 'FR')).toEqual({
      weekend: true,
      holiday: null,
      nonWorkingDayOverride: true,
    });
    expect(flagsForEntry({ date: '2026-05-14', fraction: '0.5', kind: 'WORKED' }, 'FR')).toEqual({
      weekend: false,
      holiday: 'Ascension',
      nonWorkingDayOverride: true,
    });
  });

  it('does not flag ordinary days, zeros or absences', () => {
    expect(flagsForEntry({ date: '2026-05-12', fraction: 1, kind: 'WORKED' }, 'FR').nonWorkingDayOverride).toBe(false);
    expect(flagsForEntry({ date: '2026-05-09', fraction: 0, kind: 'WORKED' }, 'FR').nonWorkingDayOverride).toBe(false);
    expect(flagsForEntry({ date: '2026-05-14', fraction: 1, kind: 'CP' }, 'FR').nonWorkingDayOverride).toBe(false);
  });

  it('depends on the region (26 Dec 2025: FR-68 holiday, FR working day)', () => {
    expect(flagsForEntry({ date: '2025-12-26', fraction: 1, kind: 'WORKED' }, 'FR-68').nonWorkingDayOverride).toBe(true);
    expect(flagsForEntry({ date: '2025-12-26', fraction: 1, kind: 'WORKED' }, 'FR')).toEqual({
      weekend: false,
      holiday: null,
      nonWorkingDayOverride: false,
    });
  });
});
