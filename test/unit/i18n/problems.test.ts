import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  allowedQuarters,
  amountByRatePeriod,
  applyCraEvent,
  craContentHash,
  dateInTimeZone,
  fromDateOnlyUTC,
  holidaysOf,
  INITIAL_CRA_STATE,
  minutesOf,
  monthCalendar,
  parseFraction,
  parseQuarterDays,
  parseYearMonth,
  quartersToString,
  tace,
  toDec,
  validateDayEntry,
  validateRatePeriods,
  type CraState,
  type DomainProblem,
  type Granularity,
  type Region,
  type ValidateDayEntryInput,
} from '../../../src/domain/index.js';
import { CodedError, DOMAIN_ERROR_CODES, LOCALIZED_ERROR_CODES, problemOf, type Problem } from '../../../src/errors.js';
import { domainEn } from '../../../src/i18n/domain-en.js';
import { domainFr } from '../../../src/i18n/domain-fr.js';
import { isMessageKey, t, type MessageKey } from '../../../src/i18n/index.js';
import { describeErrorLines, describeProblem, problemsOf } from '../../../src/i18n/problems.js';
import { errorOf } from '../../helpers/errors.js';

const dayInput = (overrides: Partial<ValidateDayEntryInput['entry']>, others: ValidateDayEntryInput['otherEntriesSameDate'] = []) =>
  validateDayEntry({
    entry: { date: '2026-05-05', fraction: 1, kind: 'WORKED', ...overrides },
    mission: { startDate: '2026-05-04', endDate: '2026-06-30', granularity: 'HALF', region: 'FR' },
    otherEntriesSameDate: others,
    allowNonWorkingDay: false,
  });

function only(problems: DomainProblem[]): DomainProblem {
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

const pending: CraState = { status: 'PENDING_CLIENT', version: 1, approvedVersion: null, approvedHash: null };
const approved: CraState = { status: 'APPROVED', version: 1, approvedVersion: 1, approvedHash: 'a'.repeat(64) };
const rate = (from: string, to: string | null, tjm = '650') => ({ from, to, tjm });

/** Every domain code (and the variants), produced by the real domain functions. */
const produced: [string, () => Problem | CodedError][] = [
  ['INVALID_DATE', () => only(dayInput({ date: '2026-02-30' }))],
  ['INVALID_DATE.offset', () => errorOf(() => addDays('2026-05-05', 0.5))],
  ['INVALID_DATE.dateObject', () => errorOf(() => fromDateOnlyUTC(new Date(Number.NaN)))],
  ['INVALID_DATE.notDateOnly', () => errorOf(() => fromDateOnlyUTC(new Date('2026-05-05T12:00:00Z')))],
  ['INVALID_DATE', () => errorOf(() => amountByRatePeriod([{ date: '2026-5-5', worked: 1 }], []))],
  ['INVALID_MONTH', () => errorOf(() => parseYearMonth('2026-13'))],
  ['INVALID_MONTH.offset', () => errorOf(() => addMonths('2026-05', 1.5))],
  ['INVALID_YEAR', () => errorOf(() => holidaysOf('FR', 0))],
  ['INVALID_TIME_ZONE', () => errorOf(() => dateInTimeZone(new Date(), 'Mars/Olympus_Mons'))],
  ['INVALID_TIME', () => errorOf(() => minutesOf('25:00'))],
  ['UNSUPPORTED_REGION', () => errorOf(() => monthCalendar('2026-05', 'FR-XX' as Region))],
  ['INVALID_FRACTION', () => errorOf(() => parseFraction('0,5'))],
  ['INVALID_FRACTION', () => only(dayInput({ fraction: 'half' }))],
  ['INVALID_FRACTION.notQuarterDays', () => errorOf(() => parseQuarterDays('0.1'))],
  ['INVALID_FRACTION.quartersNotInteger', () => errorOf(() => quartersToString(0.5))],
  ['FRACTION_NOT_ALLOWED', () => errorOf(() => parseFraction('0.25', 'HALF'))],
  ['FRACTION_NOT_ALLOWED', () => only(dayInput({ fraction: 2 }))],
  ['INVALID_GRANULARITY', () => errorOf(() => allowedQuarters('WEEK' as Granularity))],
  ['INVALID_KIND', () => only(dayInput({ kind: 'NAP' as 'WORKED' }))],
  ['OUTSIDE_MISSION_WINDOW', () => only(dayInput({ date: '2026-07-01' }))],
  ['NON_WORKING_DAY.weekendWork', () => only(dayInput({ date: '2026-05-09' }))],
  ['NON_WORKING_DAY.holidayWork', () => only(dayInput({ date: '2026-05-14' }))],
  ['NON_WORKING_DAY.weekendAbsence', () => only(dayInput({ date: '2026-05-09', kind: 'CP' }))],
  ['NON_WORKING_DAY.holidayAbsence', () => only(dayInput({ date: '2026-05-25', kind: 'RTT' }))],
  ['DAY_OVERBOOKED', () => only(dayInput({}, [{ kind: 'CP', fraction: '0.5' }]))],
  ['CRA_INVALID_TRANSITION', () => errorOf(() => applyCraEvent(INITIAL_CRA_STATE, { type: 'invoice' }))],
  ['CRA_INVALID_VERSION', () => errorOf(() => craContentHash({ missionId: 'm', month: '2026-05', version: 0, days: [] }))],
  ['CRA_INCOMPLETE', () => errorOf(() => applyCraEvent(INITIAL_CRA_STATE, { type: 'submit', complete: false, missingDays: ['2026-05-04', '2026-05-05'] }))],
  ['CRA_INCOMPLETE.noList', () => errorOf(() => applyCraEvent(INITIAL_CRA_STATE, { type: 'submit', complete: false, missingDays: [] }))],
  [
    'CRA_VERSION_MISMATCH',
    () => errorOf(() => applyCraEvent(pending, { type: 'approve', version: 2, contentHash: 'a', currentHash: 'a' })),
  ],
  ['CRA_TACIT_NOT_ALLOWED', () => errorOf(() => applyCraEvent(pending, { type: 'tacitApprove', allowed: false, contentHash: 'a' }))],
  ['CRA_REASON_REQUIRED.dispute', () => errorOf(() => applyCraEvent(pending, { type: 'dispute', reason: ' ', month: '2026-05', days: [] }))],
  ['CRA_REASON_REQUIRED.reopen', () => errorOf(() => applyCraEvent(approved, { type: 'reopen', reason: '' }))],
  [
    'CRA_DAY_OUTSIDE_MONTH',
    () => errorOf(() => applyCraEvent(pending, { type: 'dispute', reason: 'x', month: '2026-05', days: ['2026-06-01'] })),
  ],
  ['INVALID_AMOUNT', () => errorOf(() => toDec('6,50', 'INVALID_AMOUNT', 'TJM'))],
  ['INVALID_RATE_PERIOD', () => only(validateRatePeriods([rate('2026-13-01', null)]))],
  ['INVALID_RATE_PERIOD.endsBeforeStart', () => only(validateRatePeriods([rate('2026-05-10', '2026-05-01')]))],
  ['RATE_NOT_POSITIVE', () => only(validateRatePeriods([rate('2026-05-01', null, '0')]))],
  ['RATE_PERIODS_OVERLAP', () => only(validateRatePeriods([rate('2026-05-01', '2026-05-31'), rate('2026-05-15', null, '700')]))],
  ['RATE_PERIODS_OVERLAP', () => errorOf(() => amountByRatePeriod([], [rate('2026-05-01', null), rate('2026-05-15', null)]))],
  ['NO_RATE_FOR_DATE', () => errorOf(() => amountByRatePeriod([{ date: '2026-05-04', worked: 1 }], []))],
  ['INVALID_DAYS', () => errorOf(() => amountByRatePeriod([{ date: '2026-05-04', worked: 'one' }], [rate('2026-05-01', null)]))],
  ['INVALID_DAYS.negative', () => errorOf(() => tace({ producedDays: -1, potentialDays: 20, cpDays: 0, rttDays: 0 }))],
  ['INVALID_DAYS.negative', () => errorOf(() => amountByRatePeriod([{ date: '2026-05-04', worked: -1 }], [rate('2026-05-01', null)]))],
];

describe('problem catalogs', () => {
  it('have one French and one English text per domain and service code', () => {
    expect(LOCALIZED_ERROR_CODES).toEqual(expect.arrayContaining([...DOMAIN_ERROR_CODES, 'CRA_LOCKED', 'MISSION_NOT_FOUND']));
    for (const code of LOCALIZED_ERROR_CODES) {
      const key = `problem.${code}`;
      expect(isMessageKey(key), key).toBe(true);
      expect(t('fr', key as MessageKey), key).not.toBe(t('en', key as MessageKey));
    }
  });

  it('have the same keys and the same placeholders in French and English', () => {
    expect(Object.keys(domainEn).sort()).toEqual(Object.keys(domainFr).sort());
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, fr] of Object.entries(domainFr)) {
      expect(names(domainEn[key as keyof typeof domainEn]), key).toEqual(names(fr));
    }
  });

  it('are reachable through t() next to the base catalog', () => {
    expect(t('fr', 'problem.NO_RATE_FOR_DATE', { date: '2026-05-04' })).toBe('Aucun TJM ne couvre le 2026-05-04.');
    expect(t('en', 'problem.NO_RATE_FOR_DATE', { date: '2026-05-04' })).toBe('No TJM rate covers 2026-05-04.');
    expect(t('en', 'kind.CP')).toBe('paid leave');
    expect(isMessageKey('problem.NOPE')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });
});

describe('describeProblem', () => {
  it('every domain code produced by the domain gives a complete text in both languages', () => {
    const covered = new Set<string>();
    for (const [expected, produce] of produced) {
      const problem = produce();
      const [code, variant] = expected.split('.');
      expect(problem.code, expected).toBe(code);
      expect(problem.variant, expected).toBe(variant);
      covered.add(problem.code);
      const fr = describeProblem('fr', problem);
      const en = describeProblem('en', problem);
      for (const text of [fr, en]) {
        expect(text, expected).not.toMatch(/[{}]/);
        expect(text, expected).not.toBe(problem.message);
      }
      expect(fr, expected).not.toBe(en);
      expect(fr, expected).toBe(t('fr', `problem.${expected}` as MessageKey, formatted(problem, 'fr')));
    }
    expect([...covered].sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
  });

  it('fills the texts with the problem params, numbers in the locale', () => {
    const overbooked = only(dayInput({}, [{ kind: 'CP', fraction: '0.5' }]));
    expect(describeProblem('fr', overbooked)).toBe('Le 2026-05-05 totaliserait 1,5 jour(s) (1 au plus ; déjà 0,5 ailleurs).');
    expect(describeProblem('en', overbooked)).toBe('2026-05-05 would total 1.5 days (at most 1; already 0.5 elsewhere).');
    const holiday = only(dayInput({ date: '2026-05-14' }));
    expect(describeProblem('fr', holiday)).toBe(
      'Le 2026-05-14 est férié (Ascension) : y déclarer du travail demande une dérogation explicite.',
    );
    expect(describeProblem('en', holiday)).toBe('2026-05-14 is a public holiday (Ascension): recording work needs an explicit override.');
    const incomplete = errorOf(() =>
      applyCraEvent(INITIAL_CRA_STATE, { type: 'submit', complete: false, missingDays: ['2026-05-04', '2026-05-05'] }),
    );
    expect(describeProblem('fr', incomplete)).toBe('Le CRA est incomplet : 2 jour(s) manquant(s) (2026-05-04, 2026-05-05).');
  });

  it('translates a CRA status parameter', () => {
    const transition = errorOf(() => applyCraEvent(INITIAL_CRA_STATE, { type: 'invoice' }));
    expect(describeProblem('fr', transition)).toBe('Action « invoice » impossible sur un CRA au statut « brouillon ».');
    expect(describeProblem('en', transition)).toBe('Cannot apply "invoice" to a CRA in status "draft".');
    const locked = new CodedError('CRA_LOCKED', 'The CRA 2026-05 is approved…', undefined, { params: { month: '2026-05', status: 'APPROVED' } });
    expect(describeProblem('fr', locked)).toBe(
      'Le CRA 2026-05 est validé : un administrateur de l’ESN doit le rouvrir avant toute modification des jours.',
    );
  });

  it('names the mission of a problem that is about one', () => {
    const error = new CodedError('NO_RATE_FOR_DATE', 'Mission M-1: No TJM rate covers 2026-05-04', undefined, {
      params: { date: '2026-05-04', mission: 'M-1' },
    });
    expect(describeProblem('fr', error)).toBe('Mission M-1 : Aucun TJM ne couvre le 2026-05-04.');
    expect(describeProblem('en', error)).toBe('Mission M-1: No TJM rate covers 2026-05-04.');
  });

  it('falls back to the English message: unknown code, missing parameter; French for an unknown locale', () => {
    expect(describeProblem('fr', new CodedError('SOMETHING_ELSE', 'Something else went wrong'))).toBe('Something else went wrong');
    expect(describeProblem('fr', new CodedError('NO_RATE_FOR_DATE', 'No TJM rate covers ?'))).toBe('No TJM rate covers ?');
    const unknownVariant = new CodedError('NO_RATE_FOR_DATE', 'x', undefined, { params: { date: '2026-05-04' }, variant: 'nope' });
    expect(describeProblem('en', unknownVariant)).toBe('No TJM rate covers 2026-05-04.');
    expect(describeProblem('de', unknownVariant)).toBe('Aucun TJM ne couvre le 2026-05-04.');
    expect(describeProblem(undefined, unknownVariant)).toBe('Aucun TJM ne couvre le 2026-05-04.');
  });

  it('accepts a serialized problem (JSON round trip)', () => {
    const problem = JSON.parse(JSON.stringify(problemOf(errorOf(() => parseYearMonth('2026-13'))))) as Problem;
    expect(describeProblem('en', problem)).toBe('Invalid month: 2026-13 (expected YYYY-MM).');
  });
});

describe('describeErrorLines', () => {
  it('gives one line per problem of details.problems, else the error itself', () => {
    const problems = dayInput({ date: '2026-07-04' }, [{ kind: 'CP', fraction: 0.5 }]);
    expect(problems.map((p) => p.code)).toEqual(['OUTSIDE_MISSION_WINDOW', 'NON_WORKING_DAY', 'DAY_OVERBOOKED']);
    const error = CodedError.fromProblem(problems[0]!, { problems });
    expect(problemsOf(error)).toHaveLength(3);
    expect(describeErrorLines('fr', error)).toEqual([
      'Le 2026-07-04 est en dehors de la période de la mission (du 2026-05-04 au 2026-06-30).',
      'Le 2026-07-04 tombe un week-end : y déclarer du travail demande une dérogation explicite.',
      'Le 2026-07-04 totaliserait 1,5 jour(s) (1 au plus ; déjà 0,5 ailleurs).',
    ]);
    const single = errorOf(() => parseYearMonth('2026-13'));
    expect(describeErrorLines('en', single)).toEqual(['Invalid month: 2026-13 (expected YYYY-MM).']);
    expect(describeErrorLines('en', new CodedError('X', 'plain', { problems: 'not a list' }))).toEqual(['plain']);
  });
});

/** The params of a problem as describeProblem formats them (numbers in the locale, statuses translated). */
function formatted(problem: Problem | CodedError, locale: 'fr' | 'en'): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(problem.params)) {
    result[name] =
      typeof value === 'number'
        ? new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 2 }).format(value)
        : name === 'status' && isMessageKey(`cra.status.${value}`)
          ? t(locale, `cra.status.${value}` as MessageKey)
          : value;
  }
  return result;
}
